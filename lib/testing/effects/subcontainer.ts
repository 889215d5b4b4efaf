import { cp, mkdir, realpath, rm } from 'node:fs/promises'
import { startosPaths } from '../../paths'
import { optStr, str } from '../check'
import type { EffectHandler } from '../context'
import { HostError } from '../hostErrors'
import { newGuid } from '../ids'
import { mountsUnder, releaseChroot } from '../launcher/chrootState'

/** The wire methods this file implements. */
type SubcontainerMethods = 'subcontainer.create-fs' | 'subcontainer.destroy-fs'

/** Subcontainer root filesystems: plain directories copied from registered images. */
export const subcontainerEffects: Record<SubcontainerMethods, EffectHandler> = {
  'subcontainer.create-fs': async (ctx, p) => {
    const imageId = str(p, 'imageId')
    optStr(p, 'name')
    const source = ctx.images.get(imageId)
    if (source === undefined) {
      throw new HostError(
        'NotFound',
        `image ${imageId} is not registered (call sim.addImage first)`,
      )
    }
    const guid = newGuid()
    const path = startosPaths(ctx.root).subcontainer(guid)
    try {
      await mkdir(path, { recursive: true })
      if (source !== null) {
        await cp(source, path, { recursive: true, verbatimSymlinks: true })
      }
    } catch (error) {
      await rm(path, { recursive: true, force: true })
      throw new HostError(
        'Filesystem',
        `cannot create ${path}: ${String(error)}`,
      )
    }
    ctx.self.subcontainers.set(guid, path)
    return [path, guid]
  },
  'subcontainer.destroy-fs': async (ctx, p) => {
    const guid = str(p, 'guid')
    const path = ctx.self.subcontainers.get(guid)
    if (path === undefined) {
      throw new HostError('NotFound', `no subcontainer with guid ${guid}`)
    }
    // A chroot-isolated subcontainer's namespace ends first; its mounts are invisible here.
    const real = await realpath(path).catch(() => path)
    releaseChroot(real)
    const mounted = mountsUnder(real)
    if (mounted.length > 0) {
      throw new HostError(
        'Filesystem',
        `refusing to delete ${path}: ${mounted.join(', ')} is mounted inside it on the host; unmount it first`,
      )
    }
    ctx.self.subcontainers.delete(guid)
    await rm(path, { recursive: true, force: true })
    return null
  },
}
