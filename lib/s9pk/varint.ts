import { SdkError } from '../errors'

/** A u64 LEB128 varint never takes more than 10 bytes. */
const MAX_VARINT_BYTES = 10

type VarIntState = { bytes: number[] }
const varIntState = new WeakMap<VarIntProcessor, VarIntState>()

function stateOf(p: VarIntProcessor): VarIntState {
  const state = varIntState.get(p)
  if (state === undefined) {
    throw new SdkError(
      'ARGUMENT_INVALID',
      'VarIntProcessor: this object was not made by `new VarIntProcessor()`; construct one',
    )
  }
  return state
}

/**
 * Decodes one unsigned LEB128 varint fed a byte at a time (seven bits per byte, low
 * group first, high bit set on every byte but the last).
 */
export class VarIntProcessor {
  constructor() {
    varIntState.set(this, { bytes: [] })
  }

  /** Feeds the next byte; throws once more than 10 bytes would be needed. */
  push(b: number): void {
    const { bytes } = stateOf(this)
    if (bytes.length >= MAX_VARINT_BYTES) {
      throw new SdkError(
        'FILE_PARSE',
        'varint: more than 10 bytes without a terminating byte (high bit clear); the data is corrupt',
      )
    }
    bytes.push(b & 0xff)
  }

  /** Whether the last byte pushed ended the varint. */
  finished(): boolean {
    const { bytes } = stateOf(this)
    const last = bytes[bytes.length - 1]
    return last !== undefined && (last & 0x80) === 0
  }

  /**
   * The decoded value, or `null` when the varint is unfinished or its value does not fit a
   * JavaScript safe integer.
   */
  decode(): number | null {
    if (!this.finished()) return null
    let value = 0n
    stateOf(this).bytes.forEach((b, i) => {
      value |= BigInt(b & 0x7f) << BigInt(7 * i)
    })
    return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null
  }
}

/** Encodes a non-negative safe integer as an unsigned LEB128 varint. */
export function serializeVarint(int: number): ArrayBuffer {
  if (!Number.isSafeInteger(int) || int < 0) {
    throw new SdkError(
      'ARGUMENT_INVALID',
      `serializeVarint: int must be a non-negative safe integer, got ${String(int)}`,
    )
  }
  const out: number[] = []
  let rest = int
  do {
    const low = rest % 128
    rest = Math.floor(rest / 128)
    out.push(rest > 0 ? low | 0x80 : low)
  } while (rest > 0)
  return new Uint8Array(out).buffer
}
