/** How a value looks in an error message: its JSON form in backticks, then its type. */
export function describeValue(value: unknown): string {
  const type = Array.isArray(value) ? 'array' : typeof value
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return `\`${text}\` (${value === null ? 'null' : type})`
}
