/** How an init or uninit step is named in errors and progress: its function or class name. */
export function describeStep(step: unknown): string {
  if (typeof step === 'function') {
    return step.name === '' ? 'anonymous function' : `function ${step.name}`
  }
  const ctor = (step as { constructor?: { name?: unknown } } | null)
    ?.constructor
  const name = typeof ctor?.name === 'string' ? ctor.name : ''
  return name === '' || name === 'Object' ? 'object' : name
}

/** The message of a thrown value. */
export function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown)
}
