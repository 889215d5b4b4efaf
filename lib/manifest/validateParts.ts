import type { Path } from './checks'
import { checkId, checkLocaleString, checkString, isRecord } from './checks'
import type { ProblemList } from './problems'

/** Checks the `dependencies` map: package ids and each entry's shape. */
export function checkDependencies(
  list: ProblemList,
  dependencies: unknown,
  ownId: unknown,
): void {
  if (!isRecord(dependencies)) {
    list.expected(
      ['dependencies'],
      'an object of dependencies by package id ({} for none)',
      dependencies,
    )
    return
  }
  for (const [id, dep] of Object.entries(dependencies)) {
    const path = ['dependencies', id]
    checkId(list, path, id)
    if (id === ownId) {
      list.add(
        path,
        `Package "${id}" lists itself in \`dependencies\`; remove that entry`,
      )
    }
    if (!isRecord(dep)) {
      list.expected(
        path,
        'an object { description, optional, metadata | s9pk }',
        dep,
      )
      continue
    }
    checkLocaleString(list, [...path, 'description'], dep.description, true)
    if (typeof dep.optional !== 'boolean') {
      list.expected([...path, 'optional'], '`true` or `false`', dep.optional)
    }
    checkMetadataSource(list, path, dep)
  }
}

function checkMetadataSource(
  list: ProblemList,
  path: Path,
  dep: Record<string, unknown>,
): void {
  if ('metadata' in dep) {
    const meta = dep.metadata
    if (!isRecord(meta)) {
      list.expected([...path, 'metadata'], 'an object { title, icon }', meta)
      return
    }
    checkLocaleString(list, [...path, 'metadata', 'title'], meta.title)
    checkString(list, [...path, 'metadata', 'icon'], meta.icon, true)
    return
  }
  if ('s9pk' in dep) {
    if (dep.s9pk !== null && typeof dep.s9pk !== 'string') {
      list.expected(
        [...path, 's9pk'],
        'a path or URL of an s9pk, or null',
        dep.s9pk,
      )
    }
    return
  }
  list.add(
    path,
    `Dependency \`${String(path[1])}\` needs \`metadata: { title, icon }\` or \`s9pk: <path or URL> | null\` so StartOS can show it`,
  )
}

const DEVICE_CLASSES: readonly unknown[] = ['processor', 'display']

/** Checks `hardwareRequirements`: device filters and the RAM minimum. */
export function checkHardware(list: ProblemList, hw: unknown): void {
  if (hw === undefined) return
  const path = ['hardwareRequirements']
  if (!isRecord(hw)) {
    list.expected(path, 'an object { device?, ram? } or absent', hw)
    return
  }
  const { device, ram } = hw
  if (ram !== undefined && ram !== null) {
    if (typeof ram !== 'number' || !Number.isFinite(ram) || ram < 0) {
      list.expected(
        [...path, 'ram'],
        'a number of megabytes (0 or more) or null',
        ram,
      )
    }
  }
  if (device === undefined) return
  if (!Array.isArray(device)) {
    list.expected([...path, 'device'], 'an array of device filters', device)
    return
  }
  device.forEach((filter, i) =>
    checkDevice(list, [...path, 'device', i], filter),
  )
}

function checkDevice(list: ProblemList, path: Path, filter: unknown): void {
  if (!isRecord(filter)) {
    list.expected(
      path,
      'an object { class, description, product, vendor }',
      filter,
    )
    return
  }
  if (!DEVICE_CLASSES.includes(filter.class)) {
    list.expected([...path, 'class'], '"processor" or "display"', filter.class)
  }
  checkString(list, [...path, 'description'], filter.description)
  for (const key of ['product', 'vendor']) {
    const value = filter[key]
    if (value !== null && typeof value !== 'string') {
      list.expected([...path, key], 'a string (a pattern) or null', value)
    }
  }
  const caps = filter.capabilities
  if (caps !== undefined) {
    if (!Array.isArray(caps) || caps.some((c) => typeof c !== 'string')) {
      list.expected(
        [...path, 'capabilities'],
        'an array of strings or absent',
        caps,
      )
    }
  }
  if (filter.driver !== undefined)
    checkString(list, [...path, 'driver'], filter.driver)
}
