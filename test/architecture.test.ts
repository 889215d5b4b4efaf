import assert from 'node:assert/strict'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { test } from 'node:test'
import ts from 'typescript'

const root = resolve(__dirname, '../..')
const lib = join(root, 'lib')

/** The layer table, read from ARCHITECTURE.md so the doc and the check cannot drift. */
function allowed(): Record<string, string[]> {
  const doc = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8')
  const block = /```json\n([\s\S]*?)\n```/.exec(doc)
  assert.ok(block, 'ARCHITECTURE.md has no ```json layer table')
  return JSON.parse(block[1]) as Record<string, string[]>
}

/** Folders that may import Node built-ins (the rest stay portable). */
const NODE_ALLOWED = new Set([
  'subcontainer',
  'file',
  'health',
  'main',
  'backup',
  'sdk',
  'cli',
  'runtime',
  'paths',
  'testing',
])
/** Top-level files that compose folders; nothing may import them. */
const BARRELS = new Set(['index.ts', 'T.ts', 'utils.ts', 'formatModules.ts'])

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : []
  })
}

interface Edge {
  from: string
  spec: string
  to: string | null
}

/** Every import/export-from in a file, type-only ones included. */
function imports(file: string): Edge[] {
  const text = readFileSync(file, 'utf8')
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, false)
  const out: Edge[] = []
  const add = (spec: string): void => {
    const to = spec.startsWith('.') ? resolveLocal(dirname(file), spec) : null
    out.push({ from: file, spec, to })
  }
  for (const node of sf.statements) {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier
    ) {
      add((node.moduleSpecifier as ts.StringLiteral).text)
    }
  }
  return out
}

function resolveLocal(dir: string, spec: string): string {
  const base = resolve(dir, spec)
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // try the next form
    }
  }
  return base
}

/** The folder of a lib file (`exver`), or the file name for top-level files. */
const folderOf = (file: string): string => relative(lib, file).split('/')[0]

const files = sources(lib)
const edges = files.flatMap(imports)

test('folders import only what ARCHITECTURE.md allows, through index.ts', () => {
  const table = allowed()
  const problems: string[] = []
  for (const e of edges) {
    if (e.to === null) continue
    const from = folderOf(e.from)
    const to = folderOf(e.to)
    const where = `${relative(root, e.from)} → ${e.spec}`
    const composes =
      from === 'index.ts' &&
      (to === 'T.ts' || to === 'utils.ts' || to === 'formatModules.ts')
    if (BARRELS.has(to) && !composes)
      problems.push(`${where}: nothing may import lib/${to}`)
    if (from === to || BARRELS.has(from)) continue
    if (!(table[from] ?? []).includes(to))
      problems.push(`${where}: ${from} may not import ${to}`)
    if (relative(join(lib, to), e.to) !== 'index.ts') {
      problems.push(`${where}: import lib/${to} through its index.ts`)
    }
  }
  assert.deepEqual(problems, [])
})

test('only the listed folders use Node built-ins', () => {
  const node = new Set([
    ...builtinModules,
    ...builtinModules.map((m) => `node:${m}`),
  ])
  const problems = edges
    .filter(
      (e) =>
        e.to === null &&
        node.has(e.spec) &&
        !NODE_ALLOWED.has(folderOf(e.from)),
    )
    .map((e) => `${relative(root, e.from)} imports ${e.spec}`)
  assert.deepEqual(problems, [])
})

test('only lib/z imports zod itself', () => {
  const problems = edges
    .filter(
      (e) =>
        e.to === null && /^zod(\/|$)/.test(e.spec) && folderOf(e.from) !== 'z',
    )
    .map((e) => `${relative(root, e.from)} imports ${e.spec}: use lib/z`)
  assert.deepEqual(problems, [])
})

test('lib has no import cycles, type imports included', () => {
  const graph = new Map<string, string[]>()
  for (const e of edges)
    if (e.to) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to])
  const state = new Map<string, 'open' | 'done'>()
  const cycles: string[] = []
  const visit = (file: string, path: string[]): void => {
    if (state.get(file) === 'done') return
    if (state.get(file) === 'open') {
      const loop = path.slice(path.indexOf(file)).concat(file)
      cycles.push(loop.map((f) => relative(lib, f)).join(' → '))
      return
    }
    state.set(file, 'open')
    for (const next of graph.get(file) ?? []) visit(next, [...path, file])
    state.set(file, 'done')
  }
  for (const file of files) visit(file, [])
  assert.deepEqual(cycles, [])
})
