import type { CmpOp } from './grammar'

/** What the truth tables need of a version: a total order. */
export interface OrderedVersion<V> {
  compareForSort(other: V): -1 | 0 | 1
}

/**
 * A cut in the number line of one flavor's versions. `side: -1` sits just below the
 * version, so the version itself is to its right; `side: 1` sits just above it.
 */
export interface RangePoint<V> {
  upstream: V
  downstream: V
  side: -1 | 1
}

/** A set of flavors: exactly one flavor, or every flavor but those listed. */
export type FlavorAtom =
  | { type: 'Flavor'; flavor: string | null }
  | { type: 'FlavorNot'; flavors: Set<string | null> }

/**
 * One flavor's truth table: `values[i]` holds between `points[i - 1]` and `points[i]`,
 * so there is always one more value than there are points.
 */
export class RangeTable<V extends OrderedVersion<V>> {
  constructor(
    readonly points: RangePoint<V>[],
    readonly values: boolean[],
  ) {}
}

/** Keeps insertion order; setting an existing key replaces the stored key but keeps its place. */
export class FlavorTables<V extends OrderedVersion<V>> {
  private readonly map = new Map<string, [FlavorAtom, RangeTable<V>]>()

  get(key: FlavorAtom): RangeTable<V> | undefined {
    return this.map.get(keyOf(key))?.[1]
  }

  set(key: FlavorAtom, table: RangeTable<V>): void {
    this.map.set(keyOf(key), [key, table])
  }

  entries(): IterableIterator<[FlavorAtom, RangeTable<V>]> {
    return this.map.values()
  }
}

/** Either a constant truth value or a table per flavor set. */
export type Tables<V extends OrderedVersion<V>> = boolean | FlavorTables<V>

const encode = (f: string | null): string =>
  f === null ? 'null' : JSON.stringify(f)

function keyOf(key: FlavorAtom): string {
  if (key.type === 'Flavor') return `=${encode(key.flavor)}`
  return `!${[...key.flavors].map(encode).sort().join(',')}`
}

function comparePoints<V extends OrderedVersion<V>>(
  a: RangePoint<V>,
  b: RangePoint<V>,
): number {
  const up = a.upstream.compareForSort(b.upstream)
  if (up !== 0) return up
  const down = a.downstream.compareForSort(b.downstream)
  if (down !== 0) return down
  return a.side < b.side ? -1 : a.side > b.side ? 1 : 0
}

function adjacent<V extends OrderedVersion<V>>(
  a: RangePoint<V>,
  b: RangePoint<V>,
): boolean {
  return (
    a.upstream.compareForSort(b.upstream) === 0 &&
    a.downstream.compareForSort(b.downstream) === 0 &&
    a.side === -1 &&
    b.side === 1
  )
}

function flavorAnd(a: FlavorAtom, b: FlavorAtom): FlavorAtom | null {
  if (a.type === 'Flavor') {
    if (b.type === 'Flavor') return a.flavor === b.flavor ? a : null
    return b.flavors.has(a.flavor) ? null : a
  }
  if (b.type === 'Flavor') return a.flavors.has(b.flavor) ? null : b
  return { type: 'FlavorNot', flavors: new Set([...a.flavors, ...b.flavors]) }
}

/** Merges two tables point by point, dropping points where the value does not change. */
function zip<V extends OrderedVersion<V>>(
  a: RangeTable<V>,
  b: RangeTable<V>,
  both: boolean,
): RangeTable<V> {
  const points: RangePoint<V>[] = []
  const values: boolean[] = []
  let i = 0
  let j = 0
  for (;;) {
    const next = both ? a.values[i] && b.values[j] : a.values[i] || b.values[j]
    if (values.length > 0 && values[values.length - 1] === next) points.pop()
    else values.push(next)
    if (i === a.points.length) {
      if (j === b.points.length) return new RangeTable(points, values)
      points.push(b.points[j++])
    } else if (j === b.points.length) {
      points.push(a.points[i++])
    } else {
      const c = comparePoints(a.points[i], b.points[j])
      if (c < 0) points.push(a.points[i++])
      else if (c > 0) points.push(b.points[j++])
      else {
        points.push(a.points[i++])
        j++
      }
    }
  }
}

/** True for every version of `flavor`, false for every other flavor. */
export function eqFlavor<V extends OrderedVersion<V>>(
  flavor: string | null,
): Tables<V> {
  return cmpPoint<V>(flavor, null, true, true)
}

