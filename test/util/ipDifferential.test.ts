/**
 * Differential test: our `IpAddress`/`IpNet` against the reference's on seeded, generated
 * valid inputs (the reference accepts much malformed text by accident; ours refuses it, which
 * ip.test.ts covers). Every observable result must be identical.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { IpAddress, IpNet } from '../../lib/utils'
import { random, refUtils } from './reference'

const rnd = random(0x1f2e3d)
const CASES = 3000

/** Octets biased towards zeros and 255s, so compression and carries are exercised. */
function octets(length: number): number[] {
  return Array.from({ length }, () => {
    const r = rnd.float()
    return r < 0.45 ? 0 : r < 0.6 ? 255 : rnd.int(256)
  })
}

/** Text for `octs`: canonical, or full-length/upper-case/zero-padded IPv6 spellings. */
function spell(octs: number[]): string {
  if (octs.length === 4) return octs.join('.')
  const groups = Array.from(
    { length: 8 },
    (_, i) => octs[2 * i] * 256 + octs[2 * i + 1],
  )
  switch (rnd.int(4)) {
    case 0:
      return groups.map((g) => g.toString(16)).join(':')
    case 1:
      return groups
        .map((g) => g.toString(16).padStart(4, '0').toUpperCase())
        .join(':')
    default:
      return IpAddress.fromOctets(octs).address
  }
}

const sample = (): number[] => octets(rnd.float() < 0.5 ? 4 : 16)

test('parse, address, families, isPublic and isGua agree', () => {
  for (let i = 0; i < CASES; i++) {
    const text = spell(sample())
    const a = IpAddress.parse(text)
    const b = refUtils.IpAddress.parse(text)
    const view = (ip: IpAddress): unknown => [
      ip.octets,
      ip.address,
      ip.isIpv4(),
      ip.isIpv6(),
      ip.isPublic(),
      ip.isGua(),
    ]
    assert.deepEqual(view(a), view(b), text)
  }
})

test('fromOctets renders as the reference does', () => {
  for (let i = 0; i < CASES; i++) {
    const octs = sample()
    assert.equal(
      IpAddress.fromOctets(octs).address,
      refUtils.IpAddress.fromOctets(octs).address,
      octs.join('.'),
    )
  }
})

test('add, sub and cmp agree', () => {
  for (let i = 0; i < CASES; i++) {
    const text = spell(sample())
    const other = spell(sample())
    // The reference is exact only for steps from 0 to 2^31 (negative ones leave negative
    // octets or throw); ip.test.ts covers ours for those.
    const n = rnd.float() * (rnd.float() < 0.5 ? 600 : 2 ** 31 - 1)
    const a = IpAddress.parse(text)
    const b = refUtils.IpAddress.parse(text)
    assert.equal(a.add(n).address, b.add(n).address, `${text} + ${n}`)
    assert.equal(a.sub(n).address, b.sub(n).address, `${text} - ${n}`)
    assert.equal(a.cmp(other), b.cmp(other), `${text} cmp ${other}`)
    assert.equal(a.cmp(text), 0)
  }
})

test('IpNet parse, zero, broadcast, ipnet and contains agree', () => {
  for (let i = 0; i < CASES; i++) {
    const octs = sample()
    const prefix = rnd.int(octs.length * 8 + 1)
    const text = `${spell(octs)}/${prefix}`
    const a = IpNet.parse(text)
    const b = refUtils.IpNet.parse(text)
    const view = (net: IpNet): unknown => [
      net.octets,
      net.prefix,
      net.ipnet,
      net.zero().address,
      net.broadcast().address,
      net.isPublic(),
      net.isGua(),
    ]
    assert.deepEqual(view(a), view(b), text)
    // Neighbours of the network's edges, and addresses of the other family.
    const probes = [
      a.zero().sub(1),
      a.zero(),
      a.broadcast(),
      a.broadcast().add(1),
      IpAddress.fromOctets(sample()),
    ]
    for (const p of probes)
      assert.equal(
        a.contains(p.address),
        b.contains(p.address),
        `${text} ∋ ${p.address}`,
      )
    const inner = `${spell(octs)}/${Math.min(prefix + rnd.int(4), octs.length * 8)}`
    const outer = `${spell(octs)}/${Math.max(prefix - 1 - rnd.int(4), 0)}`
    for (const s of [inner, outer])
      assert.equal(
        a.contains(IpNet.parse(s)),
        b.contains(refUtils.IpNet.parse(s)),
        `${text} ∋ ${s}`,
      )
  }
})
