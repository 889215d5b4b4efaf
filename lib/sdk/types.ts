/// <reference types="node" />
import type { Action, ActionInfo, Actions, RunActionInput } from '../actions'
import type {
  Backups,
  BackupSync,
  MysqlDumpConfig,
  PgDumpConfig,
  SetupBackupsParams,
  SetupBackupsRes,
} from '../backup'
import type {
  CheckDependencies,
  CurrentDependenciesResult,
  ValidateDependencies,
} from '../dependencies'
import type { Effects, ExpectedExports } from '../effects'
import type {
  checkPortListening,
  checkWebUrl,
  cooldownTrigger,
  runHealthScript,
  statusTrigger,
  Trigger,
} from '../health'
import type {
  createInterface,
  createRangeInterface,
  getBridgeAddress,
  getHost,
  getOwnHost,
  MultiHost,
  SetupExportedUrls,
  SetupServiceInterfaces,
} from '../host'
import type {
  setupInit,
  setupOnInit,
  setupOnUninit,
  setupUninit,
} from '../init'
import type {
  customSmtp,
  InputSpec,
  List,
  patterns,
  smtpInputSpec,
  smtpProviderVariants,
  systemSmtpSpec,
  Value,
  Variants,
} from '../input'
import type {
  Daemon,
  DaemonCommandType,
  Daemons,
  DaemonsBuilder,
  DaemonsReconciler,
  setupMain,
} from '../main'
import type { createNotification } from '../notification'
import type {
  getContainerIp,
  getOutboundGateway,
  getServiceManifest,
  getSslCertificate,
  getStatus,
  getSystemSmtp,
} from '../reactive'
import type {
  Mounts,
  SubContainer,
  SubContainerEager,
  SubContainerLazy,
} from '../subcontainer'
import type {
  ActionId,
  ActionResult,
  ImageId,
  PackageId,
  SDKManifest,
  SyncOptions,
  TaskSeverity,
  UseEntrypoint,
} from '../types'
import type { nullIfEmpty } from '../util'
import type { getDataVersion, setDataVersion } from '../version'
import type { TaskOptions } from '../actions'
import type { Volumes } from './Volume'

/** The effects the `sdk` exposes as plain functions: `sdk.restart(effects)` and so on. */
export type WrappedEffect =
  | 'restart'
  | 'shutdown'
  | 'setDependencies'
  | 'mount'
  | 'getInstalledPackages'
  | 'getServicePortForward'
  | 'clearBindings'
  | 'getOsIp'
  | 'getSslKey'
  | 'getDependencies'
  | 'setHealth'
  | 'setBackupProgress'
  | 'setInitProgress'

/** `effects.<name>(...args)` as `sdk.<name>(effects, ...args)`. */
export type EffectWrappers = {
  [K in WrappedEffect]: (
    effects: Effects,
    ...args: Parameters<Effects[K]>
  ) => ReturnType<Effects[K]>
}

/** The image a subcontainer starts from, limited to the manifest's images. */
type ImageOf<Manifest extends SDKManifest> = {
  imageId: ImageId & keyof Manifest['images']
  sharedRun?: boolean
}

/** An action as the URL plugin hooks take it. */
type PluginAction<Input extends Record<string, any>> = ActionInfo<
  ActionId,
  Input
>

/** `sdk.plugin.url`: present only when the manifest lists the `url-v0` plugin. */
export type UrlPlugin<Manifest extends SDKManifest> = Manifest extends {
  plugins: 'url-v0'[]
}
  ? {
      register: (
        effects: Effects,
        options: {
          tableAction: PluginAction<{
            urlPluginMetadata: {
              packageId: PackageId
              interfaceId: string
              hostId: string
              internalPort: number
            }
          }>
        },
      ) => Promise<null>
      exportUrl: (
        effects: Effects,
        options: {
          hostnameInfo: Parameters<
            Effects['plugin']['url']['exportUrl']
          >[0]['hostnameInfo']
          removeAction: PluginAction<{ urlPluginMetadata: unknown }> | null
          overflowActions: PluginAction<{ urlPluginMetadata: unknown }>[]
        },
      ) => Promise<null>
      setupExportedUrls: SetupExportedUrls
    }
  : null

/**
 * Everything `StartSdk.of().withManifest(manifest).build(true)` returns: the SDK's building
 * blocks with the manifest's volume, image and dependency ids bound into their types.
 */
