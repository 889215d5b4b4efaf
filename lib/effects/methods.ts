import type {
  ActionId,
  ActionInput,
  ActionMetadata,
  ActionResult,
  BindParams,
  BindRangeParams,
  CheckDependenciesResult,
  CreateNotificationParams,
  CreateTaskParams,
  Dependencies,
  DependencyRequirement,
  ExportRangeServiceInterfaceParams,
  ExportServiceInterfaceParams,
  Host,
  HostId,
  Manifest,
  MountParams,
  NetInfo,
  PackageId,
  PluginHostnameInfo,
  Progress,
  ServiceInterface,
  ServiceInterfaceId,
  SetHealth,
  SetMainStatus,
  SmtpValue,
  StatusInfo,
} from '../types'

/**
 * One effect: its wire method and whether it takes a `callback`, with its params and
 * result carried as types only (`void` params mean the effect takes no argument).
 */
export interface EffectSpec<TParams, TResult> {
  /** The kebab-case JSON-RPC method sent on `host.sock`. */
  readonly method: string
  /** Whether the params carry a `callback` that the wire replaces with a numeric id. */
  readonly callback: 'callback' extends keyof TParams ? true : false
  /** Type carrier only; never present at runtime. */
  readonly '~types'?: { readonly params: TParams; readonly result: TResult }
}

/** A function the host calls once when data read through an effect changes. */
type Callback = () => void

/** Params that select either some ids or all ids but some. */
type OnlyOrExcept<TId> = { only: TId[] } | { except: TId[] }

/** Key algorithms a service may ask its certificate to use. */
type SslAlgorithm = 'ecdsa' | 'ed25519'

