import { Action, Actions, clearTask, createTask, runAction } from '../actions'
import { Backups, setupBackups } from '../backup'
import { checkDependencies, setupDependencies } from '../dependencies'
import type { Effects } from '../effects'
import {
  checkPortListening,
  checkWebUrl,
  cooldownTrigger,
  defaultTrigger,
  runHealthScript,
  statusTrigger,
} from '../health'
import {
  createInterface,
  createRangeInterface,
  exportPluginUrl,
  getBridgeAddress,
  getHost,
  getOwnHost,
  MultiHost,
  registerUrlPlugin,
  setupExportedUrls,
  setupServiceInterfaces,
} from '../host'
import { setupInit, setupOnInit, setupOnUninit, setupUninit } from '../init'
import {
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
import { Daemon, Daemons, setupMain } from '../main'
import { createNotification } from '../notification'
import {
  getContainerIp,
  getOutboundGateway,
  getServiceManifest,
  getSslCertificate,
  getStatus,
  getSystemSmtp,
} from '../reactive'
import { Mounts, SubContainer } from '../subcontainer'
import type { SDKManifest } from '../types'
import { UseEntrypoint } from '../types'
import { SdkError } from '../errors'
import { nullIfEmpty } from '../util'
import { getDataVersion, setDataVersion } from '../version'
import type { EffectWrappers, Sdk, UrlPlugin, WrappedEffect } from './types'
import { createVolumes } from './Volume'

/** `Yes` unless one of `Types` is `never`, then `No`. */
export type AnyNeverCond<Types extends unknown[], No, Yes> = Types extends []
  ? Yes
  : Types extends [infer First, ...infer Rest]
    ? [First] extends [never]
      ? No
      : AnyNeverCond<Rest, No, Yes>
    : never

const WRAPPED: readonly WrappedEffect[] = [
  'restart',
  'shutdown',
  'setDependencies',
  'mount',
  'getInstalledPackages',
  'getServicePortForward',
  'clearBindings',
  'getOsIp',
  'getSslKey',
  'getDependencies',
  'setHealth',
  'setBackupProgress',
  'setInitProgress',
]

/** `sdk.restart(effects)` and the other plain effect calls. */
function effectWrappers(): EffectWrappers {
  const wrappers: Record<string, unknown> = {}
  for (const name of WRAPPED) {
    wrappers[name] = (effects: Effects, ...args: unknown[]) =>
      (effects[name] as (...a: unknown[]) => unknown).apply(effects, args)
  }
  return wrappers as EffectWrappers
}

/** `sdk.plugin.url`, or `null` when the manifest does not list `url-v0`. */
function urlPlugin<Manifest extends SDKManifest>(
  manifest: Manifest,
): UrlPlugin<Manifest> {
  const plugins = (manifest as { plugins?: unknown }).plugins
  if (!Array.isArray(plugins) || !plugins.includes('url-v0')) {
    return null as UrlPlugin<Manifest>
  }
  return {
    register: registerUrlPlugin,
    exportUrl: exportPluginUrl,
    setupExportedUrls,
  } as unknown as UrlPlugin<Manifest>
}

/**
 * The entry point of a package's code: binds the manifest, then hands out the SDK's
 * building blocks with the manifest's ids in their types.
 *
 * @example
 * ```ts
 * export const sdk = StartSdk.of().withManifest(manifest).build(true)
 * ```
 */
export class StartSdk<Manifest extends SDKManifest> {
  /** The bound manifest (`null` before `withManifest`). */
  readonly manifest: Manifest

  /** Use {@link StartSdk.of}. */
  constructor(manifest: Manifest) {
    this.manifest = manifest
  }

  /** A builder with no manifest yet; call {@link withManifest} next. */
  static of(): StartSdk<never> {
    return new StartSdk<never>(null as never)
  }

  /** Binds the package manifest (usually `buildManifest(versions, setupManifest({...}))`). */
  withManifest<Manifest extends SDKManifest = never>(
    manifest: Manifest,
  ): StartSdk<Manifest> {
    return new StartSdk(manifest)
  }

  /**
   * The `sdk` object. Pass `true`; it only type-checks once a manifest is bound.
   */
  build(
    isReady: AnyNeverCond<[Manifest], 'Build not ready', true>,
  ): Sdk<Manifest> {
    const manifest = this.manifest
    if (isReady !== true || manifest === null || typeof manifest !== 'object') {
      throw new SdkError(
        'MANIFEST_INVALID',
        'StartSdk.build(true) needs a manifest: call StartSdk.of().withManifest(manifest).build(true)',
      )
    }
    return {
      ...effectWrappers(),
      manifest,
      volumes: createVolumes(manifest),
      setDataVersion,
      getDataVersion,
      action: {
        run: runAction,
        createTask: (effects, packageId, action, severity, options) =>
          createTask({ effects, packageId, action, severity, options }),
        createOwnTask: (effects, action, severity, options) =>
          createTask({
            effects,
            packageId: manifest.id,
            action,
            severity,
            options,
          }),
        clearTask,
      },
      notification: { create: createNotification },
      checkDependencies,
      host: { getOwn: getOwnHost, get: getHost, getBridgeAddress },
      getContainerIp,
      getStatus,
      getSystemSmtp,
      getOutboundGateway,
      getSslCertificate,
      getServiceManifest,
      MultiHost: { of: (effects, id) => MultiHost.of(effects, id) },
      nullIfEmpty,
      useEntrypoint: (overrideCmd) => new UseEntrypoint(overrideCmd),
      Action: {
        withInput: Action.withInput,
        withoutInput: Action.withoutInput,
      },
      Actions: { of: () => Actions.of() },
      inputSpecConstants: {
        smtpInputSpec,
        systemSmtpSpec,
        customSmtp,
        smtpProviderVariants,
      },
      createInterface,
      createRangeInterface,
      healthCheck: { checkPortListening, checkWebUrl, runHealthScript },
      patterns,
      setupBackups: (options) => setupBackups<Manifest>(options),
      // The manifest-bound signature of the same function (its type binds TManifest).
      setupDependencies:
        setupDependencies as Sdk<Manifest>['setupDependencies'],
      setupOnInit,
      setupOnUninit,
      setupInit,
      setupUninit,
      setupInterfaces: setupServiceInterfaces,
      setupMain,
      trigger: { defaultTrigger, cooldownTrigger, statusTrigger },
      Mounts: { of: () => Mounts.of<Manifest>() },
      Backups: {
        ofVolumes: (...volumes) => Backups.ofVolumes<Manifest>(...volumes),
        ofSyncs: (...syncs) => Backups.ofSyncs<Manifest>(...syncs),
        withOptions: (options) => Backups.withOptions<Manifest>(options),
        withPgDump: (config) => Backups.withPgDump<Manifest>(config),
        withMysqlDump: (config) => Backups.withMysqlDump<Manifest>(config),
      },
      InputSpec: { of: InputSpec.of },
      Daemon: {
        get of() {
          return Daemon.of<Manifest>()
        },
      },
      Daemons: {
        of: (effects) => Daemons.of<Manifest>({ effects }),
        dynamic: ((a: never, b?: never) =>
          b === undefined
            ? Daemons.dynamic<Manifest>(a)
            : Daemons.dynamic<Manifest>(
                a,
                b,
              )) as Sdk<Manifest>['Daemons']['dynamic'],
      },
      SubContainer: {
        of: (effects, image, mounts, name) =>
          SubContainer.of(effects, image, mounts, name),
        eager: (effects, image, mounts, name) =>
          SubContainer.eager(effects, image, mounts, name),
        withTemp: (effects, image, mounts, name, fn) =>
          SubContainer.withTemp(effects, image, mounts, name, fn),
      },
      List,
      Value,
      Variants,
      plugin: { url: urlPlugin(manifest) },
    }
  }
}
