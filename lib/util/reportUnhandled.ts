/**
 * Where background work reports an error nobody can receive (a throwing `onChange`
 * callback, a daemon loop, a background reconcile): the service log, through `console.error`.
 * The one sanctioned place lib/ writes output.
 */
export function reportUnhandled(where: string, error: unknown): void {
  const text =
    error instanceof Error ? (error.stack ?? error.message) : String(error)
  console.error(`${where}: ${text}`)
}
