import { Version } from '../exver'
import type { ProblemList } from './problems'
import {
  checkFlag,
  checkId,
  checkLocaleString,
  checkString,
  isRecord,
} from './checks'
import { checkImages } from './validateImages'
import { checkDependencies, checkHardware } from './validateParts'

const PLUGINS: readonly string[] = ['url-v0']

const REMOVED: Record<string, string> = {
  alerts:
    '`alerts` was removed in start-sdk 2.0: StartOS no longer shows install, update, uninstall, restore, start or stop alerts from the manifest. Delete the `alerts` key',
  nestedRuntime:
    '`nestedRuntime` was removed in start-sdk 2.0. Replace it with `userspaceFilesystems: true` (mounts /dev/fuse, for a nested rootless container runtime) and/or `virtualNetworking: true` (mounts /dev/net/tun)',
}

/** Checks every field of a package's `SDKManifest`, recording what is wrong in `list`. */
export function checkManifest(list: ProblemList, m: unknown): void {
  if (!isRecord(m)) {
    list.expected([], 'an object (the result of `setupManifest`)', m)
    return
  }
  for (const key of Object.keys(REMOVED)) {
    if (key in m) list.add([key], REMOVED[key])
  }
  checkId(list, ['id'], m.id)
  checkString(list, ['title'], m.title, true)
  for (const key of ['license', 'packageRepo', 'upstreamRepo', 'marketingUrl'])
    checkString(list, [key], m[key])
  if (m.donationUrl !== null) {
    if (typeof m.donationUrl !== 'string')
      list.expected(['donationUrl'], 'a string or null', m.donationUrl)
  }
  if (!isRecord(m.description)) {
    list.expected(['description'], 'an object { short, long }', m.description)
  } else {
    checkLocaleString(list, ['description', 'short'], m.description.short)
    checkLocaleString(list, ['description', 'long'], m.description.long)
  }
  if (m.osVersion !== undefined) checkOsVersion(list, m.osVersion)
  checkImages(list, m.images)
  checkVolumes(list, m.volumes)
  checkDependencies(list, m.dependencies, m.id)
  checkHardware(list, m.hardwareRequirements)
  for (const key of [
    'hardwareAcceleration',
    'userspaceFilesystems',
    'virtualNetworking',
  ])
    checkFlag(list, [key], m[key])
  checkPlugins(list, m.plugins)
}

function checkOsVersion(list: ProblemList, value: unknown): void {
  if (typeof value === 'string') {
    try {
      Version.parse(value)
      return
    } catch {
      // reported below
    }
  }
  list.expected(
    ['osVersion'],
    'a StartOS version such as "0.4.0-beta.10"',
    value,
    'Remove it to target the version this SDK was built for',
  )
}

function checkVolumes(list: ProblemList, volumes: unknown): void {
  if (!Array.isArray(volumes)) {
    list.expected(['volumes'], 'an array of volume ids', volumes)
    return
  }
  const seen = new Set<unknown>()
  volumes.forEach((id, i) => {
    checkId(list, ['volumes', i], id)
    if (seen.has(id)) {
      list.add(
        ['volumes', i],
        `Volume ${JSON.stringify(id)} is listed twice in \`volumes\`; list each volume once`,
      )
    }
    seen.add(id)
  })
}

function checkPlugins(list: ProblemList, plugins: unknown): void {
  if (plugins === undefined) return
  if (!Array.isArray(plugins)) {
    list.expected(['plugins'], 'an array of plugin names or absent', plugins)
    return
  }
  const seen = new Set<unknown>()
  plugins.forEach((name, i) => {
    if (typeof name !== 'string' || !PLUGINS.includes(name)) {
      list.expected(
        ['plugins', i],
        `one of ${PLUGINS.map((p) => `"${p}"`).join(', ')}`,
        name,
      )
    } else if (seen.has(name)) {
      list.add(
        ['plugins', i],
        `Plugin "${name}" is listed twice in \`plugins\`; list it once`,
      )
    }
    seen.add(name)
  })
}
