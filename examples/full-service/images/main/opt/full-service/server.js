// The web UI and JSON API. Reads its settings from the environment and /data/config.yaml's
// values passed in by the package; asks the database for note counts.
const http = require('node:http')
const net = require('node:net')

const title = process.env.TITLE ?? 'Notes'
const basePath = process.env.BASE_PATH ?? '/'
const started = Date.now()

function ask(command) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(process.env.DB_PORT), '127.0.0.1')
    let answer = ''
    socket.on('data', (chunk) => {
      answer += chunk
      if (answer.endsWith('\n')) {
        socket.end()
        resolve(answer.trim())
      }
    })
    socket.on('error', reject)
    socket.write(command + '\n')
  })
}

const server = http.createServer(async (req, res) => {
  try {
    if (req.url === '/health') {
      res.end('ok')
    } else if (req.url === '/api/stats') {
      const notes = Number(await ask('COUNT'))
      res.setHeader('content-type', 'application/json')
      res.end(
        JSON.stringify({
          title,
          notes,
          uptimeSeconds: (Date.now() - started) / 1000,
        }),
      )
    } else if (req.url?.startsWith(basePath)) {
      res.setHeader('content-type', 'text/html')
      res.end(`<h1>${title}</h1><p>${process.env.MOTD ?? ''}</p>`)
    } else {
      res.statusCode = 404
      res.end('not found')
    }
  } catch (e) {
    res.statusCode = 503
    res.end(String(e))
  }
})
server.listen(Number(process.env.PORT), '127.0.0.1')
process.on('SIGTERM', () => {
  server.close(() => process.exit(0))
  server.closeAllConnections()
})
