/// <reference types="node" />

/** Severity of a log line, from chattiest to most serious. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** The logger the runtime writes through; inject one that captures lines in tests. */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Lines below this level are dropped; defaults to `info`. */
  level?: LogLevel
  /** Where finished lines go; defaults to the process's stderr. */
  write?: (line: string) => void
}

const rank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 }

function writeStderr(line: string): void {
  // A closed stderr (EPIPE) must not take the runtime down with it.
  try {
    process.stderr.write(line)
  } catch {
    // Nothing left to report to.
  }
}

/** Creates a logger that writes `LEVEL message` lines to stderr, or to `write` when given. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const min = rank[options.level ?? 'info']
  const write = options.write ?? writeStderr
  const at =
    (level: LogLevel) =>
    (message: string): void => {
      if (rank[level] >= min) write(`${level.toUpperCase()} ${message}\n`)
    }
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  }
}

/** A logger that discards everything. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
}

/** Whether a `STARTOS_ENVIRONMENT` value marks a development build (a `-`-separated `dev` part). */
export function isDevEnvironment(environment: string | undefined): boolean {
  return (environment ?? '').split('-').includes('dev')
}
