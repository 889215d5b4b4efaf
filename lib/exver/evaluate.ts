import { compareVersions } from './compare'
import type { Order, VersionParts } from './compare'
import type { CmpOp } from './grammar'

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

/** Compares two extended versions: `-1 | 0 | 1`, or `NaN` when their flavors differ. */
export function compareExVer(a: ExVerParts, b: ExVerParts): Order | number {
  if (a.flavor !== b.flavor) return NaN
  const up = compareVersions(a.upstream, b.upstream)
  return up !== 0 ? up : compareVersions(a.downstream, b.downstream)
}

/**
 * Where `^` (`minor = false`) or `~` (`minor = true`) bumps the upstream: the first
 * non-zero number, or the one after it; `-1` (nothing bumped) when all are zero.
 */
export function bumpIndex(upstream: number[], minor: boolean): number {
  let major = 0
  while (major < upstream.length && upstream[major] === 0) major++
  if (major === upstream.length) return -1
  return minor ? major + 1 : major
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
  const len = a.length > b.length ? a.length : b.length
  for (let i = 0; i < len; i++) {
    const x = a[i] || 0
    const y =
      i >= b.length || i > idx ? 0 : i === idx ? b[i] + 1 || 0 : b[i] || 0
    if (x !== y) return x < y
  }
  if (v.upstream.prerelease.length > 0) return true
  return compareVersions(v.downstream, ZERO) < 0
}

/** Whether `v` matches an anchor; `undefined` for an operator StartOS does not know. */
function matchesAnchor(
  v: ExVerParts,
  operator: CmpOp,
  base: ExVerParts,
): boolean | undefined {
  switch (operator) {
    case '=':
      return compareExVer(v, base) === 0
    case '!=':
      return compareExVer(v, base) !== 0
    case '>':
      return compareExVer(v, base) > 0
    case '<':
      return compareExVer(v, base) < 0
    case '>=':
      return compareExVer(v, base) >= 0
    case '<=':
      return compareExVer(v, base) <= 0
    case '^':
    case '~':
      return compareExVer(v, base) >= 0 && belowBump(v, base, operator === '~')
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
