export { effectMethods } from './methods'
export type { EffectSpec } from './methods'
export type {
  EffectParams,
  EffectPath,
  EffectResult,
  EffectWireMethod,
  EffectWireParams,
  Effects,
  EffectsContext,
  EffectsRpc,
} from './types'
export type { ABI, ExpectedExports } from './abi'
