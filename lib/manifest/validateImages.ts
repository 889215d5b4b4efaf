import type { ImageArch } from '../types'
import { fieldPath } from '../util'
import type { Path } from './checks'
import { checkFlag, checkId, checkString, isRecord } from './checks'
import type { ProblemList } from './problems'

const ARCHES: readonly ImageArch[] = ['x86_64', 'aarch64', 'riscv64']
const ARCH_RULE = 'one of "x86_64", "aarch64", "riscv64"'

/** Checks the `images` map: ids, sources, architecture lists, emulation and flags. */
export function checkImages(list: ProblemList, images: unknown): void {
  if (!isRecord(images)) {
    list.expected(['images'], 'an object of images by image id', images)
    return
  }
  for (const [id, spec] of Object.entries(images)) {
    const path = ['images', id]
    checkId(list, path, id)
    if (!isRecord(spec)) {
      list.expected(
        path,
        'an object { source, arch?, emulateMissingAs?, nvidiaContainer? }',
        spec,
      )
      continue
    }
    checkSource(list, [...path, 'source'], spec.source)
    const arch = checkArch(list, [...path, 'arch'], spec.arch)
    const emulate = spec.emulateMissingAs
    if (emulate !== undefined && emulate !== null && arch !== null) {
      if (typeof emulate !== 'string' || !arch.includes(emulate as ImageArch)) {
        list.expected(
          [...path, 'emulateMissingAs'],
          `null or one of the image's architectures (${arch.map((a) => `"${a}"`).join(', ')})`,
          emulate,
          'An image can only emulate an architecture it is built for',
        )
      }
    }
    checkFlag(list, [...path, 'nvidiaContainer'], spec.nvidiaContainer)
  }
}

/** Checks an image's `arch`; returns the list in force (the default when absent), or `null` when invalid. */
function checkArch(
  list: ProblemList,
  path: Path,
  arch: unknown,
): readonly string[] | null {
  if (arch === undefined) return ARCHES
  if (!Array.isArray(arch) || arch.length === 0) {
    list.expected(
      path,
      `a non-empty array of architectures (${ARCH_RULE}), or absent for all three`,
      arch,
    )
    return null
  }
  let ok = true
  const seen = new Set<unknown>()
  arch.forEach((a, i) => {
    if (typeof a !== 'string' || !ARCHES.includes(a as ImageArch)) {
      list.expected([...path, i], ARCH_RULE, a)
      ok = false
    } else if (seen.has(a)) {
      list.add(
        [...path, i],
        `Architecture "${a}" is listed twice in \`${fieldPath(path)}\`; list each architecture once`,
      )
      ok = false
    }
    seen.add(a)
  })
  return ok ? (arch as string[]) : null
}

function checkSource(list: ProblemList, path: Path, source: unknown): void {
  const rule =
    '{ dockerTag: string } or { dockerBuild: { workdir?, dockerfile?, buildArgs? } }'
  if (source === 'packed') {
    list.expected(
      path,
      rule,
      source,
      '"packed" is written by the packer, not by packages',
    )
    return
  }
  if (!isRecord(source)) {
    list.expected(path, rule, source)
    return
  }
  if ('dockerTag' in source) {
    checkString(list, [...path, 'dockerTag'], source.dockerTag, true)
    return
  }
  const build = source.dockerBuild
  if (!isRecord(build)) {
    list.expected(path, rule, source)
    return
  }
  for (const key of ['workdir', 'dockerfile']) {
    if (build[key] !== undefined)
      checkString(list, [...path, 'dockerBuild', key], build[key])
  }
  const args = build.buildArgs
  if (args === undefined) return
  if (!isRecord(args)) {
    list.expected(
      [...path, 'dockerBuild', 'buildArgs'],
      'an object of build arguments',
      args,
    )
    return
  }
  for (const [name, arg] of Object.entries(args)) {
    if (typeof arg === 'string') continue
    if (isRecord(arg) && typeof arg.env === 'string') continue
    list.expected(
      [...path, 'dockerBuild', 'buildArgs', name],
      'a string or { env: "<variable name>" }',
      arg,
    )
  }
}
