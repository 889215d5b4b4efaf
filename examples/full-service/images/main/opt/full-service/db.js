// A tiny line-protocol note store: `ADD <text>`, `COUNT`, `LIST`. Notes live in
// $DB_DIR/notes.jsonl (the `db` volume).
const { appendFileSync, existsSync, readFileSync } = require('node:fs')
const net = require('node:net')
const { join } = require('node:path')

const file = join(process.env.DB_DIR ?? '.', 'notes.jsonl')
const notes = existsSync(file)
  ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map(JSON.parse)
  : []

const server = net.createServer((socket) => {
  let buffer = ''
  socket.on('data', (chunk) => {
    buffer += chunk
    let nl
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl)
      buffer = buffer.slice(nl + 1)
      const [command, ...rest] = line.split(' ')
      if (command === 'ADD') {
        const note = { text: rest.join(' '), at: new Date().toISOString() }
        notes.push(note)
        appendFileSync(file, JSON.stringify(note) + '\n')
        socket.write('OK\n')
      } else if (command === 'COUNT') socket.write(`${notes.length}\n`)
      else if (command === 'LIST') socket.write(JSON.stringify(notes) + '\n')
      else socket.write('ERR unknown command\n')
    }
  })
  socket.on('error', () => undefined)
})
server.listen(Number(process.env.DB_PORT), '127.0.0.1')
process.on('SIGTERM', () => server.close(() => process.exit(0)))
