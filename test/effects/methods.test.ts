import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { effectMethods } from '../../lib/effects'

const entries = Object.entries(effectMethods)

/** The effects whose params carry a `callback` (runtime-protocol.md §6, "cb" rows). */
const callbackPaths = [
  'getStatus',
  'getServiceManifest',
  'getHostInfo',
  'getContainerIp',
  'getOutboundGateway',
  'getServiceInterface',
  'listServiceInterfaces',
  'getSslCertificate',
  'getSystemSmtp',
]

/** Camel-case segments to kebab case, dots kept. */
function kebab(path: string): string {
  return path.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
}

describe('effectMethods', () => {
  it('lists the 44 effects of the protocol', () => {
    assert.equal(entries.length, 44)
  })

  it('has unique paths and unique wire methods', () => {
    const methods = entries.map(([, spec]) => spec.method)
    assert.equal(new Set(methods).size, methods.length)
    assert.equal(new Set(entries.map(([path]) => path)).size, entries.length)
  })

  it('names each wire method as the kebab-case form of its path', () => {
    for (const [path, spec] of entries) {
      assert.equal(spec.method, kebab(path), path)
      assert.match(spec.method, /^[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*)*$/)
    }
  })

  it('nests only under action, notification, subcontainer and plugin.url', () => {
    const groups = new Set(
      entries
        .filter(([path]) => path.includes('.'))
        .map(([path]) => path.slice(0, path.lastIndexOf('.'))),
    )
    assert.deepEqual([...groups].sort(), [
      'action',
      'notification',
      'plugin.url',
      'subcontainer',
    ])
  })

  it('flags exactly the callback-taking effects', () => {
    const flagged = entries
      .filter(([, spec]) => spec.callback)
      .map(([path]) => path)
    assert.deepEqual(flagged.sort(), [...callbackPaths].sort())
    for (const [, spec] of entries)
      assert.equal(typeof spec.callback, 'boolean')
  })

  it('carries no type-only fields at runtime', () => {
    for (const [path, spec] of entries) {
      assert.deepEqual(Object.keys(spec).sort(), ['callback', 'method'], path)
    }
  })
})
