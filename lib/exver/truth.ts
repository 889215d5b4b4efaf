import { spine } from './evaluate'
import type { RangeNode } from './evaluate'
import type { CmpOp } from './grammar'
import { andTables, cmpPoint, eqFlavor, notTables, orTables } from './tables'
import type { OrderedVersion, Tables } from './tables'

/** What the tables need of an extended version: its parts and its `^`/`~` bounds. */
export interface BoundedVersion<V, E> {
  flavor: string | null
  upstream: V
  downstream: V
  incrementMajor(): E
  incrementMinor(): E
}

function anchorTables<
  V extends OrderedVersion<V>,
  E extends BoundedVersion<V, E>,
>(op: CmpOp, v: E): Tables<V> {
  const at = (e: E, side: -1 | 1, left: boolean, right: boolean): Tables<V> =>
    cmpPoint(
      e.flavor,
      { upstream: e.upstream, downstream: e.downstream, side },
      left,
      right,
    )
  switch (op) {
    case '=':
      return andTables(at(v, -1, false, true), at(v, 1, true, false))
    case '!=':
      return notTables(andTables(at(v, -1, false, true), at(v, 1, true, false)))
    case '>':
      return at(v, 1, false, true)
    case '<':
      return at(v, -1, true, false)
    case '>=':
      return at(v, -1, false, true)
    case '<=':
      return at(v, 1, true, false)
    case '^':
      return andTables(
        at(v, -1, false, true),
        at(v.incrementMajor(), -1, true, false),
      )
    case '~':
      return andTables(
        at(v, -1, false, true),
        at(v.incrementMinor(), -1, true, false),
      )
  }
  // An unknown operator reads like a flavor atom without a flavor, as StartOS does.
  return eqFlavor(undefined as unknown as null)
}

/**
 * The truth tables of a range tree. `&&`/`||` chains are folded in a loop, so a range of
 * any length is safe for the stack; only nesting depth recurses.
 */
export function rangeTables<
  V extends OrderedVersion<V>,
  E extends BoundedVersion<V, E>,
>(range: RangeNode<E>): Tables<V> {
  let node = range
  let negate = false
  while (node.atom.type === 'Not') {
    negate = !negate
    node = node.atom.value
  }
  const [chain, leaf] = spine(node)
  let t: Tables<V>
  const a = leaf.atom
  switch (a.type) {
    case 'Anchor':
      t = anchorTables<V, E>(a.operator, a.version)
      break
    case 'Flavor':
      t = eqFlavor(a.flavor)
      break
    case 'Any':
      t = true
      break
    case 'None':
      t = false
      break
    case 'Not':
      t = rangeTables<V, E>(leaf)
      break
    default:
      return undefined as never
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const c = chain[i].atom as { type: 'And' | 'Or'; right: RangeNode<E> }
    const r = rangeTables<V, E>(c.right)
    t = c.type === 'And' ? andTables(t, r) : orTables(t, r)
  }
  return negate ? notTables(t) : t
}
