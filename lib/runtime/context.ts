import type { Logger } from './log'
import { describeThrown } from './rpcErrors'

/** A function the host may call back once, with the arguments it sends. */
export type CallbackFn = (...args: unknown[]) => unknown

let nextCallbackId = 1

function settle(result: unknown, onError: (thrown: unknown) => void): void {
  if (
    typeof result === 'object' &&
    result !== null &&
    typeof (result as { then?: unknown }).then === 'function'
  ) {
    ;(result as PromiseLike<unknown>).then(undefined, onError)
  }
}

/**
 * One node of the callback tree (upstream "CallbackHolder"): the callbacks and leave hooks
 * registered by the effects of one context, and its named children.
 *
 * The root is created by the first `init`; `init`, `main` and each procedure path are its
 * children, and `effects.child(name)` adds grandchildren. Leaving a context leaves its
 * children, runs its hooks and drops its callbacks; it cannot be re-entered.
 */
export class CallbackContext {
  readonly name: string
  private readonly log: Logger
  private readonly callbacks = new Map<number, CallbackFn>()
  private readonly children = new Map<string, CallbackContext>()
  private hooks: (() => unknown)[] = []
  private leaveListeners: (() => void)[] = []
  private live = true

  constructor(name: string, log: Logger) {
    this.name = name
    this.log = log
  }

  /** Whether the context is still live: its callbacks can fire and its hooks have not run. */
  get isInContext(): boolean {
    return this.live
  }

  /** The live child with this name, if any. */
  getChild(name: string): CallbackContext | undefined {
    return this.children.get(name)
  }

  /** Creates the child `name`, first leaving the context of an existing child of that name. */
  child(name: string): CallbackContext {
    this.removeChild(name)
    const created = new CallbackContext(name, this.log)
    if (this.live) this.children.set(name, created)
    else created.leave()
    return created
  }

  /** Leaves and forgets the child `name`; does nothing when there is none. */
  removeChild(name: string): void {
    const old = this.children.get(name)
    if (old === undefined) return
    this.children.delete(name)
    old.leave()
  }

  /** Registers a one-shot callback under a new process-wide id, or returns `null` once left. */
  addCallback(fn: CallbackFn): number | null {
    if (!this.live) return null
    const id = nextCallbackId++
    this.callbacks.set(id, fn)
    this.log.debug(`adding callback ${id}`)
    return id
  }

  /** Ids of the callbacks this context (not its children) still holds. */
  callbackIds(): number[] {
    return [...this.callbacks.keys()]
  }

  /** Finds the callback `id` here or in a live descendant and removes it. */
  take(id: number): CallbackFn | undefined {
    const own = this.callbacks.get(id)
    if (own !== undefined) {
      this.callbacks.delete(id)
      return own
    }
    for (const child of this.children.values()) {
      const found = child.take(id)
      if (found !== undefined) return found
    }
    return undefined
  }

  /**
   * Runs the callback `id` once with `args` spread; unknown or fired ids are ignored.
   *
   * A callback that throws or rejects is logged, never reported.
   */
  fire(id: number, args: readonly unknown[]): boolean {
    const fn = this.take(id)
    if (fn === undefined) {
      this.log.debug(`callback ${id} is unknown or already fired; ignored`)
      return false
    }
    const failed = (thrown: unknown): void =>
      this.log.error(`callback ${id} failed: ${describeThrown(thrown)}`)
    try {
      settle(fn(...args), failed)
    } catch (thrown) {
      failed(thrown)
    }
    return true
  }

  /** Registers a hook that runs when this context is left; once left, warns and ignores it. */
  onLeave(fn: () => unknown): void {
    if (!this.live) {
      this.log.warn(
        `onLeaveContext called on context ${JSON.stringify(this.name)} after it was left; the hook will not run`,
      )
      return
    }
    this.hooks.push(fn)
  }

  /** Internal: runs `fn` after the hooks when this context is left (effects objects use it). */
  whenLeft(fn: () => void): void {
    if (this.live) this.leaveListeners.push(fn)
    else fn()
  }

  /**
   * Leaves the context: children first, then the hooks (errors logged), then the effects
   * objects tied to it. Leaving twice does nothing.
   */
  leave(): void {
    if (!this.live) return
    this.live = false
    const children = [...this.children.values()]
    this.children.clear()
    for (const child of children) child.leave()
    this.callbacks.clear()
    const hooks = this.hooks
    const listeners = this.leaveListeners
    this.hooks = []
    this.leaveListeners = []
    const failed = (thrown: unknown): void =>
      this.log.error(
        `onLeaveContext hook of ${JSON.stringify(this.name)} failed: ${describeThrown(thrown)}`,
      )
    for (const hook of [...hooks, ...listeners]) {
      try {
        settle(hook(), failed)
      } catch (thrown) {
        failed(thrown)
      }
    }
  }
}