/** `left` below `point` and `right` above it for `flavor`; false for every other flavor. */
export function cmpPoint<V extends OrderedVersion<V>>(
  flavor: string | null,
  point: RangePoint<V> | null,
  left: boolean,
  right: boolean,
): Tables<V> {
  const t = new FlavorTables<V>()
  const table = point
    ? new RangeTable([point], [left, right])
    : new RangeTable<V>([], [left])
  t.set({ type: 'Flavor', flavor }, table)
  t.set(
    { type: 'FlavorNot', flavors: new Set([flavor]) },
    new RangeTable<V>([], [false]),
  )
  return t
}

/** Negation; tables are exhaustive, so every value flips in place. */
export function notTables<V extends OrderedVersion<V>>(
  tables: Tables<V>,
): Tables<V> {
  if (typeof tables === 'boolean') return !tables
  for (const [, t] of tables.entries()) {
    for (let i = 0; i < t.values.length; i++) t.values[i] = !t.values[i]
  }
  return tables
}

export function andTables<V extends OrderedVersion<V>>(
  a: Tables<V>,
  b: Tables<V>,
): Tables<V> {
  if (a === true) return b
  if (b === true) return a
  if (a === false || b === false) return false
  let out: Tables<V> = true
  for (const [fa, ta] of a.entries()) {
    for (const [fb, tb] of b.entries()) {
      const flavor = flavorAnd(fa, fb)
      if (flavor === null) continue
      const c = zip(ta, tb, true)
      if (out === true) out = new FlavorTables<V>()
      const prev = out.get(flavor)
      out.set(flavor, prev === undefined ? c : zip(c, prev, false))
    }
  }
  return out
}

export function orTables<V extends OrderedVersion<V>>(
  a: Tables<V>,
  b: Tables<V>,
): Tables<V> {
  let out: Tables<V> = false
  for (const tables of [a, b]) {
    if (tables === false) continue
    if (tables === true) return true
    if (out === false) out = new FlavorTables<V>()
    for (const [flavor, table] of tables.entries()) {
      const prev = out.get(flavor)
      out.set(flavor, prev === undefined ? table : zip(table, prev, false))
    }
  }
  return out
}

/** The constant value of the tables, or `null` when they hold both values. */
export function collapse<V extends OrderedVersion<V>>(
  tables: Tables<V>,
): boolean | null {
  if (typeof tables === 'boolean') return tables
  let found: boolean | null = null
  for (const [, table] of tables.entries()) {
    for (const x of table.values) {
      if (found === null) found = x
      else if (found !== x) return null
    }
  }
  return found
}

/** Builds range expressions for {@link minterms}. */
export interface RangeBuilder<V, R> {
  any(): R
  none(): R
  flavor(flavor: string | null): R
  notFlavor(flavor: string | null): R
  anchor(operator: CmpOp, flavor: string | null, upstream: V, downstream: V): R
  and(terms: R[]): R
  or(terms: R[]): R
}

/** The tables as an OR of ANDs (one term per true interval of each flavor set). */
export function minterms<V extends OrderedVersion<V>, R>(
  tables: Tables<V>,
  build: RangeBuilder<V, R>,
): R {
  const c = collapse(tables)
  if (tables === true || c === true) return build.any()
  if (tables === false || c === false) return build.none()
  const sum: R[] = []
  for (const [flavor, table] of tables.entries()) {
    const cmpFlavor = flavor.type === 'Flavor' ? flavor.flavor : null
    for (let i = 0; i < table.values.length; i++) {
      if (!table.values[i]) continue
      const term: R[] = []
      if (flavor.type === 'FlavorNot') {
        for (const f of flavor.flavors) term.push(build.notFlavor(f))
      }
      const p = i > 0 ? table.points[i - 1] : null
      const q = i < table.points.length ? table.points[i] : null
      const at = (op: CmpOp, x: RangePoint<V>): R =>
        build.anchor(op, cmpFlavor, x.upstream, x.downstream)
      if (p && q && adjacent(p, q)) term.push(at('=', p))
      else {
        if (p) term.push(at(p.side < 0 ? '>=' : '>', p))
        if (q) term.push(at(q.side < 0 ? '<' : '<=', q))
      }
      if (term.length === 0) term.push(build.flavor(cmpFlavor))
      sum.push(build.and(term))
    }
  }
  return build.or(sum)
}
