const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/

/**
 * Renders a path into nested data the way a reader would type it: `server.ports[0]`,
 * `labels["a.b"]`; the empty path is `(the whole value)` unless `root` names it.
 */
export function fieldPath(
  path: readonly PropertyKey[],
  root = '(the whole value)',
): string {
  if (path.length === 0) return root
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (typeof segment === 'string' && IDENTIFIER.test(segment))
      out += out === '' ? segment : `.${segment}`
    else out += `[${JSON.stringify(String(segment))}]`
  }
  return out
}
