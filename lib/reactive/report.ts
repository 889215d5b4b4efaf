/**
 * Where the reactive readers report an error nobody can receive (a throwing `onChange`
 * callback). The one place this folder writes output.
 */
export function reportUnhandled(where: string, error: unknown): void {
  const text =
    error instanceof Error ? (error.stack ?? error.message) : String(error)
  console.error(`${where}: ${text}`)
}
