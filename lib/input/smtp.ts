/**
 * Ready-made SMTP forms: a custom server (`customSmtp`), presets for common providers
 * (`smtpProviderVariants`), the server-wide settings form (`systemSmtpSpec`) and the field a
 * service offers its users (`smtpInputSpec`). Each is built on first use, so importing them
 * costs nothing and cannot fail.
 */
import { deferInputSpec, InputSpec } from './InputSpec'
import { once } from './lazy'
import { emailWithName } from './patterns'
import type { UnionRes, UnionResStaticValidatedAs } from './types'
import { Value } from './Value'
import { Variants } from './Variants'

type Port = '587' | '25' | '2525'
type SecurityVariants = {
  tls: {
    name: string
    spec: InputSpec<{ port: string }, { port: string | null }>
  }
  starttls: { name: string; spec: InputSpec<{ port: Port }, { port: Port }> }
}
type Server<Security> = {
  host: string
  security: Security
  from: string
  username: string
  password: string | null
}
type ServerSpec = InputSpec<
  Server<UnionRes<SecurityVariants, 'starttls' | 'tls'>>,
  Server<UnionResStaticValidatedAs<SecurityVariants, 'starttls' | 'tls'>>
>
type ProviderId =
  | 'gmail'
  | 'ses'
  | 'sendgrid'
  | 'mailgun'
  | 'protonmail'
  | 'other'
type ProviderVariants = {
  [K in ProviderId]: { name: string; spec: ServerSpec }
}
type ProviderSpec = InputSpec<
  { provider: UnionRes<ProviderVariants, ProviderId> },
  { provider: UnionResStaticValidatedAs<ProviderVariants, ProviderId> }
>
type SmtpVariants = {
  disabled: { name: string; spec: InputSpec<{}, {}> }
  system: {
    name: string
    spec: InputSpec<
      { customFrom: string | null },
      { customFrom: string | null }
    >
  }
  custom: { name: string; spec: ProviderSpec }
}

/** The form of one SMTP server; `host` given (and maybe fixed) for a provider preset. */
function serverSpec(
  host: string | null,
  hostFixed: boolean,
  security: 'tls' | 'starttls',
): ServerSpec {
  const hostField = Value.text({
    name: 'Host',
    required: true,
    default: host,
    placeholder: 'smtp.example.com',
  })
  return InputSpec.of({
    host: hostFixed
      ? hostField.withDisabled('Fixed for this provider')
      : hostField,
    security: Value.union({
      name: 'Connection Security',
      default: security,
      variants: Variants.of({
        tls: {
          name: 'TLS',
          spec: InputSpec.of({
            port: Value.dynamicText(() => ({
              name: 'Port',
              required: true,
              default: '465',
              disabled: 'Fixed for TLS',
            })),
          }),
        },
        starttls: {
          name: 'STARTTLS',
          spec: InputSpec.of({
            port: Value.select({
              name: 'Port',
              default: '587',
              values: { '25': '25', '587': '587', '2525': '2525' },
            }),
          }),
        },
      }),
    }),
    from: Value.text({
      name: 'From Address',
      required: true,
      default: null,
      placeholder: 'Example Name <test@example.com>',
      patterns: [emailWithName],
    }),
    username: Value.text({ name: 'Username', required: true, default: null }),
    password: Value.text({
      name: 'Password',
      required: false,
      default: null,
      masked: true,
    }),
  })
}

/** The fields of a custom SMTP server: host, TLS or STARTTLS with its port, sender, login. */
export const customSmtp: ServerSpec = deferInputSpec(() =>
  serverSpec(null, false, 'tls'),
)

const providers = once(
  (): Variants<ProviderVariants> =>
    Variants.of({
      gmail: { name: 'Gmail', spec: serverSpec('smtp.gmail.com', true, 'tls') },
      ses: {
        name: 'Amazon SES',
        spec: serverSpec('email-smtp.us-east-1.amazonaws.com', false, 'tls'),
      },
      sendgrid: {
        name: 'SendGrid',
        spec: serverSpec('smtp.sendgrid.net', true, 'tls'),
      },
      mailgun: {
        name: 'Mailgun',
        spec: serverSpec('smtp.mailgun.org', true, 'tls'),
      },
      protonmail: {
        name: 'Proton Mail',
        spec: serverSpec('smtp.protonmail.ch', true, 'starttls'),
      },
      other: { name: 'Other', spec: customSmtp },
    }),
)

/** SMTP presets (Gmail, Amazon SES, SendGrid, Mailgun, Proton Mail) and `other`. */
export const smtpProviderVariants: Variants<ProviderVariants, unknown> =
  new Variants<ProviderVariants, unknown>(
    (options) => providers().build(options),
    () => providers().validator,
  )

/** A `provider` union over {@link smtpProviderVariants}, starting on `initial`. */
const providerSpec = (initial: ProviderId | null): ProviderSpec =>
  InputSpec.of({
    provider: Value.union({
      name: 'Provider',
      default: initial as ProviderId,
      variants: smtpProviderVariants,
    }),
  })

/** The server-wide SMTP settings form: one `provider` choice, Gmail first. */
export const systemSmtpSpec: ProviderSpec = deferInputSpec(() =>
  providerSpec('gmail'),
)

const smtpVariants = once(
  (): Variants<SmtpVariants> =>
    Variants.of({
      disabled: { name: 'Disabled', spec: InputSpec.of({}) },
      system: {
        name: 'System Credentials',
        spec: InputSpec.of({
          customFrom: Value.text({
            name: 'Custom From Address',
            description:
              'A custom from address for this service. If not provided, the system from address will be used.',
            required: false,
            default: null,
            placeholder: 'Name <test@example.com>',
            patterns: [emailWithName],
          }),
        }),
      },
      custom: { name: 'Custom Credentials', spec: providerSpec(null) },
    }),
)

const smtpField = once(() =>
  Value.dynamicUnion<SmtpVariants, SmtpVariants>(async ({ effects }) => {
    const system = await effects.getSystemSmtp({})
    return {
      name: 'SMTP',
      description: 'Optionally provide an SMTP server for sending emails',
      default: 'disabled',
      disabled: system ? [] : ['system'],
      variants: smtpVariants(),
    }
  }, smtpVariants().validator),
)

/**
 * The SMTP field a service offers: no SMTP, the server's SMTP (optionally another sender),
 * or a custom server. "System Credentials" is disabled while the server has no SMTP set.
 * Keep the user's choice with {@link smtpShape}.
 */
export const smtpInputSpec: Value<
  UnionRes<SmtpVariants>,
  UnionResStaticValidatedAs<SmtpVariants>,
  unknown
> = new Value<
  UnionRes<SmtpVariants>,
  UnionResStaticValidatedAs<SmtpVariants>,
  unknown
>(
  (options) => smtpField().build(options),
  () => smtpField().validator,
)
