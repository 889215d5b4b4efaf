/** The ready-made SMTP forms and schema, as the `inputSpec.constants` namespace groups them. */
export {
  customSmtp,
  smtpInputSpec,
  smtpProviderVariants,
  systemSmtpSpec,
} from './smtp'
export { smtpPrefill, smtpShape } from './smtpShape'
export type { SmtpSelection } from './smtpShape'
