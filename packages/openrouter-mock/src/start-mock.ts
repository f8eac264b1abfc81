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
import { GenerationStore } from './generations.ts'
import { Journal } from './journal.ts'
import { KeyRegistry } from './keys.ts'
import { createProxy } from './proxy.ts'
import { createRequestListener } from './serve-request.ts'

export const impersonatedHost = 'openrouter.ai'
// OpenRouter's hosts: the global API and its regional ones (the docs teach eu.openrouter.ai for
// EU data residency), all serving the same API. The proxy serves these and refuses every other.
export const impersonatedHosts = [impersonatedHost, 'eu.openrouter.ai'] as const

export type MockOptions = {
  // 0 picks a free port; the CLI lets a person fix them.
  port?: number
  proxyPort?: number
  keys?: KeyRegistry
  // How many journal entries a running mock keeps (the oldest go first); tagged entries go as
  // soon as their proxy closes.
  journalSize?: number
  // Answer model ids the catalogue lacks as the live API does, instead of serving them marked.
  strictModels?: boolean
  // OpenRouter's live model list: an id it lacks (its variant aside) is refused as the live API
  // refuses it; a listed id the catalogue lacks is still served from a stand-in, marked.
  listedModels?: ReadonlySet<string>
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
  // The generations it has issued (and any a harness adds: a reader's earlier generation).
  generations: GenerationStore
  journal: Journal
  // Another proxy listener whose traffic, refusals included, is journaled under `tag`: how a
  // harness tells apart callers that have no key, or connect somewhere they should not. Read
  // its entries before closing it: closing forgets them, so a long run's memory stays flat.
  openProxy: (tag: string) => Promise<TaggedProxy>
  close: () => Promise<void>
}

// The host a proxied request named (its `Host`), when it is one the proxy serves.
const knownHost = (host: string | undefined) =>
  impersonatedHosts.find((known) => known === host?.replace(/:443$/, '')) ?? impersonatedHost

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
  const journal = new Journal(options.journalSize)
  const generations = new GenerationStore()
  const handlers = createHandlers({
    keys,
    generations,
    strictModels: options.strictModels ?? false,
    listedModels: options.listedModels,
  })
  const tempDir = await mkdtemp(join(tmpdir(), 'openrouter-mock-'))
  const certificates = await createCertificates(impersonatedHosts)
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
    const proxy = createProxy({
      allowed: impersonatedHosts.map((host) => `${host}:443`),
      secureContext,
      journal,
      tag,
      listener: createRequestListener({
        handlers,
        journal,
        via: 'proxy',
        tag,
        origin: (host) => `https://${knownHost(host)}`,
      }),
    })
    proxies.add(proxy)
    const url = `http://127.0.0.1:${await listen(proxy.server, port)}`
    const close = async () => {
      await closeProxy(proxy)
      if (tag !== undefined) journal.forget({ tag })
    }
    return { url, env: childEnvironment(url, caFile), close }
  }
  const main = await openProxy(undefined, options.proxyPort ?? 0)

  return {
    url,
    proxyUrl: main.url,
    caFile,
    env: main.env,
    keys,
    generations,
    journal,
    openProxy,
    close: async () => {
      await Promise.all([shut(direct), ...[...proxies].map(closeProxy)])
      await rm(tempDir, { recursive: true, force: true })
    },
  }
}
