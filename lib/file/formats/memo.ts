import { cloneData } from '../../util'

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
    this.value = cloneData(value)
  }

  /** What `text` parses to, if it is the remembered text. */
  recall(text: string): { value: T } | null {
    return this.text === text ? { value: this.value as T } : null
  }
}
