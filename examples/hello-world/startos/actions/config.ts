import {
  Action,
  InputSpec,
  List,
  Value,
  Variants,
  z,
} from '@start9labs/start-sdk'

const peer = InputSpec.of({
  host: Value.text({ name: 'Host', default: null, required: true }),
  port: Value.number({
    name: 'Port',
    default: 9735,
    required: true,
    integer: true,
    min: 1,
    max: 65535,
  }),
})

const backends = Variants.of({
  sqlite: {
    name: 'SQLite',
    spec: InputSpec.of({
      path: Value.text({ name: 'File', default: 'data.db', required: true }),
    }),
  },
  postgres: {
    name: 'PostgreSQL',
    spec: InputSpec.of({
      url: Value.text({
        name: 'URL',
        default: null,
        required: true,
        masked: true,
      }),
      pool: Value.number({
        name: 'Pool',
        default: 5,
        required: false,
        integer: true,
      }),
    }),
  },
})

/** A form with every kind of field the SDK offers. */
export const configSpec = InputSpec.of({
  enabled: Value.toggle({ name: 'Enabled', default: true }),
  tristate: Value.triState({ name: 'Debug', default: null }),
  name: Value.text({
    name: 'Name',
    default: 'hello',
    required: true,
    patterns: [{ regex: '^[a-z]+$', description: 'lower-case letters only' }],
  }),
  password: Value.text({
    name: 'Password',
    default: { charset: 'a-z,A-Z,0-9', len: 22 },
    required: true,
    masked: true,
  }),
  motd: Value.textarea({
    name: 'Message of the day',
    default: null,
    required: false,
  }),
  threads: Value.number({
    name: 'Threads',
    default: 4,
    required: true,
    integer: true,
    min: 1,
    max: 64,
  }),
  color: Value.color({ name: 'Accent', default: '#ff8800', required: false }),
  since: Value.datetime({
    name: 'Since',
    default: null,
    required: false,
    inputmode: 'date',
  }),
  mode: Value.select({
    name: 'Mode',
    default: 'fast',
    values: { fast: 'Fast', safe: 'Safe' },
  }),
  features: Value.multiselect({
    name: 'Features',
    default: ['a'],
    values: { a: 'Feature A', b: 'Feature B', c: 'Feature C' },
  }),
  advanced: Value.object(
    { name: 'Advanced' },
    InputSpec.of({
      timeout: Value.number({
        name: 'Timeout',
        default: 30,
        required: true,
        integer: true,
      }),
    }),
  ),
  certificate: Value.file({
    name: 'Certificate',
    extensions: ['.pem'],
    required: false,
  }),
  backend: Value.union({
    name: 'Backend',
    default: 'sqlite',
    variants: backends,
  }),
  aliases: Value.list(
    List.text({ name: 'Aliases', default: [] }, { placeholder: 'alias' }),
  ),
  peers: Value.list(
    List.obj(
      { name: 'Peers' },
      { spec: peer, displayAs: '{{host}}', uniqueBy: 'host' },
    ),
  ),
  secret: Value.hidden(z.string().optional()),
  hostname: Value.dynamicText(async () => ({
    name: 'Hostname',
    default: 'hello.local',
    required: true,
  })),
  dynToggle: Value.dynamicToggle(async () => ({
    name: 'Dynamic toggle',
    default: false,
  })),
  dynTriState: Value.dynamicTriState(async () => ({
    name: 'Dynamic tri-state',
    default: null,
  })),
  dynTextarea: Value.dynamicTextarea(async () => ({
    name: 'Dynamic notes',
    default: null,
    required: false,
  })),
  dynNumber: Value.dynamicNumber(async () => ({
    name: 'Dynamic number',
    default: 1,
    required: true,
    integer: true,
  })),
  dynColor: Value.dynamicColor(async () => ({
    name: 'Dynamic color',
    default: null,
    required: false,
  })),
  dynDatetime: Value.dynamicDatetime(async () => ({
    name: 'Dynamic date',
    default: null,
    required: false,
  })),
  dynMultiselect: Value.dynamicMultiselect(async () => ({
    name: 'Dynamic features',
    default: [],
    values: { x: 'X', y: 'Y' },
  })),
  dynFile: Value.dynamicFile(async () => ({
    name: 'Dynamic file',
    extensions: ['.txt'],
    required: false,
  })),
  dynUnion: Value.dynamicUnion(async () => ({
    name: 'Dynamic backend',
    default: 'sqlite',
    variants: backends,
    disabled: false,
  })),
  dynHidden: Value.dynamicHidden(async () => z.number().optional()),
  region: Value.dynamicSelect(async () => ({
    name: 'Region',
    default: 'eu',
    values: { eu: 'Europe', us: 'Americas' },
  })),
})

/** Saves nothing; answers with what it received, so a test can check every field. */
export const config = Action.withInput(
  'config',
  {
    name: 'Configure',
    description: 'Every kind of form field',
    warning: null,
    visibility: 'enabled',
    allowedStatuses: 'any',
    group: 'Settings',
  },
  configSpec,
  async () => ({ name: 'world', threads: 8 }),
  async ({ input }) => ({
    version: '1',
    title: 'Configured',
    message: `name=${input.name} threads=${input.threads} backend=${input.backend.selection}`,
    result: {
      type: 'group',
      value: [
        {
          name: 'input',
          description: null,
          type: 'single',
          value: JSON.stringify(input),
          copyable: true,
          qr: false,
          masked: false,
        },
      ],
    },
  }),
)
