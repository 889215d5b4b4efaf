import assert from 'node:assert/strict'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { after, before, test } from 'node:test'
import {
  freshPackage,
  packTarball,
  root,
  run,
  tsc6,
  tsc7,
} from '../package/helpers'
import { installFakeStartCli, make, pathWithoutStartCli } from './helpers'

const EXAMPLE = join(root, 'examples/hello-world')
const EXPORTS = [
  'actions',
  'createBackup',
  'init',
  'main',
  'manifest',
  'uninit',
]
const DOCS = 'https://docs.start9.com/packaging/environment-setup.html'

let dir = ''
/** One package installed from the packed tarball, shared by every case (installs are slow). */
let pkg = ''
/** The environment of a machine without start-cli. */
let bare: NodeJS.ProcessEnv = {}
/** The environment with the stand-in start-cli first on PATH. */
let withCli: NodeJS.ProcessEnv = {}
let cliLog = ''

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'start-sdk-plumbing-'))
  const example = JSON.parse(
    readFileSync(join(EXAMPLE, 'package.json'), 'utf8'),
  ) as { scripts: Record<string, string> }
  pkg = freshPackage(dir, packTarball(dir), 'hello-world-startos', {
    manifest: { scripts: example.scripts },
    devDependencies: ['@vercel/ncc', 'typescript'],
  })
  // The example's own sources, tsconfig and Makefile, now against the installed tarball.
  cpSync(join(EXAMPLE, 'startos'), join(pkg, 'startos'), { recursive: true })
  cpSync(join(EXAMPLE, 'tsconfig.json'), join(pkg, 'tsconfig.json'))
  cpSync(join(EXAMPLE, 'Makefile'), join(pkg, 'Makefile'))
  bare = { ...process.env, PATH: pathWithoutStartCli() }
  cliLog = join(dir, 'start-cli.log')
  installFakeStartCli(join(dir, 'bin'))
  mkdirSync(join(dir, 'home'))
  withCli = {
    ...process.env,
    PATH: join(dir, 'bin') + delimiter + pathWithoutStartCli(),
    HOME: join(dir, 'home'),
    FAKE_START_CLI_LOG: cliLog,
  }
})

after(() => rmSync(dir, { recursive: true, force: true }))

/** The calls the stand-in start-cli received so far. */
function cliCalls(): string[][] {
  if (!existsSync(cliLog)) return []
  return readFileSync(cliLog, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as string[])
}

test('extending @start9labs/start-sdk/tsconfig.base.json type-checks a package with TS 6 and TS 7', () => {
  const config = JSON.parse(
    readFileSync(join(pkg, 'tsconfig.json'), 'utf8'),
  ) as { extends: string }
  assert.equal(config.extends, '@start9labs/start-sdk/tsconfig.base.json')
  run('node', [tsc6, '-p', '.'], pkg)
  run('node', [tsc7, '-p', '.'], pkg)
})

test('make print-VAR answers without start-cli, with overrides and VARIANT', () => {
  const print = (...args: string[]): string => {
    const r = make(pkg, ['-s', ...args], bare)
    assert.equal(r.status, 0, r.stderr)
    return r.stdout.trim()
  }
  assert.equal(print('print-ARCHES'), 'x86 arm riscv')
  assert.equal(print('print-TARGETS'), 'x86 arm riscv')
  assert.equal(print('print-TARGETS', 'ARCHES=x86 arm'), 'x86 arm')
  assert.equal(print('print-PACKAGE_ID'), 'hello-world')
  assert.equal(print('print-BASE_NAME'), 'hello-world')
  assert.equal(print('print-BASE_NAME', 'VARIANT=lite'), 'hello-world_lite')
  assert.equal(print('print-INGREDIENTS'), '')
})

test('make -n plans the bundle and the pack of each arch alias and universal', () => {
  const plan = (...args: string[]): string => {
    const r = make(pkg, ['-n', ...args], bare)
    assert.equal(r.status, 0, r.stderr)
    return r.stdout
  }
  const x86 = plan('x86')
  assert.match(x86, /command -v start-cli/)
  assert.match(x86, /^npm run check$/m)
  assert.match(x86, /^npm run build$/m)
  assert.match(
    x86,
    /^start-cli s9pk pack --arch=x86_64 -o hello-world_x86_64\.s9pk$/m,
  )
  assert.ok(x86.indexOf('npm run build') < x86.indexOf('s9pk pack'))
  assert.equal(plan('x86_64'), x86)
  for (const [alias, arch] of [
    ['arm', 'aarch64'],
    ['arm64', 'aarch64'],
    ['aarch64', 'aarch64'],
    ['riscv', 'riscv64'],
    ['riscv64', 'riscv64'],
  ])
    assert.match(
      plan(alias!),
      new RegExp(
        `^start-cli s9pk pack --arch=${arch} -o hello-world_${arch}\\.s9pk$`,
        'm',
      ),
    )
  assert.match(plan('universal'), /^start-cli s9pk pack -o hello-world\.s9pk$/m)
  assert.match(
    plan('x86', 'VARIANT=lite'),
    /-o hello-world_lite_x86_64\.s9pk$/m,
  )
  const all = plan('all', 'ARCHES=x86 riscv')
  assert.match(all, /--arch=x86_64/)
  assert.match(all, /--arch=riscv64/)
  assert.doesNotMatch(all, /--arch=aarch64/)
})

