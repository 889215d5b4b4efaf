import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DesiredStatus, Manifest, SmtpValue } from '../types'
import type { CallbackSink, SentCallback, SocketSink } from './callbacks'
import { CallbackRegistry, serviceSocketSink } from './callbacks'
import type { SimContext, SimNetwork } from './context'
import { handleHostLine, runEffect } from './dispatch'
import type { HostSocket } from './hostSocket'
import { listenHostSocket } from './hostSocket'
import type { Isolation } from './launcher/isolation'
import { assertIsolation } from './launcher/isolation'
import { PortAllocator } from './ports'
import type { RecordedCall } from './recorder'
import { CallRecorder } from './recorder'
import type { SimActionHandler, SimPackage } from './state'
import { markStarted, markStopped, newPackage, simManifest } from './state'

/** Options of {@link HostSimulator.start}. */
export interface HostSimulatorOptions {
  /** The folder holding `host.sock` (served here) and the runtime's `service.sock`. */
  rpcDir: string
  /** The id of the package whose runtime connects to `host.sock`. */
  packageId: string
  /** Manifest fields over a complete default manifest for `packageId`. */
  manifest?: Partial<Manifest>
  /** StartOS root for subcontainers (`<root>/media/startos/subcontainers`); default a temp dir. */
  root?: string
  /** Network facts to report instead of the loopback defaults. */
  network?: Partial<SimNetwork>
  /** What `get-system-smtp` returns (default `null`). */
  smtp?: SmtpValue | null
  /** Where callback notifications go; default a connection to `<rpcDir>/service.sock`. */
  notify?: CallbackSink
  /** Answers `action.get-input` / `action.run` aimed at the package itself. */
  actions?: SimActionHandler
  /** Called when `restart` / `shutdown` change the desired status. */
  onDesiredStatus?: (packageId: string, desired: DesiredStatus) => void
  /** The dynamic range external ports come from (default 49152–65535). */
  portRange?: [number, number]
  /**
   * How `spawnRuntime` runs subcontainer commands (default `'none'`); `'chroot'` needs root
   * (see `chrootIsolation()`).
   */
  isolation?: Isolation
}

/** Params of {@link HostSimulator.addPackage}: another installed package. */
export interface SimPackageOptions {
  id: string
  manifest?: Partial<Manifest>
  /** Overrides `manifest.version`. */
  version?: string
  /** Whether it counts as started (default `false`). */
  running?: boolean
  /** Answers `action.get-input` / `action.run` aimed at this package. */
  actions?: SimActionHandler
}

/**
 * An in-memory StartOS host for local runs: serves every effect on `<rpcDir>/host.sock`,
 * records each call, and sends change callbacks to the runtime's `service.sock`.
 */
export class HostSimulator {
  /** The `host.sock` path being served. */
  readonly socketPath: string
  /** The StartOS root subcontainers are created under. */
  readonly root: string
  /** How `spawnRuntime` runs this simulator's subcontainer commands. */
  readonly isolation: Isolation
  private readonly ctx: SimContext
  private readonly recorder = new CallRecorder()
  private socket: HostSocket | null = null
  private sink: SocketSink | null = null
  private ownRoot = false

  private constructor(
    ctx: SimContext,
    socketPath: string,
    isolation: Isolation,
  ) {
    this.ctx = ctx
    this.isolation = isolation
    this.root = ctx.root
    this.socketPath = socketPath
  }

  /** Creates a simulator and starts listening on `<rpcDir>/host.sock`. */
  static async start(options: HostSimulatorOptions): Promise<HostSimulator> {
    const isolation = assertIsolation(
      options.isolation ?? 'none',
      'HostSimulator.start',
    )
    const ownRoot = options.root === undefined
    const root = options.root ?? (await mkdtemp(join(tmpdir(), 'start-sim-')))
    const sink =
      options.notify === undefined
        ? serviceSocketSink(join(options.rpcDir, 'service.sock'))
        : null
    const self = newPackage(
      simManifest(options.packageId, options.manifest),
      false,
      options.actions ?? null,
    )
    const [first, last] = options.portRange ?? [49152, 65535]
    const ctx: SimContext = {
      self,
      packages: new Map([[self.id, self]]),
      images: new Map(),
      root,
      ports: new PortAllocator(first, last),
      network: {
        containerIp: '127.0.0.1',
        osIp: '127.0.0.1',
        outboundGateway: 'lo',
        hostname: 'startos-sim',
        ...options.network,
      },
      callbacks: new CallbackRegistry(options.notify ?? sink!.notify),
      smtp: options.smtp ?? null,
      certGeneration: 0,
      onDesiredStatus: options.onDesiredStatus ?? (() => undefined),
    }
    const sim = new HostSimulator(
      ctx,
      join(options.rpcDir, 'host.sock'),
      isolation,
    )
    sim.sink = sink
    sim.ownRoot = ownRoot
    sim.socket = await listenHostSocket(sim.socketPath, (line) =>
      handleHostLine(ctx, sim.recorder, line),
    )
    return sim
  }

