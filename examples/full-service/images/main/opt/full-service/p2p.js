// Peer gossip: one TCP listener per port of the range, each greeting peers with its id.
const net = require('node:net')

const first = Number(process.env.P2P_PORT)
const count = Number(process.env.P2P_PORTS)
const servers = []
for (let port = first; port < first + count; port++) {
  const server = net.createServer((socket) => {
    socket.end(`full-service ${process.env.NODE_ID} on ${port}\n`)
  })
  server.listen(port, '127.0.0.1')
  servers.push(server)
}
process.on('SIGTERM', () => {
  for (const server of servers) server.close()
  process.exit(0)
})