/** Every RPC effect keyed by its property path on `Effects`; the one place effects are listed. */
export const effectMethods = {
  clearCallbacks: { method: 'clear-callbacks', callback: false } as EffectSpec<
    OnlyOrExcept<number>,
    null
  >,
  'action.export': { method: 'action.export', callback: false } as EffectSpec<
    { id: ActionId; metadata: ActionMetadata },
    null
  >,
  'action.clear': { method: 'action.clear', callback: false } as EffectSpec<
    { except: ActionId[] },
    null
  >,
  'action.getInput': {
    method: 'action.get-input',
    callback: false,
  } as EffectSpec<
    { packageId?: PackageId; actionId: ActionId },
    ActionInput | null
  >,
  'action.run': { method: 'action.run', callback: false } as EffectSpec<
    {
      packageId?: PackageId
      actionId: ActionId
      input?: Record<string, unknown>
    },
    ActionResult | null
  >,
  'action.createTask': {
    method: 'action.create-task',
    callback: false,
  } as EffectSpec<CreateTaskParams, null>,
  'action.clearTasks': {
    method: 'action.clear-tasks',
    callback: false,
  } as EffectSpec<OnlyOrExcept<string>, null>,
  restart: { method: 'restart', callback: false } as EffectSpec<void, null>,
  shutdown: { method: 'shutdown', callback: false } as EffectSpec<void, null>,
  getStatus: { method: 'get-status', callback: true } as EffectSpec<
    { packageId?: PackageId; callback?: Callback },
    StatusInfo | null
  >,
  setMainStatus: {
    method: 'set-main-status',
    callback: false,
  } as EffectSpec<SetMainStatus, null>,
  setDependencies: {
    method: 'set-dependencies',
    callback: false,
  } as EffectSpec<{ dependencies: Dependencies }, null>,
  getDependencies: {
    method: 'get-dependencies',
    callback: false,
  } as EffectSpec<void, DependencyRequirement[]>,
  checkDependencies: {
    method: 'check-dependencies',
    callback: false,
  } as EffectSpec<{ packageIds?: PackageId[] }, CheckDependenciesResult[]>,
  mount: { method: 'mount', callback: false } as EffectSpec<
    MountParams,
    string
  >,
  getInstalledPackages: {
    method: 'get-installed-packages',
    callback: false,
  } as EffectSpec<void, string[]>,
  getServiceManifest: {
    method: 'get-service-manifest',
    callback: true,
  } as EffectSpec<{ packageId: PackageId; callback?: Callback }, Manifest>,
  setBackupProgress: {
    method: 'set-backup-progress',
    callback: false,
  } as EffectSpec<{ progress: Progress }, null>,
  setInitProgress: {
    method: 'set-init-progress',
    callback: false,
  } as EffectSpec<{ progress: Progress }, null>,
  setHealth: { method: 'set-health', callback: false } as EffectSpec<
    SetHealth,
    null
  >,
  'notification.create': {
    method: 'notification.create',
    callback: false,
  } as EffectSpec<CreateNotificationParams, null>,
  'subcontainer.createFs': {
    method: 'subcontainer.create-fs',
    callback: false,
  } as EffectSpec<{ imageId: string; name: string | null }, [string, string]>,
  'subcontainer.destroyFs': {
    method: 'subcontainer.destroy-fs',
    callback: false,
  } as EffectSpec<{ guid: string }, null>,
  bind: { method: 'bind', callback: false } as EffectSpec<BindParams, null>,
  bindRange: { method: 'bind-range', callback: false } as EffectSpec<
    BindRangeParams,
    null
  >,
  getServicePortForward: {
    method: 'get-service-port-forward',
    callback: false,
  } as EffectSpec<
    { packageId?: PackageId; hostId: HostId; internalPort: number },
    NetInfo
  >,
  clearBindings: {
    method: 'clear-bindings',
    callback: false,
  } as EffectSpec<{ except: { id: HostId; internalPort: number }[] }, null>,
  getHostInfo: { method: 'get-host-info', callback: true } as EffectSpec<
    { packageId?: PackageId; hostId: HostId; callback?: Callback },
    Host | null
  >,
  getContainerIp: {
    method: 'get-container-ip',
    callback: true,
  } as EffectSpec<{ packageId?: PackageId; callback?: Callback }, string>,
  getOsIp: { method: 'get-os-ip', callback: false } as EffectSpec<void, string>,
  getOutboundGateway: {
    method: 'get-outbound-gateway',
    callback: true,
  } as EffectSpec<{ callback?: Callback }, string>,
  exportServiceInterface: {
    method: 'export-service-interface',
    callback: false,
  } as EffectSpec<ExportServiceInterfaceParams, null>,
  exportRangeServiceInterface: {
    method: 'export-range-service-interface',
    callback: false,
  } as EffectSpec<ExportRangeServiceInterfaceParams, null>,
  getServiceInterface: {
    method: 'get-service-interface',
    callback: true,
  } as EffectSpec<
    {
      packageId?: PackageId
      serviceInterfaceId: ServiceInterfaceId
      callback?: Callback
    },
    ServiceInterface | null
  >,
  listServiceInterfaces: {
    method: 'list-service-interfaces',
    callback: true,
  } as EffectSpec<
    { packageId?: PackageId; callback?: Callback },
    Record<ServiceInterfaceId, ServiceInterface>
  >,
  clearServiceInterfaces: {
    method: 'clear-service-interfaces',
    callback: false,
  } as EffectSpec<{ except: ServiceInterfaceId[] }, null>,
  'plugin.url.register': {
    method: 'plugin.url.register',
    callback: false,
  } as EffectSpec<{ tableAction: ActionId }, null>,
  'plugin.url.exportUrl': {
    method: 'plugin.url.export-url',
    callback: false,
  } as EffectSpec<
    {
      hostnameInfo: PluginHostnameInfo
      removeAction: ActionId | null
      overflowActions: ActionId[]
    },
    null
  >,
  'plugin.url.clearUrls': {
    method: 'plugin.url.clear-urls',
    callback: false,
  } as EffectSpec<{ except: PluginHostnameInfo[] }, null>,
  getSslCertificate: {
    method: 'get-ssl-certificate',
    callback: true,
  } as EffectSpec<
    { hostnames: string[]; algorithm?: SslAlgorithm; callback?: Callback },
    [string, string, string]
  >,
  getSslKey: { method: 'get-ssl-key', callback: false } as EffectSpec<
    { hostnames: string[]; algorithm?: SslAlgorithm },
    string
  >,
  setDataVersion: {
    method: 'set-data-version',
    callback: false,
  } as EffectSpec<{ version: string | null }, null>,
  getDataVersion: {
    method: 'get-data-version',
    callback: false,
  } as EffectSpec<void, string | null>,
  getSystemSmtp: {
    method: 'get-system-smtp',
    callback: true,
  } as EffectSpec<{ callback?: Callback }, SmtpValue | null>,
} as const