  /** Stops serving, closes the callback connection and removes a temp root it made. */
  async close(): Promise<void> {
    await this.socket?.close()
    this.socket = null
    await this.sink?.close()
    if (this.ownRoot) await rm(this.root, { recursive: true, force: true })
  }

  /** The id of the package served on `host.sock`. */
  get packageId(): string {
    return this.ctx.self.id
  }

  /** The state of a simulated package (default: the served one); tests may read it. */
  state(packageId: string = this.ctx.self.id): SimPackage {
    const pkg = this.ctx.packages.get(packageId)
    if (!pkg) throw new Error(`Unknown simulated package: ${packageId}`)
    return pkg
  }

  /** Installs another package, so dependency, status and manifest effects can see it. */
  addPackage(options: SimPackageOptions): void {
    const manifest = simManifest(options.id, options.manifest)
    if (options.version !== undefined) manifest.version = options.version
    const pkg = newPackage(
      manifest,
      options.running ?? false,
      options.actions ?? null,
    )
    this.ctx.packages.set(pkg.id, pkg)
    this.changed()
  }

  /** Uninstalls a package added with {@link addPackage}. */
  removePackage(packageId: string): void {
    if (packageId === this.ctx.self.id) {
      throw new Error('The served package cannot be removed')
    }
    this.ctx.packages.delete(packageId)
    this.changed()
  }

  /** Replaces a package's manifest fields (a new version, say); watchers are told. */
  updateManifest(packageId: string, manifest: Partial<Manifest>): void {
    const pkg = this.state(packageId)
    pkg.manifest = { ...pkg.manifest, ...manifest }
    this.changed()
  }

  /** Registers image `id`; subcontainers start as a copy of `dir`, or empty without one. */
  addImage(id: string, dir?: string): void {
    this.ctx.images.set(id, dir ?? null)
  }

  /** Marks a package started (what a successful `start` reply does on StartOS). */
  markStarted(packageId: string = this.ctx.self.id): void {
    markStarted(this.state(packageId))
    this.changed()
  }

  /** Marks a package stopped, clearing its health (what a `stop` reply does). */
  markStopped(packageId: string = this.ctx.self.id): void {
    markStopped(this.state(packageId))
    this.changed()
  }

  /** Sets what `get-system-smtp` returns; watchers are told. */
  setSmtp(smtp: SmtpValue | null): void {
    this.ctx.smtp = smtp
    this.changed()
  }

  /** Sets what `get-outbound-gateway` returns; watchers are told. */
  setOutboundGateway(gateway: string): void {
    this.ctx.network.outboundGateway = gateway
    this.changed()
  }

  /** Issues new (still fake) certificates and keys; certificate watchers are told. */
  rotateCertificates(): void {
    this.ctx.certGeneration++
    this.changed()
  }

  /** Runs one effect in-process, exactly as a `host.sock` request would (recorded too). */
  async call(
    method: string,
    params: Record<string, unknown> = {},
  ): Promise<unknown> {
    const outcome = await runEffect(this.ctx, this.recorder, method, params)
    if ('error' in outcome)
      throw Object.assign(new Error(outcome.error.message), outcome.error)
    return outcome.result
  }

  /**
   * Runs one effect as package `packageId` would call it (its own hosts, interfaces,
   * health…), so tests can play a dependency binding ports; recorded, and watchers are told.
   */
  async callAs(
    packageId: string,
    method: string,
    params: Record<string, unknown> = {},
  ): Promise<unknown> {
    const ctx = Object.create(this.ctx, {
      self: { value: this.state(packageId) },
    }) as SimContext
    const outcome = await runEffect(ctx, this.recorder, method, params)
    if ('error' in outcome)
      throw Object.assign(new Error(outcome.error.message), outcome.error)
    return outcome.result
  }

  /** Every recorded effect call, or only those of one wire method. */
  calls(method?: string): RecordedCall[] {
    return this.recorder.calls(method)
  }

  /** Forgets the recorded calls. */
  clearCalls(): void {
    this.recorder.clear()
  }

  /** The first call of `method` matching `predicate`, recorded or still to come. */
  waitFor(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall> {
    return this.recorder.waitFor(method, predicate, timeoutMs)
  }

  /** Callback ids still waiting for a change. */
  callbackIds(): number[] {
    return this.ctx.callbacks.ids()
  }

  /** Every callback notification sent so far. */
  sentCallbacks(): SentCallback[] {
    return [...this.ctx.callbacks.sent]
  }

  private changed(): void {
    this.ctx.callbacks.check()
  }
}
