import { HostError } from './hostErrors'

/** Hands out unique external ports, preferring the one asked for. */
export class PortAllocator {
  private readonly used = new Set<number>()
  private readonly first: number
  private readonly last: number

  constructor(first = 49152, last = 65535) {
    this.first = first
    this.last = last
  }

  /** Whether `port` is taken. */
  isUsed(port: number): boolean {
    return this.used.has(port)
  }

  /** Takes `preferred` when it is free, else the lowest free port of the dynamic range. */
  take(preferred: number | null): number {
    if (preferred !== null && preferred >= 1 && preferred <= 65535) {
      if (!this.used.has(preferred)) {
        this.used.add(preferred)
        return preferred
      }
    }
    for (let port = this.first; port <= this.last; port++) {
      if (!this.used.has(port)) {
        this.used.add(port)
        return port
      }
    }
    throw new HostError(
      'InvalidRequest',
      `no free external port left in ${this.first}-${this.last}`,
    )
  }

  /** Takes `count` ports from `start`, all or none. */
  takeRange(start: number, count: number): void {
    if (start + count - 1 > 65535) {
      throw new HostError(
        'InvalidRequest',
        `external ports ${start}-${start + count - 1} go past 65535`,
      )
    }
    for (let port = start; port < start + count; port++) {
      if (this.used.has(port)) {
        throw new HostError(
          'InvalidRequest',
          `external port ${port} of ${start}-${start + count - 1} is already in use`,
        )
      }
    }
    for (let port = start; port < start + count; port++) this.used.add(port)
  }

  /** Gives ports back. */
  release(start: number | null, count = 1): void {
    if (start === null) return
    for (let port = start; port < start + count; port++) this.used.delete(port)
  }
}
