/**
 * FileHelper read / merge / write / cycle for json, yaml and toml, ours against the
 * reference (2.0.9) in the same process, on real files in a temporary directory. Each round
 * runs one side for a fixed time, alternating which side goes first; medians are reported.
 * Our writes fsync (the reference's never do); the "no fsync" rows show the price of that.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Effects } from '../lib/effects'
import { FileHelper, unflushed } from '../lib/file'
import { z } from '../lib/z'
import type { Options, Result } from './harness'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ref = require('start-sdk-reference') as {
  FileHelper: Record<string, (...args: unknown[]) => RefHelper>
  z: typeof z
}
interface RefHelper {
  withPath(path: string): RefHelper
  read(): { once(): Promise<unknown> }
  write(effects: unknown, data: unknown): Promise<null>
  merge(effects: unknown, data: unknown): Promise<null>
}
type Side = () => Promise<unknown>

/** A service config of realistic size: ~60 values, nested sections, lists. */
function config(zz: typeof z) {
  const peer = zz.object({
    host: zz.string(),
    port: zz.number(),
    trusted: zz.boolean(),
  })
  return zz.object({
    server: zz.object({
      name: zz.string(),
      port: zz.number().catch(8080),
      bind: zz.string(),
      tls: zz.object({
        enabled: zz.boolean(),
        cert: zz.string(),
        key: zz.string(),
      }),
    }),
    database: zz.object({
      url: zz.string(),
      pool: zz.number(),
      timeoutMs: zz.number(),
      replicas: zz.array(zz.string()),
    }),
    peers: zz.array(peer),
    features: zz.record(zz.string(), zz.boolean()),
    logging: zz.object({
      level: zz.enum(['debug', 'info', 'warn']),
      file: zz.string(),
    }),
  })
}

function document(i: number) {
  return {
    server: {
      name: `node-${i}`,
      port: 8000 + (i % 2),
      bind: '0.0.0.0',
      tls: {
        enabled: true,
        cert: '/data/tls/cert.pem',
        key: '/data/tls/key.pem',
      },
    },
    database: {
      url: 'postgres://app:secret@localhost:5432/app',
      pool: 10,
      timeoutMs: 30000,
      replicas: ['db-1.local', 'db-2.local', 'db-3.local'],
    },
    peers: Array.from({ length: 8 }, (_, k) => ({
      host: `peer${k}.onion`,
      port: 9735 + k,
      trusted: k % 2 === 0,
    })),
    features: Object.fromEntries(
      Array.from({ length: 12 }, (_, k) => [`feature${k}`, k % 3 === 0]),
    ),
    logging: { level: 'info' as const, file: '/data/logs/app.log' },
  }
}

const FORMATS = ['json', 'yaml', 'toml'] as const
type Format = (typeof FORMATS)[number]

function oursHelper(format: Format, path: string, fsync: boolean) {
  const make = FileHelper[format] as (
    p: string,
    s: ReturnType<typeof config>,
  ) => FileHelper<unknown>
  const helper = make(path, config(z))
  return fsync ? helper : unflushed(helper)
}

async function rate(side: Side, ms: number): Promise<number> {
  let n = 0
  const start = process.hrtime.bigint()
  const budget = BigInt(ms * 1e6)
  let elapsed = 0n
  do {
    await side()
    n++
    elapsed = process.hrtime.bigint() - start
  } while (elapsed < budget)
  return n / (Number(elapsed) / 1e9)
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

async function pair(
  operation: string,
  ours: Side,
  reference: Side,
  target: number | null,
  o: Options,
  note?: string,
): Promise<Result> {
  await rate(ours, o.warmupMs / 2)
  await rate(reference, o.warmupMs / 2)
  const a: number[] = []
  const b: number[] = []
  for (let i = 0; i < o.rounds; i++) {
    if (i % 2 === 0) {
      a.push(await rate(ours, o.roundMs))
      b.push(await rate(reference, o.roundMs))
    } else {
      b.push(await rate(reference, o.roundMs))
      a.push(await rate(ours, o.roundMs))
    }
  }
  const ratio = median(a) / median(b)
  return {
    module: 'file',
    operation,
    oursOpsPerSec: median(a),
    referenceOpsPerSec: median(b),
    ratio,
    target,
    pass: target === null ? null : ratio >= target,
    rounds: { ours: a, reference: b },
    ...(note === undefined ? {} : { note }),
  }
}

/** Every FileHelper row, for `only` (a substring of `file/<operation>`) or all. */
export async function fileRows(
  o: Options,
  only: string | null,
): Promise<Result[]> {
  const dir = mkdtempSync(join(tmpdir(), 'start-sdk-bench-file-'))
  const effects = {
    constRetry: undefined,
    isInContext: false,
  } as unknown as Effects
  const rows: Result[] = []
  const want = (name: string): boolean =>
    only === null || `file/${name}`.includes(only)
  try {
    for (const format of FORMATS) {
      const oursPath = join(dir, `ours.${format}`)
      const refPath = join(dir, `ref.${format}`)
      const refHelper = ref.FileHelper[format]!(refPath, config(ref.z))
      const docs = [document(0), document(1)]
      let i = 0
      for (const fsync of [true, false]) {
        const ours = oursHelper(format, oursPath, fsync)
        await ours.write(effects, docs[0]!)
        await refHelper.write(effects, docs[0]!)
        const suffix = fsync ? '' : ' (no fsync)'
        const ops: [string, Side, Side, number | null][] = []
        if (fsync) {
          // Two files with different texts, read alternately: every read parses (the yaml
          // format remembers its last document, so one unchanged file would be a memo hit).
          const ours2 = ours.withPath(join(dir, `ours2.${format}`))
          const ref2 = refHelper.withPath(join(dir, `ref2.${format}`))
          await ours2.write(effects, docs[1]!)
          await ref2.write(effects, docs[1]!)
          let k = 0
          ops.push(
            [
              `${format} read`,
              () => (k++ & 1 ? ours : ours2).read().once(),
              () => (k++ & 1 ? refHelper : ref2).read().once(),
              1.0,
            ],
            [
              `${format} merge (no change)`,
              () => (k++ & 1 ? ours : ours2).merge(effects, {}),
              () => (k++ & 1 ? refHelper : ref2).merge(effects, {}),
              1.0,
            ],
            [
              `${format} read (same file again)`,
              () => ours.read().once(),
              () => refHelper.read().once(),
              null,
            ],
          )
        }
        const writeTarget = fsync ? 0.5 : null
        ops.push(
          [
            `${format} write${suffix}`,
            () => ours.write(effects, docs[i++ & 1]!),
            () => refHelper.write(effects, docs[i++ & 1]!),
            writeTarget,
          ],
          [
            `${format} cycle${suffix}`,
            async () => {
              const cur = (await ours.read().once()) as ReturnType<
                typeof document
              >
              await ours.merge(effects, {
                server: { port: cur.server.port === 8000 ? 8001 : 8000 },
              })
            },
            async () => {
              const cur = (await refHelper.read().once()) as ReturnType<
                typeof document
              >
              await refHelper.merge(effects, {
                server: { port: cur.server.port === 8000 ? 8001 : 8000 },
              })
            },
            writeTarget,
          ],
        )
        for (const [name, a, b, target] of ops)
          if (want(name)) rows.push(await pair(name, a, b, target, o))
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return rows
}
