import { SdkError } from '../errors'
import { fieldPath } from '../util'

/** One thing wrong with a manifest: the field (as a reader would type it) and what to do. */
export interface ManifestProblem {
  readonly field: string
  readonly message: string
}

/** Collects problems while a manifest is checked, then throws them all at once. */
export interface ProblemList {
  readonly problems: ManifestProblem[]
  /** Records that `path` breaks `rule` (``Expected `path` to be <rule>, got …``), with an optional fix. */
  expected(
    path: readonly PropertyKey[],
    rule: string,
    value: unknown,
    fix?: string,
  ): void
  /** Records a problem whose whole message is given. */
  add(path: readonly PropertyKey[], message: string): void
}

const MAX_SHOWN = 60

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/** The value as the message shows it: JSON where possible, shortened. */
function show(value: unknown): string {
  let text: string
  try {
    text =
      typeof value === 'bigint' || typeof value === 'symbol'
        ? String(value)
        : (JSON.stringify(value) ?? String(value))
  } catch {
    text = String(value)
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text
}

/** Renders `value` for a message: ``nothing`` when it is missing, else ``<json>` (<type>)`. */
export function describe(value: unknown): string {
  return value === undefined
    ? 'nothing (the field is missing)'
    : `\`${show(value)}\` (${kindOf(value)})`
}

/** A fresh, empty problem list. */
export function problemList(): ProblemList {
  const problems: ManifestProblem[] = []
  return {
    problems,
    expected(path, rule, value, fix) {
      const field = fieldPath(path, '(the manifest)')
      const tail = fix === undefined ? '' : `. ${fix}`
      problems.push({
        field,
        message: `Expected \`${field}\` to be ${rule}, got ${describe(value)}${tail}`,
      })
    },
    add(path, message) {
      problems.push({ field: fieldPath(path, '(the manifest)'), message })
    },
  }
}

/** Throws `MANIFEST_INVALID` listing every problem recorded in `list`. */
export function throwProblems(list: ProblemList, id: unknown): never {
  const { problems } = list
  const subject =
    typeof id === 'string' && id !== '' ? ` of package "${id}"` : ''
  const message =
    problems.length === 1
      ? `Invalid manifest${subject}: ${problems[0].message}`
      : `Invalid manifest${subject} (${problems.length} problems):\n${problems
          .map((p) => `- ${p.message}`)
          .join('\n')}`
  throw new SdkError('MANIFEST_INVALID', message, {
    details: { problems: problems.map((p) => ({ ...p })) },
  })
}
