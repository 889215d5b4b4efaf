/// <reference types="node" />
/**
 * The format libraries load on first use, not when the SDK is imported: `yaml` alone takes
 * about 20 ms to load, and most services touch one format, or none.
 */
import type * as Ini from 'ini'
import type * as Toml from '@iarna/toml'
import type * as Xml from 'fast-xml-parser'
import type * as Yaml from 'yaml'

function once<T>(load: () => T): () => T {
  let loaded: T | undefined
  return () => (loaded ??= load())
}

/** The `yaml` package. */
export const yamlLib: () => typeof Yaml = once(() => require('yaml'))
/** The `@iarna/toml` package. */
export const tomlLib: () => typeof Toml = once(() => require('@iarna/toml'))
/** The `ini` package. */
export const iniLib: () => typeof Ini = once(() => require('ini'))
/** The `fast-xml-parser` package. */
export const xmlLib: () => typeof Xml = once(() => require('fast-xml-parser'))