test('make x86 without start-cli stops first with a message naming start-cli and where to get it', () => {
  const r = make(pkg, ['x86'], bare)
  assert.notEqual(r.status, 0)
  assert.match(r.stderr, /'start-cli' was not found on PATH/)
  assert.ok(r.stderr.includes(DOCS), r.stderr)
  assert.doesNotMatch(r.stderr, /'npm'|'git'|'jq'/)
  assert.ok(!existsSync(join(pkg, 'javascript')), 'nothing was built')
})

test('make javascript/index.js bundles with ncc without start-cli; the bundle has exactly the six exports', () => {
  const r = make(pkg, ['javascript/index.js'], bare)
  assert.equal(r.status, 0, r.stderr)
  assert.doesNotMatch(r.stdout, /npm (ci|install)/, 'node_modules is current')
  const keys = run(
    'node',
    [
      '-p',
      "JSON.stringify(Object.keys(require('./javascript/index.js')).sort())",
    ],
    pkg,
  )
  assert.deepEqual(JSON.parse(keys), EXPORTS)
  const again = make(pkg, ['javascript/index.js'], bare)
  assert.match(again.stdout, /is up to date/)
})

test('with start-cli, make x86 packs the arch and prints the summary from the packed manifest', () => {
  const r = make(pkg, ['x86'], withCli)
  assert.equal(r.status, 0, r.stderr)
  const calls = cliCalls()
  assert.deepEqual(calls.at(-2), [
    's9pk',
    'pack',
    '--arch=x86_64',
    '-o',
    'hello-world_x86_64.s9pk',
  ])
  assert.deepEqual(calls.at(-1), [
    's9pk',
    'inspect',
    'hello-world_x86_64.s9pk',
    'manifest',
  ])
  assert.ok(existsSync(join(pkg, 'hello-world_x86_64.s9pk')))
  assert.match(r.stdout, /Packed hello-world_x86_64\.s9pk/)
  assert.match(r.stdout, /title +Hello World/)
  assert.match(r.stdout, /version +1\.0\.0:0/)
  assert.match(r.stdout, /arch +x86_64/)
  assert.match(r.stdout, /git +f00d/)
  // Up to date: a second run packs nothing.
  const before = cliCalls().length
  assert.equal(make(pkg, ['x86'], withCli).status, 0)
  assert.ok(
    !cliCalls()
      .slice(before)
      .some((c) => c[1] === 'pack'),
  )
})

test('git HEAD is a rebuild trigger, and a repo without .git/index yet is fine', () => {
  run('git', ['init', '-q'], pkg)
  assert.ok(!existsSync(join(pkg, '.git/index')))
  const deps = make(pkg, ['-s', 'print-GIT_DEPS'], bare)
  assert.equal(deps.stdout.trim(), '.git/HEAD')
  const plan = make(pkg, ['-n', 'x86'], withCli)
  assert.equal(plan.status, 0, plan.stderr)
  assert.match(plan.stdout, /s9pk pack --arch=x86_64/, 'HEAD is newer')
})

test('make publish needs s3cmd, then packs every target and publishes each package', () => {
  const start = cliCalls().length
  const missing = make(pkg, ['publish'], withCli)
  assert.notEqual(missing.status, 0)
  assert.match(missing.stderr, /'s3cmd' was not found on PATH/)
  assert.ok(
    !cliCalls()
      .slice(start)
      .some((c) => c[1] === 'pack'),
    'no pack',
  )
  writeFileSync(join(dir, 'bin/s3cmd'), '#!/bin/sh\n', { mode: 0o755 })
  const before = cliCalls().length
  const r = make(pkg, ['publish', 'ARCHES=x86 arm'], withCli)
  assert.equal(r.status, 0, r.stderr)
  const calls = cliCalls().slice(before)
  assert.deepEqual(
    calls.filter((c) => c[1] === 'publish').map((c) => c[2]),
    ['./hello-world_aarch64.s9pk', './hello-world_x86_64.s9pk'],
  )
  assert.ok(calls.some((c) => c.includes('--arch=aarch64')))
})

test('check-init without a developer key needs start-cli, and says so', () => {
  const r = make(pkg, ['check-init'], { ...bare, HOME: join(dir, 'nokey') })
  assert.notEqual(r.status, 0)
  assert.match(r.stderr, /no developer key .*'start-cli'.*not found on PATH/)
})

test('make install creates the developer key first, then installs the selected package', () => {
  const before = cliCalls().length
  const r = make(pkg, ['install'], withCli)
  assert.equal(r.status, 0, r.stderr)
  // Reading the ingredients when make starts is not part of the install.
  const calls = cliCalls()
    .slice(before)
    .filter((c) => c[1] !== 'list-ingredients')
  assert.deepEqual(
    calls.map((c) => c.slice(0, 2).join(' ')),
    ['init-key', 's9pk select', 'package install'],
  )
  assert.deepEqual(calls.at(-1), [
    'package',
    'install',
    '-s',
    'hello-world_aarch64.s9pk',
  ])
  assert.ok(existsSync(join(withCli['HOME']!, '.startos/developer.key.pem')))
})

test('make clean removes the bundle, the packages and node_modules', () => {
  const r = make(pkg, ['clean'], bare)
  assert.equal(r.status, 0, r.stderr)
  for (const gone of [
    'javascript',
    'hello-world_x86_64.s9pk',
    'hello-world_aarch64.s9pk',
    'node_modules',
  ])
    assert.ok(!existsSync(join(pkg, gone)), gone)
  assert.ok(existsSync(join(pkg, 'startos/index.ts')))
})
