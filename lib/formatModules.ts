import type * as TomlModule from '@iarna/toml'
import type * as YamlModule from 'yaml'
import { lazyModule } from './util'

/** The `yaml` library (loaded on first use). */
export const YAML: typeof YamlModule = lazyModule(
  () => require('yaml') as typeof YamlModule,
)
/** The `@iarna/toml` library (loaded on first use). */
export const TOML: typeof TomlModule = lazyModule(
  () => require('@iarna/toml') as typeof TomlModule,
)
/** Lower-case alias of {@link YAML}. */
export const yaml: typeof YamlModule = YAML
/** Lower-case alias of {@link TOML}. */
export const toml: typeof TomlModule = TOML
