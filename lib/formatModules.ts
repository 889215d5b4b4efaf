import type * as TomlModule from '@iarna/toml'
import type * as YamlModule from 'yaml'
import { lazyModule } from './util'

/** A CommonJS module as `import * as` sees it: its exports plus `default`. */
function namespaceOf<M extends object>(module: M): M {
  if ('default' in module) return module
  return Object.assign(Object.create(null) as M, module, { default: module })
}

/** The `yaml` library (loaded on first use). */
export const YAML: typeof YamlModule = lazyModule(() =>
  namespaceOf(require('yaml') as typeof YamlModule),
)
/** The `@iarna/toml` library (loaded on first use). */
export const TOML: typeof TomlModule = lazyModule(() =>
  namespaceOf(require('@iarna/toml') as typeof TomlModule),
)
/** Lower-case alias of {@link YAML}. */
export const yaml: typeof YamlModule = YAML
/** Lower-case alias of {@link TOML}. */
export const toml: typeof TomlModule = TOML
