/*
 * Compile-only tests of lib/health: result, trigger and check signatures against the
 * reference's, and a real SubContainer passed to runHealthScript.
 */
import type {
  HealthCheckResult as RefResult,
  checkPortListening as refCheckPort,
  checkWebUrl as refCheckWeb,
  runHealthScript as refRunScript,
  timeoutPromise as refTimeout,
} from 'start-sdk-reference/lib/health/checkFns'
import type {
  Trigger as RefTrigger,
  cooldownTrigger as refCooldown,
  statusTrigger as refStatus,
} from 'start-sdk-reference/lib/trigger'
import type { defaultTrigger as refDefault } from 'start-sdk-reference/lib/trigger/defaultTrigger'
import type { TriggerInput as RefTriggerInput } from 'start-sdk-reference/lib/trigger/TriggerInput'
import {
  checkPortListening,
  checkWebUrl,
  cooldownTrigger,
  defaultTrigger,
  runHealthScript,
  statusTrigger,
  timeoutPromise,
} from '../../lib/health'
import type {
  HealthCheckResult,
  HealthStatus,
  Trigger,
  TriggerInput,
} from '../../lib/health'
import type { SubContainerLazy } from '../../lib/subcontainer'
import type { Effects } from '../../lib/effects'
import type { Equal, Expect } from './helpers'

type Tail<F> = F extends (first: never, ...rest: infer R) => unknown ? R : never

export type Checks = [
  Expect<Equal<HealthCheckResult, RefResult>>,
  Expect<Equal<HealthStatus, RefResult['result']>>,
  Expect<Equal<Trigger, RefTrigger>>,
  Expect<Equal<TriggerInput, RefTriggerInput>>,
  Expect<Equal<typeof cooldownTrigger, typeof refCooldown>>,
  Expect<Equal<typeof statusTrigger, typeof refStatus>>,
  Expect<Equal<typeof defaultTrigger, typeof refDefault>>,
  Expect<Equal<typeof timeoutPromise, typeof refTimeout>>,
  Expect<Equal<Tail<typeof checkPortListening>, Tail<typeof refCheckPort>>>,
  Expect<Equal<Tail<typeof checkWebUrl>, Tail<typeof refCheckWeb>>>,
  Expect<
    Equal<ReturnType<typeof runHealthScript>, ReturnType<typeof refRunScript>>
  >,
  Expect<
    Equal<
      Parameters<typeof runHealthScript>[2],
      Parameters<typeof refRunScript>[2]
    >
  >,
  Expect<Equal<Parameters<typeof checkPortListening>[0], Effects>>,
]

declare const effects: Effects
declare const sub: SubContainerLazy<never>

export async function usage(): Promise<void> {
  const r: HealthCheckResult = await runHealthScript(['true'], sub)
  const port = await checkPortListening(effects, 80, {
    successMessage: 'up',
    errorMessage: 'down',
  })
  await checkWebUrl(effects, 'http://localhost')
  const ok: HealthCheckResult[] = [
    r,
    port,
    { result: 'success', message: null },
  ]
  void ok
  // @ts-expect-error not a health state
  const bad: HealthCheckResult = { result: 'healthy', message: null }
  void bad
  // @ts-expect-error both messages are required
  await checkPortListening(effects, 80, { successMessage: 'up' })
  // @ts-expect-error intervals are keyed by status
  statusTrigger(1000, { healthy: 5 })
  // @ts-expect-error the command is an argv array, not a shell string
  await runHealthScript('pg_isready', sub)
}
