/** The form builders, as the `ISB` namespace groups them. */
export { InputSpec } from './InputSpec'
export { List } from './List'
export { Value } from './Value'
export { Variants } from './Variants'
