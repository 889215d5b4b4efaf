/**
 * INI, through the `ini` package. Reading is `ini.decode(text, options)`; with no previous
 * text the output is `ini.encode(value, options)` (keys holding `undefined` dropped first),
 * as start-sdk 2.0.9 writes it. With previous text the file is edited line by line
 * (see `iniPatch.ts`): comments (`;` and `#`, inline ones on changed lines too), blank
 * lines, key and section order, spacing around `=`, quoting of untouched values and `\r\n`
 * breaks are kept. An edit that would not read back as `ini.encode`'s output would (odd
 * section names, non-default `bracketedArray` or `section` options) falls back to
 * `ini.encode`. A value equal to what the file holds, as INI reads it back (INI keeps
 * strings, so `5` equals `"5"`), keeps the file's bytes.
 */
import { iniLib } from './lazy'

import type { DecodeOptions, EncodeOptions } from 'ini'
import { cloneData, deepEqual } from '../../util'
import type { FileFormat } from './format'
import { patchIni } from './iniPatch'

/** Options of {@link iniFormat}: those of the `ini` package. */
export type IniOptions = EncodeOptions & DecodeOptions

/** `value` without keys holding `undefined`, at any depth of plain objects. */
function defined(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const v = value[key]
    if (v === undefined) continue
    out[key] =
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? defined(v as Record<string, unknown>)
        : v
  }
  return out
}

/** INI text ↔ an object of sections; see the module comment for what a rewrite keeps. */
export function iniFormat(
  options: IniOptions = {},
): FileFormat<Record<string, unknown>> {
  // `ini` writes its defaults into the options it gets: give it copies, once.
  const decodeOptions: DecodeOptions = { ...options }
  const encodeOptions: EncodeOptions = { ...options }
  const parse = (text: string): Record<string, unknown> =>
    cloneData(iniLib().decode(text, decodeOptions)) as Record<string, unknown>
  const patchable =
    options.bracketedArray !== false && options.section === undefined
  return {
    name: 'ini',
    parse,
    serialize(value, previous) {
      const clean = defined(value)
      if (previous === null) return iniLib().encode(clean, encodeOptions)
      const current = parse(previous)
      if (deepEqual(current, value)) return previous
      const fresh = iniLib().encode(clean, encodeOptions)
      const expected = parse(fresh)
      if (deepEqual(current, expected)) return previous
      if (!patchable) return fresh
      const patched = patchIni(previous, clean, encodeOptions)
      return deepEqual(parse(patched), expected) ? patched : fresh
    },
  }
}
