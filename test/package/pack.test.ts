import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import {
  freshPackage as installFresh,
  packTarball,
  run,
  tsc6,
  tsc7,
} from './helpers'

let dir = ''
let tarball = ''

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'start-sdk-pack-'))
  tarball = packTarball(dir)
})

after(() => rmSync(dir, { recursive: true, force: true }))

test('the tarball ships only built code and the shared build files', () => {
  const out = run('tar', ['-tzf', tarball], dir).trim().split('\n')
  const top = new Set(out.map((f) => f.replace(/^package\//, '').split('/')[0]))
  assert.deepEqual([...top].sort(), [
    'CHANGELOG.md',
    'README.md',
    'bin',
    'dist',
    'package.json',
    's9pk.mk',
    'tsconfig.base.json',
  ])
  assert.ok(out.includes('package/dist/index.d.ts'))
  assert.ok(!out.some((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')))
})

test('a fresh package installs it, extends tsconfig.base.json and type-checks', () => {
  const pkg = freshPackage('consumer')
  writeFileSync(
    join(pkg, 'tsconfig.json'),
    JSON.stringify({
      extends: '@start9labs/start-sdk/tsconfig.base.json',
      include: ['startos/**/*.ts'],
      compilerOptions: { noEmit: true },
    }),
  )
  writeFileSync(
    join(pkg, 'startos/index.ts'),
    [
      "import { ExtendedVersion, VersionRange } from '@start9labs/start-sdk'",
      "const v: ExtendedVersion = ExtendedVersion.parse('1.2.3:0')",
      "export const ok: boolean = v.satisfies(VersionRange.parse('>=1.0:0'))",
      '',
    ].join('\n'),
  )
  run('node', [tsc6, '-p', '.'], pkg)
  run('node', [tsc6, '-p', '.', '--skipLibCheck', 'false'], pkg)
  run('node', [tsc7, '-p', '.', '--skipLibCheck', 'false'], pkg)
  // And it runs, from each entry: the SDK, the runtime and the simulator.
  const evaluate = (code: string): string =>
    run('node', ['-e', `console.log(${code})`], pkg).trim()
  assert.equal(
    evaluate(
      "require('@start9labs/start-sdk').ExtendedVersion.parse('1:0').toString()",
    ),
    '1:0',
  )
  assert.equal(
    evaluate("typeof require('@start9labs/start-sdk/runtime').runMain"),
    'function',
  )
  assert.equal(
    evaluate("typeof require('@start9labs/start-sdk/testing').HostSimulator"),
    'function',
  )
  assert.ok(
    readdirSync(join(pkg, 'node_modules/.bin')).includes('start-sdk-runtime'),
  )
  assert.ok(
    readdirSync(join(pkg, 'node_modules/@start9labs/start-sdk/dist')).length >
      0,
  )
})

/** A new package folder `name` with the tarball and @types/node installed. */
function freshPackage(name: string): string {
  return installFresh(dir, tarball, name)
}

test('two copies of the SDK in one tree interoperate: a package uses another package’s actions built against a second copy', () => {
  const pkg = freshPackage('two-copies')
  // A dependency package whose declarations were built against its own copy of the SDK.
  const dep = join(pkg, 'node_modules/dep-pkg')
  const copy = join(dep, 'node_modules/@start9labs')
  run('mkdir', ['-p', copy], pkg)
  run('cp', ['-r', join(pkg, 'node_modules/@start9labs/start-sdk'), copy], pkg)
  writeFileSync(
    join(dep, 'package.json'),
    JSON.stringify({
      name: 'dep-pkg',
      version: '1.0.0',
      types: 'index.d.ts',
      main: 'index.js',
    }),
  )
  writeFileSync(
    join(dep, 'index.d.ts'),
    [
      "import type { Action, Actions, FileHelper, T } from '@start9labs/start-sdk'",
      "export declare const configAction: Action<'config', { name: string; port: number }>",
      'export declare const actions: Actions<{ config: typeof configAction }>',
      'export declare const store: FileHelper<{ name: string }>',
      'export declare function takesEffects(effects: T.Effects): void',
      '',
    ].join('\n'),
  )
  writeFileSync(join(dep, 'index.js'), '')
  writeFileSync(
    join(pkg, 'tsconfig.json'),
    JSON.stringify({
      extends: '@start9labs/start-sdk/tsconfig.base.json',
      include: ['startos/**/*.ts'],
      compilerOptions: { noEmit: true },
    }),
  )
  writeFileSync(
    join(pkg, 'startos/index.ts'),
    [
      "import { Action, createTask, FileHelper, z } from '@start9labs/start-sdk'",
      "import type { T } from '@start9labs/start-sdk'",
      "import { actions, configAction, store, takesEffects } from 'dep-pkg'",
      'export async function nudge(effects: T.Effects): Promise<void> {',
      '  takesEffects(effects)',
      '  await createTask({',
      '    effects,',
      "    packageId: 'dep-pkg',",
      '    action: configAction,',
      "    severity: 'critical',",
      "    options: { input: { kind: 'partial', accept: [{ port: 1 }], set: { port: 1 } } },",
      '  })',
      "  await createTask({ effects, packageId: 'dep-pkg', action: actions.get('config'), severity: 'optional' })",
      '  const mine: FileHelper<{ name: string }> = store',
      "  await mine.merge(effects, { name: 'x' })",
      '}',
      "export const local = Action.withoutInput('local', { name: 'L', description: '', warning: null, visibility: 'enabled', allowedStatuses: 'any', group: null }, async () => null)",
      'export const other: typeof configAction = configAction',
      "export const json = FileHelper.json('/x.json', z.object({ name: z.string() }))",
      '',
    ].join('\n'),
  )
  run('node', [tsc6, '-p', '.', '--skipLibCheck', 'false'], pkg)
  run('node', [tsc7, '-p', '.', '--skipLibCheck', 'false'], pkg)
})
