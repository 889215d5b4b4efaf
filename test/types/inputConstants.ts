/*
 * Compile-only tests of the SMTP constants: each has the value and static types of the
 * reference's constant of the same name, and `SmtpSelection`/`smtpShape` match too.
 */
import type {
  inputSpec as refInputSpec,
  SmtpSelection as RefSmtpSelection,
} from 'start-sdk-reference'
import {
  customSmtp,
  smtpInputSpec,
  smtpPrefill,
  smtpProviderVariants,
  smtpShape,
  systemSmtpSpec,
} from '../../lib/input'
import type { SmtpSelection } from '../../lib/input'
import type { z } from '../../lib/z'
import type { Equal, Expect } from './helpers'

declare const ref: typeof refInputSpec.constants

/** The type a validator outputs. */
type StaticOf<V> = V extends { validator: { _zod: { output: infer O } } }
  ? O
  : never

export type C1 = Expect<
  Equal<typeof customSmtp._TYPE, typeof ref.customSmtp._TYPE>
>
export type C2 = Expect<
  Equal<StaticOf<typeof customSmtp>, StaticOf<typeof ref.customSmtp>>
>
export type C3 = Expect<
  Equal<typeof systemSmtpSpec._TYPE, typeof ref.systemSmtpSpec._TYPE>
>
export type C4 = Expect<
  Equal<StaticOf<typeof systemSmtpSpec>, StaticOf<typeof ref.systemSmtpSpec>>
>
export type C5 = Expect<
  Equal<
    typeof smtpProviderVariants._TYPE,
    typeof ref.smtpProviderVariants._TYPE
  >
>
export type C6 = Expect<
  Equal<
    StaticOf<typeof smtpProviderVariants>,
    StaticOf<typeof ref.smtpProviderVariants>
  >
>
export type C7 = Expect<
  Equal<typeof smtpInputSpec._TYPE, typeof ref.smtpInputSpec._TYPE>
>
export type C8 = Expect<
  Equal<StaticOf<typeof smtpInputSpec>, StaticOf<typeof ref.smtpInputSpec>>
>
export type C9 = Expect<Equal<SmtpSelection, RefSmtpSelection>>
export type C10 = Expect<Equal<z.infer<typeof smtpShape>, SmtpSelection>>
export type C11 = Expect<
  Equal<ReturnType<typeof smtpPrefill>, ReturnType<typeof ref.smtpPrefill>>
>
export type C12 = Expect<
  Equal<Parameters<typeof smtpPrefill>, [SmtpSelection | null | undefined]>
>

// The TLS port is fixed (a dynamic field), so the static type lets it be null.
type Custom = typeof customSmtp._TYPE
type Tls = Extract<Custom['security'], { selection: 'tls' }>['value']
export type C13 = Expect<Equal<Tls, { port: string }>>
type TlsStatic = Extract<
  StaticOf<typeof customSmtp>['security'],
  { selection: 'tls' }
>['value']
export type C14 = Expect<Equal<TlsStatic, { port: string | null }>>
