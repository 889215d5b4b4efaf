// Removes the build folders named on the command line (a portable `rm -rf`).
const { rmSync } = require('node:fs')
for (const dir of process.argv.slice(2))
  rmSync(dir, { recursive: true, force: true })