export interface Sdk<Manifest extends SDKManifest> extends EffectWrappers {
  /** The manifest the SDK was built with. */
  readonly manifest: Manifest
  /** One {@link Volume} per manifest volume: `sdk.volumes.main.subpath('config.json')`. */
  readonly volumes: Volumes<Manifest>
  /** Records the version the service's data is at (`null` clears it). */
  setDataVersion: typeof setDataVersion
  /** The version the service's data is at, or `null`. */
  getDataVersion: typeof getDataVersion
  /** Running actions and asking the user (or another service) to run them. */
  action: {
    /** Runs one of this service's actions now. */
    run: <Input extends Record<string, unknown>>(options: {
      effects: Effects
      actionId: ActionId
      input?: RunActionInput<Input>
    }) => Promise<ActionResult | null>
    /** Asks the user to run another package's action (a task). */
    createTask: <T extends ActionInfo<ActionId, any>>(
      effects: Effects,
      packageId: PackageId,
      action: T,
      severity: TaskSeverity,
      options?: TaskOptions<T>,
    ) => Promise<null>
    /** Asks the user to run one of this service's own actions. */
    createOwnTask: <T extends ActionInfo<ActionId, any>>(
      effects: Effects,
      action: T,
      severity: TaskSeverity,
      options?: TaskOptions<T>,
    ) => Promise<null>
    /** Withdraws tasks by their replay ids. */
    clearTask: (effects: Effects, ...replayIds: string[]) => Promise<null>
  }
  /** Notifications shown to the user. */
  notification: { create: typeof createNotification }
  /** Whether the manifest's dependencies are installed, running, healthy and satisfied. */
  checkDependencies: <
    DependencyId extends keyof Manifest['dependencies'] & PackageId =
      keyof Manifest['dependencies'] & PackageId,
  >(
    effects: Effects,
    packageIds?: DependencyId[],
  ) => Promise<CheckDependencies<DependencyId>>
  /** Hosts (this service's or another's) and their addresses, as watchable values. */
  host: {
    getOwn: typeof getOwnHost
    get: typeof getHost
    getBridgeAddress: typeof getBridgeAddress
  }
  getContainerIp: typeof getContainerIp
  getStatus: typeof getStatus
  getSystemSmtp: typeof getSystemSmtp
  getOutboundGateway: typeof getOutboundGateway
  getSslCertificate: typeof getSslCertificate
  getServiceManifest: typeof getServiceManifest
  /** A host to bind ports on: `sdk.MultiHost.of(effects, 'main')`. */
  MultiHost: { of: (effects: Effects, id: string) => MultiHost }
  nullIfEmpty: typeof nullIfEmpty
  /** Runs the image's own entrypoint, optionally with other arguments. */
  useEntrypoint: (overrideCmd?: string[]) => UseEntrypoint
  /** Defines actions, with or without an input form. */
  Action: {
    withInput: typeof Action.withInput
    withoutInput: typeof Action.withoutInput
  }
  /** The collection of actions the `actions` export holds. */
  Actions: { of(): Actions<{}> }
  /** Ready-made SMTP form parts. */
  inputSpecConstants: {
    smtpInputSpec: typeof smtpInputSpec
    systemSmtpSpec: typeof systemSmtpSpec
    customSmtp: typeof customSmtp
    smtpProviderVariants: typeof smtpProviderVariants
  }
  createInterface: typeof createInterface
  createRangeInterface: typeof createRangeInterface
  /** Ready checks for daemons. */
  healthCheck: {
    checkPortListening: typeof checkPortListening
    checkWebUrl: typeof checkWebUrl
    runHealthScript: typeof runHealthScript
  }
  /** Regular expressions with descriptions, for text fields. */
  patterns: typeof patterns
  setupBackups: (options: SetupBackupsParams<Manifest>) => SetupBackupsRes
  /** Declares the dependencies (an init step); ids and ranges are checked against the manifest. */
  setupDependencies: <const R extends CurrentDependenciesResult<Manifest>>(
    fn: (options: {
      effects: Effects
    }) => Promise<R & ValidateDependencies<Manifest, R>>,
  ) => (effects: Effects) => Promise<null>
  setupOnInit: typeof setupOnInit
  setupOnUninit: typeof setupOnUninit
  setupInit: typeof setupInit
  setupUninit: typeof setupUninit
  setupInterfaces: SetupServiceInterfaces
  setupMain: typeof setupMain<Manifest>
  /** When ready checks run. */
  trigger: {
    defaultTrigger: Trigger
    cooldownTrigger: typeof cooldownTrigger
    statusTrigger: typeof statusTrigger
  }
  Mounts: { of: () => Mounts<Manifest> }
  Backups: {
    ofVolumes: (
      ...volumeNames: Manifest['volumes'][number][]
    ) => Backups<Manifest>
    ofSyncs: (
      ...syncs: BackupSync<Manifest['volumes'][number]>[]
    ) => Backups<Manifest>
    withOptions: (options?: Partial<SyncOptions>) => Backups<Manifest>
    withPgDump: (config: PgDumpConfig<Manifest>) => Backups<Manifest>
    withMysqlDump: (config: MysqlDumpConfig<Manifest>) => Backups<Manifest>
  }
  InputSpec: { of: typeof InputSpec.of }
  Daemon: {
    readonly of: <C extends SubContainer<Manifest, Effects> | null>(
      effects: Effects,
      subcontainer: C,
      exec: DaemonCommandType<Manifest, C>,
    ) => Daemon<Manifest, C>
  }
  Daemons: {
    of(effects: Effects): Daemons<Manifest, never>
    /** A daemon set recomputed whenever what `fn` read changes; return it from `setupMain`. */
    dynamic(
      effects: Effects,
      fn: DaemonsBuilder<Manifest>,
    ): DaemonsReconciler<Manifest>
    /** The 2.0.0 form: export the result as `main` directly. */
    dynamic(fn: DaemonsBuilder<Manifest>): ExpectedExports.main
  }
  SubContainer: {
    of(
      effects: Effects,
      image: ImageOf<Manifest>,
      mounts: Mounts<Manifest> | null,
      name: string,
    ): SubContainerLazy<Manifest, Effects>
    eager(
      effects: Effects,
      image: ImageOf<Manifest>,
      mounts: Mounts<Manifest> | null,
      name: string,
    ): Promise<SubContainerEager<Manifest, Effects>>
    withTemp<T>(
      effects: Effects,
      image: ImageOf<Manifest>,
      mounts: Mounts<Manifest> | null,
      name: string,
      fn: (subContainer: SubContainerEager<Manifest, Effects>) => Promise<T>,
    ): Promise<T>
  }
  List: typeof List
  Value: typeof Value
  Variants: typeof Variants
  plugin: { url: UrlPlugin<Manifest> }
}
