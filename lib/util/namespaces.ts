/** The `regexes` namespace: {@link ComposableRegex}, `escapeLiteral`, `pem` and the ready-made expressions. */
import * as regexes from './regexes'

export { regexes }
