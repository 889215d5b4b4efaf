import { SdkError } from '../errors'
import { VarIntProcessor } from './varint'

type ReaderState = { bytes: Uint8Array; offset: number }
const readerState = new WeakMap<ArrayBufferReader, ReaderState>()
const utf8 = new TextDecoder('utf-8', { fatal: true })

function stateOf(r: ArrayBufferReader): ReaderState {
  const state = readerState.get(r)
  if (state === undefined) {
    throw new SdkError(
      'ARGUMENT_INVALID',
      'ArrayBufferReader: this object was not made by `new ArrayBufferReader(buffer)`; construct one',
    )
  }
  return state
}

function truncated(wanted: string, left: number): SdkError {
  return new SdkError(
    'FILE_PARSE',
    `invalid .s9pk archive: expected ${wanted} but only ${left} byte(s) are left; the archive is truncated or corrupt, download it again`,
  )
}

/** A cursor over an `ArrayBuffer` reading the archive's big-endian and varint fields. */
export class ArrayBufferReader {
  constructor(buffer: ArrayBuffer) {
    readerState.set(this, { bytes: new Uint8Array(buffer), offset: 0 })
  }

  /** The next `length` bytes (a copy); throws when fewer are left. */
  next(length: number): ArrayBuffer {
    const state = stateOf(this)
    const left = state.bytes.length - state.offset
    if (!Number.isSafeInteger(length) || length < 0 || length > left) {
      throw truncated(`${String(length)} byte(s)`, left)
    }
    const start = state.offset
    state.offset += length
    return state.bytes.slice(start, start + length).buffer
  }

  /** The next 8 bytes as a big-endian unsigned integer. */
  nextU64(): bigint {
    return new DataView(this.next(8)).getBigUint64(0, false)
  }

  /** The next unsigned LEB128 varint. */
  nextVarint(): number {
    const state = stateOf(this)
    const p = new VarIntProcessor()
    while (!p.finished()) {
      const b = state.bytes[state.offset]
      if (b === undefined) throw truncated('the rest of a varint', 0)
      state.offset += 1
      p.push(b)
    }
    const value = p.decode()
    if (value === null) {
      throw new SdkError(
        'FILE_PARSE',
        'invalid .s9pk archive: a varint is larger than 2^53 - 1; the archive is corrupt, download it again',
      )
    }
    return value
  }

  /** The next varint-length-prefixed UTF-8 string. */
  nextVarstring(): string {
    const length = this.nextVarint()
    const bytes = this.next(length)
    try {
      return utf8.decode(bytes)
    } catch (cause) {
      throw new SdkError(
        'FILE_PARSE',
        'invalid .s9pk archive: a name is not valid UTF-8; the archive is corrupt, download it again',
        { cause },
      )
    }
  }
}
