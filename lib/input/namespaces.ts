/**
 * The `inputSpec` namespace of the public API: `builder` (the form builders), `constants`
 * (the SMTP forms) and `types` (the wire spec, also exported as `IST`).
 */
import * as builder from './builder'
import * as constants from './constants'
import * as types from './specTypes'

export { builder, constants, types }
