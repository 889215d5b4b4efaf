/**
 * A procedure `execute` and `sandbox` can run, read from its path.
 *
 * `/packageInit`, `/packageUninit` and `/backup/restore` are accepted for compatibility;
 * the host no longer sends them.
 */
export type Procedure =
  | { kind: 'backup/create' }
  | { kind: 'backup/restore' }
  | { kind: 'packageInit' }
  | { kind: 'packageUninit' }
  | { kind: 'action'; actionId: string; step: 'run' | 'getInput' }

const FIXED: Readonly<Record<string, Procedure>> = {
  '/backup/create': { kind: 'backup/create' },
  '/backup/restore': { kind: 'backup/restore' },
  '/packageInit': { kind: 'packageInit' },
  '/packageUninit': { kind: 'packageUninit' },
}

const ACTION = /^\/actions\/([^/]+)\/(run|getInput)$/

/** Reads a procedure path such as `/actions/<id>/run`, or `undefined` if it names none. */
export function parseProcedure(path: string): Procedure | undefined {
  if (Object.prototype.hasOwnProperty.call(FIXED, path)) return FIXED[path]
  const match = ACTION.exec(path)
  if (match === null) return undefined
  return {
    kind: 'action',
    actionId: match[1],
    step: match[2] as 'run' | 'getInput',
  }
}
