import { compareNumbers, compareVersions } from './compare'
import type { Ordering, VersionParts } from './compare'
import type { CmpOp } from './parser'

/** The parts of an extended version that matching looks at. */
export interface ExVerParts {
  flavor: string | null
  upstream: VersionParts
  downstream: VersionParts
}

/** The node shapes of a range tree, over the range type `R` and extended version type `E`. */
export type RangeAtom<R, E> =
  | { type: 'Anchor'; operator: CmpOp; version: E }
  | { type: 'And'; left: R; right: R }
  | { type: 'Or'; left: R; right: R }
  | { type: 'Not'; value: R }
  | { type: 'Any' }
  | { type: 'None' }
  | { type: 'Flavor'; flavor: string | null }

/** A range tree node: anything with an `atom`. */
export interface RangeNode<E> {
  atom: RangeAtom<RangeNode<E>, E>
}

/** Compares two extended versions; `null` when their flavors differ. */
export function compareExVer(a: ExVerParts, b: ExVerParts): Ordering | null {
  if (a.flavor !== b.flavor) return null
  const up = compareVersions(a.upstream, b.upstream)
  return up !== 'equal' ? up : compareVersions(a.downstream, b.downstream)
}

/**
 * Where `^` (`minor = false`) or `~` (`minor = true`) bumps the upstream: the first
 * non-zero number, or the one after it; `-1` (nothing bumped) when all are zero.
 */
export function bumpIndex(upstream: number[], minor: boolean): number {
  const major = upstream.findIndex((n) => n !== 0)
  return major === -1 || !minor ? major : major + 1
}

/** The upstream numbers of `base` with the number at `idx` bumped and the rest zeroed. */
export function bumped(base: number[], idx: number): number[] {
  return base.map((n, i) => (i > idx ? 0 : i === idx ? n + 1 : n))
}

const ZERO: VersionParts = { number: [0], prerelease: [] }

/** Whether `v` sits below the `^`/`~` upper bound of `base`, computed without allocating it. */
function belowBump(v: ExVerParts, base: ExVerParts, minor: boolean): boolean {
  if (v.flavor !== base.flavor) return false
  const b = base.upstream.number
  const idx = bumpIndex(b, minor)
  const a = v.upstream.number
  const len = Math.max(a.length, b.length)
  let c: Ordering = 'equal'
  for (let i = 0; i < len && c === 'equal'; i++) {
    const x = a[i] || 0
    const y =
      i >= b.length || i > idx ? 0 : i === idx ? b[i] + 1 || 0 : b[i] || 0
    if (x > y) c = 'greater'
    else if (x < y) c = 'less'
  }
  if (c === 'equal') c = v.upstream.prerelease.length > 0 ? 'less' : 'equal'
  if (c === 'equal') c = compareVersions(v.downstream, ZERO)
  return c === 'less'
}

function matchesAnchor(
  v: ExVerParts,
  operator: CmpOp,
  base: ExVerParts,
): boolean | undefined {
  switch (operator) {
    case '=':
      return compareExVer(v, base) === 'equal'
    case '!=':
      return compareExVer(v, base) !== 'equal'
    case '>':
      return compareExVer(v, base) === 'greater'
    case '<':
      return compareExVer(v, base) === 'less'
    case '>=': {
      const c = compareExVer(v, base)
      return c === 'greater' || c === 'equal'
    }
    case '<=': {
      const c = compareExVer(v, base)
      return c === 'less' || c === 'equal'
    }
    case '^':
    case '~': {
      const c = compareExVer(v, base)
      return (
        (c === 'greater' || c === 'equal') &&
        belowBump(v, base, operator === '~')
      )
    }
  }
  return undefined
}

/**
 * Whether `v` satisfies `range`. Chains of `&&`/`||` are walked in a loop, so a range of
 * any length is safe for the stack; only nesting depth recurses.
 */
export function satisfiesRange(
  v: ExVerParts,
  range: RangeNode<ExVerParts>,
): boolean {
  let node = range
  let negate = false
  for (;;) {
    const a = node.atom
    switch (a.type) {
      case 'Not':
        negate = !negate
        node = a.value
        continue
      case 'And':
        if (!satisfiesRange(v, a.right)) return negate
        node = a.left
        continue
      case 'Or':
        if (satisfiesRange(v, a.right)) return !negate
        node = a.left
        continue
      case 'Any':
        return !negate
      case 'None':
        return negate
      case 'Anchor': {
        const m = matchesAnchor(v, a.operator, a.version)
        // An unknown operator matches like a flavor atom with no flavor, as StartOS does.
        return (m ?? v.flavor == null) !== negate
      }
      case 'Flavor':
        return (a.flavor == v.flavor) !== negate
    }
    return negate
  }
}

/** The nodes of the left spine of an `&&`/`||` chain, top first, and the leaf under them. */
export function spine<E>(node: RangeNode<E>): [RangeNode<E>[], RangeNode<E>] {
  const chain: RangeNode<E>[] = []
  while (node.atom.type === 'And' || node.atom.type === 'Or') {
    chain.push(node)
    node = node.atom.left
  }
  return [chain, node]
}
