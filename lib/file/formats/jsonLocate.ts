/**
 * Finds where JSON text stops being valid, for error positions V8 does not report (its
 * "Unexpected token" messages carry no offset). Only runs after `JSON.parse` has failed.
 */

const WS = new Set([' ', '\t', '\n', '\r'])
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const HEX4 = /[0-9a-fA-F]{4}/y

class Invalid {
  constructor(readonly offset: number) {}
}

/** The offset of the first character that makes `text` invalid JSON, or `null` if it is valid. */
export function locateJsonError(text: string): number | null {
  let i = 0
  const fail = (at = i): never => {
    throw new Invalid(at)
  }
  const skip = (): void => {
    while (i < text.length && WS.has(text[i])) i++
  }
  const string = (): void => {
    i++ // opening quote
    for (;;) {
      if (i >= text.length) fail()
      const c = text[i]
      if (c === '"') {
        i++
        return
      }
      if (c < ' ') fail()
      if (c === '\\') {
        const e = text[i + 1]
        if (e === 'u') {
          HEX4.lastIndex = i + 2
          if (!HEX4.test(text)) fail(i + 1)
          i += 6
        } else if (e !== undefined && ESCAPES.has(e)) i += 2
        else fail(i + 1)
      } else i++
    }
  }
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text[i] !== ch) fail()
      i++
    }
  }
  const value = (): void => {
    skip()
    const c = text[i]
    if (c === '{') {
      i++
      skip()
      if (text[i] === '}') {
        i++
        return
      }
      for (;;) {
        skip()
        if (text[i] !== '"') fail()
        string()
        skip()
        if (text[i] !== ':') fail()
        i++
        value()
        skip()
        if (text[i] === ',') i++
        else if (text[i] === '}') {
          i++
          return
        } else fail()
      }
    }
    if (c === '[') {
      i++
      skip()
      if (text[i] === ']') {
        i++
        return
      }
      for (;;) {
        value()
        skip()
        if (text[i] === ',') i++
        else if (text[i] === ']') {
          i++
          return
        } else fail()
      }
    }
    if (c === '"') return string()
    if (c === 't') return literal('true')
    if (c === 'f') return literal('false')
    if (c === 'n') return literal('null')
    NUMBER.lastIndex = i
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex
      return
    }
    fail()
  }
  try {
    value()
    skip()
    if (i < text.length) fail()
    return null
  } catch (e) {
    // Anything else (a stack overflow on absurd nesting) leaves the position unknown.
    return e instanceof Invalid ? e.offset : null
  }
}
