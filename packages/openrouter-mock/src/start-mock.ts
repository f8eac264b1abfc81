import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
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

export type RunningMock = {
  // The mock on a local port: `${url}/api/v1/...`, plus `${url}/__mock/journal`.
  url: string
  proxyUrl: string
  caFile: string
  // Proxy and CA variables for a child process; add OPENROUTER_API_KEY yourself.
  env: Record<string, string>
  keys: KeyRegistry
  journal: Journal
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

  const proxy = createProxy({
    allowed: [`${impersonatedHost}:443`],
    certificates,
    journal,
    listener: createRequestListener({
      handlers,
      journal,
      via: 'proxy',
      origin: `https://${impersonatedHost}`,
    }),
  })
  const proxyUrl = `http://127.0.0.1:${await listen(proxy.server, options.proxyPort ?? 0)}`

  return {
    url,
    proxyUrl,
    caFile,
    env: childEnvironment(proxyUrl, caFile),
    keys,
    journal,
    close: async () => {
      proxy.destroyTunnels()
      await Promise.all([shut(direct), shut(proxy.server)])
      await rm(tempDir, { recursive: true, force: true })
    },
  }
}
