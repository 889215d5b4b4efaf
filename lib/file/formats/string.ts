import type { FileFormat } from './format'

/** Plain text: the file's text is the value, both ways. */
export const stringFormat: FileFormat<string> = {
  name: 'string',
  parse: (text) => text,
  serialize: (value) => value,
}
