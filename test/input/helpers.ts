/*
 * Shared pieces of the input tests: the two builder sets (ours and the reference's,
 * `start-sdk-reference` = @start9labs/start-sdk 2.0.9) behind one type, effects that refuse
 * every call (static fields must not touch the host), and real effects wired to an
 * in-memory host simulator (for fields that read the host).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ISB as refISB, z as refZ } from 'start-sdk-reference'
import type { Effects } from '../../lib/effects'
import { InputSpec, List, Value, Variants } from '../../lib/input'
import { CallbackContext, createEffects, silentLogger } from '../../lib/runtime'
import { HostSimulator } from '../../lib/testing'
import type { SmtpValue } from '../../lib/types'
import { z } from '../../lib/z'

/** One builder set: `InputSpec`, `Value`, `List`, `Variants` and the `z` they go with. */
export type Builders = {
  InputSpec: typeof InputSpec
  Value: typeof Value
  List: typeof List
  Variants: typeof Variants
  z: typeof z
}

/** Our builders. */
export const ours: Builders = { InputSpec, Value, List, Variants, z }

/** The reference's builders, typed as ours (same call signatures). */
export const theirs: Builders = {
  ...(refISB as unknown as Omit<Builders, 'z'>),
  z: refZ as unknown as typeof z,
}

/** Effects whose every member throws: proves a build never touches the host. */
export const noEffects: Effects = new Proxy({} as Effects, {
  get(_target, key) {
    if (key === 'then') return undefined
    throw new Error(`a static build touched effects.${String(key)}`)
  },
})

/** Build options with no host and no saved form. */
export const noHost = { effects: noEffects, prefill: null }

/** Anything with a `build` (a Value, List, Variants or InputSpec of either library). */
export type Buildable = {
  build(options: { effects: Effects; prefill: unknown }): unknown
}

/** The spec `x` builds, as plain JSON-comparable data. */
export async function specOf(
  x: Buildable,
  options: { effects: Effects; prefill: unknown } = noHost,
): Promise<unknown> {
  return ((await x.build(options)) as { spec: unknown }).spec
}

/** `{ok, data}` of a parse, for comparing two validators input by input. */
export function outcome(
  schema: { safeParse(v: unknown): { success: boolean; data?: unknown } },
  input: unknown,
): { ok: boolean; data: unknown } {
  const r = schema.safeParse(input)
  return { ok: r.success, data: r.success ? r.data : undefined }
}

/** Real effects over a callback context, answered in-process by a host simulator. */
export async function simEffects(smtp: SmtpValue | null = null): Promise<{
  effects: Effects
  sim: HostSimulator
  close: () => Promise<void>
}> {
  const dir = mkdtempSync(join(tmpdir(), 'start-sdk-input-'))
  const sim = await HostSimulator.start({
    rpcDir: dir,
    packageId: 'input-test',
    smtp,
    notify: () => undefined,
  })
  const root = new CallbackContext('root', silentLogger)
  const effects = createEffects({
    client: {
      call: (method, params) =>
        sim.call(method, params as Record<string, unknown>),
    },
    log: silentLogger,
    eventId: null,
    context: root.child('input'),
  })
  return {
    effects,
    sim,
    close: async () => {
      root.removeChild('input')
      await sim.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A small form: a toggle `on` and a required text `t`. */
export const sub = (b: Builders) =>
  b.InputSpec.of({
    on: b.Value.toggle({ name: 'On', default: false }),
    t: b.Value.text({ name: 'T', default: null, required: true }),
  })
/** A union of an empty variant `a` and {@link sub} as `b`. */
export const union = (b: Builders) =>
  b.Value.union({
    name: 'U',
    default: 'a',
    variants: b.Variants.of({
      a: { name: 'A', spec: b.InputSpec.of({}) },
      b: { name: 'B', spec: sub(b) },
    }),
  })
