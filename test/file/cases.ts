import type { FileHelper } from '../../lib/file'
import { FileHelper as Files } from '../../lib/file'
import { z } from '../../lib/z'

/**
 * One file format, described for the shared FileHelper tests: a model with a `.catch()`
 * default, a seed file holding keys the model does not declare (top level and nested),
 * a merge that changes one field, and texts that do not parse or hold a refused value.
 */
export interface FormatCase {
  readonly name: string
  readonly file: string
  // The cases differ in model type; the shared tests only pass the case's own data.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  make(path: string): FileHelper<any>
  /** A file as a person would write it, with keys and comments the model does not know. */
  readonly seed: string
  /** What the model reads from `seed`. */
  readonly seedModel: Record<string, unknown>
  readonly patch: Record<string, unknown>
  /** Substrings of `seed` that must survive `merge(patch)` (unknown keys, comments). */
  readonly survivors: readonly string[]
  /** A full model for `write`. */
  readonly full: Record<string, unknown>
  /** Text that does not parse in this format, with the 1-based line of the error; `null` if every text parses. */
  readonly broken: { text: string; line: number } | null
  /** A parseable file whose `port` the model refuses (its `.catch()` would replace it). */
  readonly refused: string
}

const server = z.object({
  name: z.string(),
  port: z.number().catch(8080),
  tags: z.array(z.string()).optional(),
  nested: z.object({ flag: z.boolean() }),
})
const flat = z.object({
  NAME: z.string(),
  PORT: z.string().regex(/^\d+$/).catch('8080'),
  TAGS: z.string().optional(),
})

export const FORMAT_CASES: readonly FormatCase[] = [
  {
    name: 'json',
    file: 'config.json',
    make: (p) => Files.json(p, server),
    seed: '{\n    "name": "a",\n    "port": 1,\n    "extra": {"keep": [1, 2]},\n    "nested": {"flag": true, "inner": "x"}\n}\n',
    seedModel: {
      name: 'a',
      port: 1,
      extra: { keep: [1, 2] },
      nested: { flag: true, inner: 'x' },
    },
    patch: { port: 2, nested: { flag: false } },
    survivors: ['"extra"', '"keep"', '"inner": "x"', '    "name"'],
    full: { name: 'b', port: 3, tags: ['t'], nested: { flag: true } },
    broken: { text: '{\n  "name": "a",\n  "port": ,\n}', line: 3 },
    refused: '{"name": "a", "port": "eighty", "nested": {"flag": true}}',
  },
  {
    name: 'yaml',
    file: 'config.yaml',
    make: (p) => Files.yaml(p, server),
    seed: '# service settings\nname: a # the name\nport: 1\nextra:\n  keep: [1, 2]\nnested:\n  flag: true\n  inner: x # unknown to the model\n',
    seedModel: {
      name: 'a',
      port: 1,
      extra: { keep: [1, 2] },
      nested: { flag: true, inner: 'x' },
    },
    patch: { port: 2, nested: { flag: false } },
    survivors: [
      '# service settings',
      '# the name',
      'keep: [1, 2]',
      'inner: x # unknown to the model',
    ],
    full: { name: 'b', port: 3, tags: ['t'], nested: { flag: true } },
    broken: { text: 'name: a\nport: [1, 2\nnested: {flag: true}\n', line: 3 },
    refused: 'name: a\nport: eighty\nnested:\n  flag: true\n',
  },
  {
    name: 'toml',
    file: 'config.toml',
    make: (p) => Files.toml(p, server),
    seed: 'name = "a"\nport = 1\n\n[extra]\nkeep = [1, 2]\n\n[nested]\nflag = true\ninner = "x"\n',
    seedModel: {
      name: 'a',
      port: 1,
      extra: { keep: [1, 2] },
      nested: { flag: true, inner: 'x' },
    },
    patch: { port: 2, nested: { flag: false } },
    survivors: ['[extra]', 'keep', 'inner = "x"'],
    full: { name: 'b', port: 3, tags: ['t'], nested: { flag: true } },
    broken: { text: 'name = "a"\nport = = 1\n', line: 2 },
    refused: 'name = "a"\nport = "eighty"\n[nested]\nflag = true\n',
  },
  {
    name: 'ini',
    file: 'config.ini',
    make: (p) => Files.ini(p, flat),
    seed: 'NAME=a\nPORT=1\nEXTRA=keep me\n\n[section]\ninner=x\n',
    seedModel: {
      NAME: 'a',
      PORT: '1',
      EXTRA: 'keep me',
      section: { inner: 'x' },
    },
    patch: { PORT: '2' },
    survivors: ['EXTRA=keep me', '[section]', 'inner=x'],
    full: { NAME: 'b', PORT: '3', TAGS: 't' },
    broken: null,
    refused: 'NAME=a\nPORT=eighty\n',
  },
  {
    name: 'env',
    file: '.env',
    make: (p) => Files.env(p, flat),
    seed: '# generated\nNAME=a\nPORT=1\nEXTRA="keep = me"\nexport SECRET=p=ss"word\n',
    seedModel: {
      NAME: 'a',
      PORT: '1',
      EXTRA: 'keep = me',
      SECRET: 'p=ss"word',
    },
    patch: { PORT: '2' },
    survivors: ['# generated', 'EXTRA="keep = me"', 'export SECRET=p=ss"word'],
    full: { NAME: 'b', PORT: '3', TAGS: 'a=b "c"' },
    broken: null,
    refused: 'NAME=a\nPORT=eighty\n',
  },
  {
    name: 'xml',
    file: 'config.xml',
    make: (p) => Files.xml(p, z.object({ config: server })),
    seed: '<config><name>a</name><port>1</port><extra><keep>1</keep></extra><nested><flag>true</flag><inner>x</inner></nested></config>',
    seedModel: {
      config: {
        name: 'a',
        port: 1,
        extra: { keep: 1 },
        nested: { flag: true, inner: 'x' },
      },
    },
    patch: { config: { port: 2, nested: { flag: false } } },
    survivors: ['<extra>', '<keep>1</keep>', '<inner>x</inner>'],
    // Two tags: a list of one would read back as a plain string (XML cannot tell).
    full: {
      config: { name: 'b', port: 3, tags: ['t', 'u'], nested: { flag: true } },
    },
    broken: {
      text: '<config>\n<name>a</name>\n<port>1</nme>\n</config>',
      line: 3,
    },
    refused:
      '<config><name>a</name><port>eighty</port><nested><flag>true</flag></nested></config>',
  },
]
