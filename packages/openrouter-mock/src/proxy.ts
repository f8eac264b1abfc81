import { createServer as createHttpServer, type RequestListener } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { TLSSocket, type SecureContext } from 'node:tls'
import type { Journal } from './journal.ts'

export type ProxyOptions = {
  // host:port pairs served by impersonation; every other CONNECT is refused.
  allowed: readonly string[]
  // The leaf for the impersonated host, made once per mock and shared by all its proxies.
  secureContext: SecureContext
  listener: RequestListener
  journal: Journal
  tag?: string
}

const refusalText = (target: string, allowed: readonly string[]) =>
  `refused: the conformance proxy does not connect to ${target}; it only serves ${allowed.join(', ')} from the mock\n`

// An HTTPS forward proxy that answers `CONNECT openrouter.ai:443` itself: it terminates TLS with a
// leaf from the run's throwaway CA and hands the decrypted requests to the mock's listener.
// Nothing it accepts ever leaves the machine.
export const createProxy = ({ allowed, secureContext, listener, journal, tag }: ProxyOptions) => {
  // The decrypted side: an HTTP server that never listens, fed the TLS sockets.
  const inner = createHttpServer({ keepAliveTimeout: 5_000 }, listener)
  inner.on('clientError', (_error, socket) => socket.destroy())

  // Tunnels leave the proxy's own bookkeeping once CONNECT succeeds, so closing must end them.
  const tunnels = new Set<Duplex>()

  // Journals the refusal and returns the text that tells the client which host was refused.
  const refusal = (host: string, port: number) => {
    const body = refusalText(`${host}:${port}`, allowed)
    journal.record({
      kind: 'refused',
      host,
      port,
      reason: body.trim(),
      ...(tag === undefined ? {} : { tag }),
    })
    return body
  }

  const refuse = (socket: Duplex, host: string, port: number) => {
    const body = refusal(host, port)
    socket.end(
      `HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  }

  const proxy = createHttpServer((request, response) => {
    // A plain-HTTP proxy request (absolute URL): nothing legitimate uses it here.
    const url = URL.canParse(request.url ?? '') ? new URL(request.url!) : undefined
    const host = url?.hostname ?? request.headers.host ?? 'unknown'
    const port = Number(url?.port || 80)
    const body = refusal(host, port)
    response
      .writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' })
      .end(body)
  })

  proxy.on('connect', (request, socket, head) => {
    const target = request.url ?? ''
    const [host = '', port = '443'] = target.split(/:(?=\d+$)/)
    socket.on('error', () => socket.destroy())
    if (!allowed.includes(`${host.toLowerCase()}:${port}`))
      return refuse(socket, host, Number(port))
    tunnels.add(socket)
    socket.once('close', () => tunnels.delete(socket))
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    if (head.length > 0) socket.unshift(head)
    const tls = new TLSSocket(socket as Socket, {
      isServer: true,
      secureContext,
      ALPNProtocols: ['http/1.1'],
    })
    tls.on('error', () => tls.destroy())
    inner.emit('connection', tls)
  })
  proxy.on('clientError', (_error, socket) => socket.destroy())
  proxy.on('close', () => inner.close())
  const destroyTunnels = () => {
    for (const tunnel of tunnels) tunnel.destroy()
  }
  return { server: proxy, destroyTunnels }
}
