import { existsSync, watch, type FSWatcher } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import type { Outcome } from '../reactive'
import { readFileIfExists } from './atomicWrite'

/** A file's text, or `null` while it does not exist. */
export type FileText = string | null
type Listener = (outcome: Outcome<FileText>) => void

/** How long events on a file are gathered before it is read again. */
export const WATCH_DEBOUNCE_MS = 15

/**
 * One watch per file, shared by every reader of that file. It watches the file's directory
 * (so atomic renames, creations and deletions are all seen, and the watch survives the file
 * being replaced), or while that directory is missing, its nearest existing ancestor. Bursts
 * of events are debounced into one read; reads run one at a time, so readers see the file's
 * states in order, and a reader is told only when the text differs from what it last saw.
 */
class SharedWatch {
  private readonly listeners = new Map<Listener, FileText | undefined>()
  private watcher: FSWatcher | null = null
  private watchedDir: string | null = null
  private timer: NodeJS.Timeout | null = null
  private reading = false
  private again = false

  constructor(
    readonly path: string,
    private readonly onEmpty: () => void,
  ) {}

  get size(): number {
    return this.listeners.size
  }

  add(listener: Listener): void {
    this.listeners.set(listener, undefined)
    if (this.watcher === null) this.arm()
    this.refresh()
  }

  remove(listener: Listener): void {
    this.listeners.delete(listener)
    if (this.listeners.size > 0) return
    this.disarm()
    this.onEmpty()
  }

  /** Watches the file's directory, or the nearest ancestor that exists. */
  private arm(): void {
    const target = dirname(this.path)
    for (let dir = target; ; dir = dirname(dir)) {
      // In the file's own directory, only the file's events (and the directory's own, when
      // it is moved or removed) matter; in an ancestor, any event may mean progress.
      const relevant =
        dir === target ? new Set([basename(this.path), basename(dir)]) : null
      try {
        this.watcher = watch(dir, (_event, name) => {
          if (relevant === null || name === null || relevant.has(name))
            this.schedule()
        })
        this.watcher.on('error', () => this.rearm())
        this.watchedDir = dir
        return
      } catch {
        if (dirname(dir) === dir) return
      }
    }
  }

  private rearm(): void {
    this.watcher?.close()
    this.watcher = null
    if (this.listeners.size > 0) {
      this.arm()
      this.schedule()
    }
  }

  private disarm(): void {
    this.watcher?.close()
    this.watcher = null
    this.watchedDir = null
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  private schedule(): void {
    if (this.timer !== null) return
    this.timer = setTimeout(() => {
      this.timer = null
      // Watching an ancestor: the directory may exist now, so move the watch down.
      if (this.watchedDir !== dirname(this.path)) this.rearm()
      this.refresh()
    }, WATCH_DEBOUNCE_MS)
  }

  /** Reads the file (one read at a time) and tells each listener whose view is stale. */
  private refresh(): void {
    if (this.reading) {
      this.again = true
      return
    }
    this.reading = true
    void readFileIfExists(this.path).then(
      (text) => this.deliver({ ok: true, value: text }),
      (error: Error) => this.deliver({ ok: false, error }),
    )
  }

  private deliver(outcome: Outcome<FileText>): void {
    this.reading = false
    // The directory itself went away: its watch is dead, so watch an ancestor instead.
    if (
      outcome.ok &&
      outcome.value === null &&
      this.watchedDir !== null &&
      !existsSync(this.watchedDir)
    )
      this.rearm()
    for (const [listener, seen] of [...this.listeners]) {
      if (!this.listeners.has(listener)) continue
      if (outcome.ok && seen === outcome.value) continue
      this.listeners.set(listener, outcome.ok ? outcome.value : undefined)
      listener(outcome)
    }
    if (this.again) {
      this.again = false
      this.refresh()
    }
  }
}

const watches = new Map<string, SharedWatch>()

/**
 * Watches the file at `path` until `signal` aborts: `listener` gets the current text (or
 * `null` when the file is missing) and then each different text. Readers of the same file
 * share one watch; the last one to leave closes it.
 */
export function watchFileText(
  path: string,
  signal: AbortSignal,
  listener: Listener,
): void {
  if (signal.aborted) return
  const key = resolve(path)
  let shared = watches.get(key)
  if (shared === undefined) {
    const created = new SharedWatch(key, () => watches.delete(key))
    watches.set(key, created)
    shared = created
  }
  const owner = shared
  owner.add(listener)
  signal.addEventListener('abort', () => owner.remove(listener), { once: true })
}

/** How many files are watched and how many readers they have (for tests of cleanup). */
export function watchStats(): { files: number; readers: number } {
  let readers = 0
  for (const shared of watches.values()) readers += shared.size
  return { files: watches.size, readers }
}
