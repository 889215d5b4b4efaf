/**
 * The last text a format parsed, with a private copy of its value: `serialize(value,
 * previous)` usually gets the text `parse` just read, and then skips parsing it again.
 * The copy is taken at parse time because callers may change the value they were given.
 */
export class LastParse<T> {
  private text: string | null = null
  private value: T | undefined = undefined

  /** Remembers `value` (copied) as what `text` parses to. */
  remember(text: string, value: T): void {
    this.text = text
    this.value = copyData(value)
  }

  /** What `text` parses to, if it is the remembered text. */
  recall(text: string): { value: T } | null {
    return this.text === text ? { value: this.value as T } : null
  }
}

/** A copy of arrays and plain objects, at any depth; other values are shared. */
function copyData<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map(copyData) as T
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== null) return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value))
    out[key] = copyData((value as Record<string, unknown>)[key])
  return out as T
}
