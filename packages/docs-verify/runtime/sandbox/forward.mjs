// Inside a block's sandbox, whose network has nothing but its own loopback: the one door out.
// Listens where the block's proxy variables point (127.0.0.1:PORT) and carries each connection
// through the Unix socket the checker bound in, to the mock's proxy. Says "ready" once listening.
import { connect, createServer } from 'node:net'

const [port, socket] = process.argv.slice(2)
const server = createServer((client) => {
  const upstream = connect(socket)
  const close = () => {
    client.destroy()
    upstream.destroy()
  }
  client.on('error', close).on('close', close)
  upstream.on('error', close).on('close', close)
  client.pipe(upstream).pipe(client)
})
server.listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'))
