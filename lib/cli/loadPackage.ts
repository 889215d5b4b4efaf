/// <reference types="node" />
import type { Manifest } from '../types'

/** The key under which `buildManifest` may keep its version graph (non-enumerable). */
export const GRAPH_KEY: unique symbol = Symbol.for('start-sdk/versionGraph')

/** What `check` and `run` need of a version graph, from whichever SDK copy built it. */
export interface GraphLike {
  plan(options: { from: unknown; to: unknown }): readonly unknown[]
  currentVersion(): { toString(): string }
}

/** The exports the runtime calls, with how each must look. */
export const REQUIRED_EXPORTS: readonly {
  name: string
  kind: 'function' | 'object'
  fix: string
}[] = [
  {
    name: 'manifest',
    kind: 'object',
    fix: "add `export { manifest } from './manifest'` to startos/index.ts (the `buildManifest(...)` result)",
  },
  {
    name: 'init',
    kind: 'function',
    fix: 'export `init` from startos/index.ts: `export const init = setupInit(versions, ...)`',
  },
  {
    name: 'uninit',
    kind: 'function',
    fix: 'export `uninit` from startos/index.ts: `export const uninit = setupUninit(versions)`',
  },
  {
    name: 'main',
    kind: 'function',
    fix: 'export `main` from startos/index.ts: `export const main = sdk.setupMain(...)`',
  },
  {
    name: 'createBackup',
    kind: 'function',
    fix: 'export `createBackup` from startos/index.ts: `export const { createBackup } = sdk.setupBackups(...)`',
  },
  {
    name: 'actions',
    kind: 'object',
    fix: 'export `actions` from startos/index.ts: `export const actions = Actions.of().addAction(...)`',
  },
]

/** A package loaded in this process: its exports, manifest and (if found) version graph. */
export interface LoadedPackage {
  readonly exports: Record<string, unknown>
  readonly manifest: Manifest
  readonly graph: GraphLike | undefined
  /** Required exports that are missing or of the wrong kind. */
  readonly missing: typeof REQUIRED_EXPORTS
}

function isGraph(value: unknown): value is GraphLike {
  const v = value as Partial<Record<string, unknown>> | null
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v['plan'] === 'function' &&
    typeof v['currentVersion'] === 'function'
  )
}

/**
 * The package's version graph: the one `buildManifest` kept on the manifest (under
 * {@link GRAPH_KEY}), else the first export that is one.
 */
export function findGraph(
  manifest: unknown,
  exports: Record<string, unknown>,
): GraphLike | undefined {
  const kept =
    typeof manifest === 'object' && manifest !== null
      ? (manifest as Record<symbol, unknown>)[GRAPH_KEY]
      : undefined
  if (isGraph(kept)) return kept
  return Object.values(exports).find(isGraph)
}

/** Requires the compiled entry and sorts out its exports; throws what loading threw. */
export function loadPackage(entry: string): LoadedPackage {
  const bundle = require(entry) as Record<string, unknown>
  const missing = REQUIRED_EXPORTS.filter(
    (e) => typeof bundle[e.name] !== e.kind,
  )
  const manifest = bundle['manifest'] as Manifest
  return {
    exports: bundle,
    manifest,
    graph: findGraph(manifest, bundle),
    missing,
  }
}
