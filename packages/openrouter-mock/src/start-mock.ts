import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createSecureContext } from 'node:tls'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { adminPrefix, createAdminHandlers } from './admin.ts'
import { createCertificates } from './certificates.ts'
import { childEnvironment } from './child-env.ts'
import { createHandlers } from './handlers.ts'
import { Journal } from './journal.ts'
import { KeyRegistry } from './keys.ts'
import { createProxy } from './proxy.ts'
import { createRequestListener } from './serve-request.ts'

export const impersonatedHost = 'openrouter.ai'

export type MockOptions = {
  // 0 picks a free port; the CLI lets a person fix them.
  port?: number
  proxyPort?: number
  keys?: KeyRegistry
}

export type TaggedProxy = {
  url: string
  // Proxy and CA variables for a child process that should use this proxy.
  env: Record<string, string>
  close: () => Promise<void>
}

export type RunningMock = {
  // The mock on a local port: `${url}/api/v1/...`, plus `${url}/__mock/journal`.
  url: string
  proxyUrl: string
  caFile: string
  // Proxy and CA variables for a child process; add OPENROUTER_API_KEY yourself.
  env: Record<string, string>
  keys: KeyRegistry
  journal: Journal
  // Another proxy listener whose traffic, refusals included, is journaled under `tag`: how a
  // harness tells apart callers that have no key, or connect somewhere they should not.
  openProxy: (tag: string) => Promise<TaggedProxy>
  close: () => Promise<void>
}

const listen = (server: Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })

const shut = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })

// Starts the mock twice over: directly on 127.0.0.1 and as openrouter.ai behind the proxy. Both
// share one key registry and one journal.
export const startMock = async (options: MockOptions = {}): Promise<RunningMock> => {
  const keys = options.keys ?? new KeyRegistry()
  const journal = new Journal()
  const handlers = createHandlers({ keys })
  const tempDir = await mkdtemp(join(tmpdir(), 'openrouter-mock-'))
  const certificates = await createCertificates([impersonatedHost])
  const caFile = join(tempDir, 'ca.pem')
  await writeFile(caFile, certificates.caCertPem)
  const secureContext = createSecureContext({
    cert: certificates.leafCertPem,
    key: certificates.leafKeyPem,
  })

  const direct = createServer()
  const directPort = await listen(direct, options.port ?? 0)
  const url = `http://127.0.0.1:${directPort}`
  direct.on(
    'request',
    createRequestListener({
      handlers: [...createAdminHandlers({ keys, journal }), ...handlers],
      journal,
      via: 'direct',
      origin: url,
      unjournaledPrefix: adminPrefix,
    }),
  )

  const proxies = new Set<ReturnType<typeof createProxy>>()
  const closeProxy = async (proxy: ReturnType<typeof createProxy>) => {
    proxies.delete(proxy)
    proxy.destroyTunnels()
    await shut(proxy.server)
  }
  const openProxy = async (tag?: string, port = 0) => {
    const origin = `https://${impersonatedHost}`
    const proxy = createProxy({
      allowed: [`${impersonatedHost}:443`],
      secureContext,
      journal,
      tag,
      listener: createRequestListener({ handlers, journal, via: 'proxy', tag, origin }),
    })
    proxies.add(proxy)
    const url = `http://127.0.0.1:${await listen(proxy.server, port)}`
    return { url, env: childEnvironment(url, caFile), close: () => closeProxy(proxy) }
  }
  const main = await openProxy(undefined, options.proxyPort ?? 0)

  return {
    url,
    proxyUrl: main.url,
    caFile,
    env: main.env,
    keys,
    journal,
    openProxy,
    close: async () => {
      await Promise.all([shut(direct), ...[...proxies].map(closeProxy)])
      await rm(tempDir, { recursive: true, force: true })
    },
  }
}
