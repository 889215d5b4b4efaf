import { spine } from './evaluate'
import type { RangeNode } from './evaluate'

type Parent = 'And' | 'Or' | 'Not'

/** Whether `node` needs parentheses when printed inside a `parent` node. */
function needsParens(node: RangeNode<unknown>, parent: Parent): boolean {
  const t = node.atom.type
  if (t === 'And' || t === 'Or') return parent !== t
  if (t === 'Anchor' || t === 'Any' || t === 'None') return parent === 'Not'
  return t !== 'Not' && t !== 'Flavor'
}

function leafString(node: RangeNode<unknown>): string {
  const a = node.atom
  switch (a.type) {
    case 'Anchor':
      return `${a.operator}${a.version}`
    case 'Flavor':
      return a.flavor == null ? '#' : `#${a.flavor}`
    case 'Any':
      return '*'
    case 'None':
      return '!'
  }
  return `${undefined}`
}

/**
 * The canonical text of a range (in parentheses where `parent` needs them). `&&`/`||`
 * chains are printed in a loop, so a range of any length is safe for the stack.
 */
export function rangeToString(
  node: RangeNode<unknown>,
  parent?: Parent,
): string {
  if (parent !== undefined && needsParens(node, parent))
    return `(${rangeToString(node)})`
  let bangs = ''
  while (node.atom.type === 'Not') {
    bangs += '!'
    node = node.atom.value
  }
  if (bangs) return bangs + rangeToString(node, 'Not')
  const [chain, leaf] = spine(node)
  if (chain.length === 0) return leafString(leaf)
  let text = rangeToString(leaf, chain[chain.length - 1].atom.type as Parent)
  for (let i = chain.length - 1; i >= 0; i--) {
    const a = chain[i].atom as { type: 'And' | 'Or'; right: RangeNode<unknown> }
    if (i + 1 < chain.length && chain[i + 1].atom.type !== a.type)
      text = `(${text})`
    text += `${a.type === 'And' ? ' && ' : ' || '}${rangeToString(a.right, a.type)}`
  }
  return text
}
