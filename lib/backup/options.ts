import type { SyncOptions } from '../types'
import { DEFAULT_OPTIONS } from './constants'
import { invalidConfig } from './problems'

/** Checks a partial rsync option set and returns a copy (arrays copied too). */
export function checkOptions(
  where: string,
  field: string,
  options: unknown,
): Partial<SyncOptions> {
  if (options === undefined || options === null) return {}
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw invalidConfig(
      where,
      field,
      'an object',
      options,
      'pass { delete?, exclude? }',
    )
  }
  const o = options as Partial<SyncOptions>
  if (o.delete !== undefined && typeof o.delete !== 'boolean') {
    throw invalidConfig(
      where,
      `${field}.delete`,
      'a boolean',
      o.delete,
      'pass true or false',
    )
  }
  if (
    o.exclude !== undefined &&
    (!Array.isArray(o.exclude) ||
      o.exclude.some((p) => typeof p !== 'string' || p === ''))
  ) {
    throw invalidConfig(
      where,
      `${field}.exclude`,
      'an array of non-empty rsync patterns',
      o.exclude,
      'pass patterns such as ["cache/", "*.tmp"]',
    )
  }
  const out: Partial<SyncOptions> = {}
  if (o.delete !== undefined) out.delete = o.delete
  if (o.exclude !== undefined) out.exclude = [...o.exclude]
  return out
}

/** Checks a progress weight: a whole number ≥ 0 (the host counts in integers). */
export function checkWeight(
  where: string,
  field: string,
  weight: unknown,
): number | undefined {
  if (weight === undefined) return undefined
  if (typeof weight === 'number' && Number.isSafeInteger(weight) && weight >= 0)
    return weight
  throw invalidConfig(
    where,
    field,
    'a whole number ≥ 0',
    weight,
    'leave it out for the default weight',
  )
}

/** Lays option sets over {@link DEFAULT_OPTIONS}, later ones winning field by field. */
export function mergeOptions(
  ...layers: Array<Partial<SyncOptions> | undefined>
): SyncOptions {
  let merged: SyncOptions = {
    delete: DEFAULT_OPTIONS.delete,
    exclude: [...DEFAULT_OPTIONS.exclude],
  }
  for (const layer of layers) {
    if (layer === undefined) continue
    merged = {
      delete: layer.delete ?? merged.delete,
      exclude:
        layer.exclude !== undefined ? [...layer.exclude] : merged.exclude,
    }
  }
  return merged
}
