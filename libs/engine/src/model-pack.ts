import { type Result, err, ok } from '@tessera/domain'
import type { EngineModel } from './model.js'

/**
 * An engine model as plain JSON, for a browser's engine (a Web Worker scores the live plan
 * next to the editor). Typed arrays travel as base64 of their bytes: exact (no decimal
 * round trip), a third smaller than JSON numbers, and decoded without parsing numbers.
 * What can be derived (radians, cosines, id lookups) is rebuilt on arrival, not sent.
 */
export interface PackedModel {
  version: 2
  unitIds: string[]
  accountIds: string[]
  industries: string[]
  /** Base64 of each typed array's bytes (little-endian, as every browser and Node stores them). */
  f64: Record<(typeof F64)[number], string>
  i32: Record<(typeof I32)[number], string>
}

const F64 = [
  'unitArea',
  'unitPerimeter',
  'unitLon',
  'unitLat',
  'adjBorder',
  'accLon',
  'accLat',
  'accPotential',
  'accSales',
  'accWorkload',
  'accForecast',
] as const
const I32 = [
  'adjStart',
  'adjNbr',
  'accUnit',
  'accIndustry',
  'unitAccStart',
  'unitAccIdx',
] as const

export function packModel(m: EngineModel): PackedModel {
  const f64 = {} as PackedModel['f64']
  for (const k of F64) f64[k] = toBase64(m[k])
  const i32 = {} as PackedModel['i32']
  for (const k of I32) i32[k] = toBase64(m[k])
  return {
    version: 2,
    unitIds: [...m.unitIds],
    accountIds: [...m.accountIds],
    industries: [...m.industries],
    f64,
    i32,
  }
}

/**
 * The model back from its packed form. Checks every array's length against the unit and
 * account counts, and the index arrays' ranges, so a damaged or foreign payload is refused
 * with a reason instead of making the engine read out of bounds.
 */
export function unpackModel(p: PackedModel): Result<EngineModel> {
  if (p?.version !== 2) return err('BAD_INPUT', 'unknown packed model version')
  const n = p.unitIds.length
  const m = p.accountIds.length
  const f = {} as Record<(typeof F64)[number], Float64Array>
  const i = {} as Record<(typeof I32)[number], Int32Array>
  try {
    for (const k of F64) f[k] = new Float64Array(fromBase64(p.f64[k], 8))
    for (const k of I32) i[k] = new Int32Array(fromBase64(p.i32[k], 4))
  } catch (e) {
    return err('BAD_INPUT', `packed model: ${(e as Error).message}`)
  }
  const lengths: [string, number, number][] = [
    ['unitArea', f.unitArea.length, n],
    ['unitPerimeter', f.unitPerimeter.length, n],
    ['unitLon', f.unitLon.length, n],
    ['unitLat', f.unitLat.length, n],
    ['adjStart', i.adjStart.length, n + 1],
    ['adjNbr', i.adjNbr.length, i.adjStart[n] ?? -1],
    ['adjBorder', f.adjBorder.length, i.adjNbr.length],
    ['unitAccStart', i.unitAccStart.length, n + 1],
    ['unitAccIdx', i.unitAccIdx.length, i.unitAccStart[n] ?? -1],
  ]
  for (const k of [
    'accLon',
    'accLat',
    'accPotential',
    'accSales',
    'accWorkload',
    'accForecast',
  ] as const)
    lengths.push([k, f[k].length, m])
  for (const k of ['accUnit', 'accIndustry'] as const)
    lengths.push([k, i[k].length, m])
  for (const [name, got, want] of lengths)
    if (got !== want)
      return err('BAD_INPUT', `packed model: ${name} has ${got}, wants ${want}`)
  const inRange = (a: Int32Array, lo: number, hi: number) =>
    a.every((v) => v >= lo && v < hi)
  if (
    !inRange(i.adjNbr, 0, n) ||
    !inRange(i.accUnit, -1, n) ||
    !inRange(i.unitAccIdx, 0, m) ||
    !inRange(i.accIndustry, -1, p.industries.length) ||
    !isMonotone(i.adjStart) ||
    !isMonotone(i.unitAccStart)
  )
    return err('BAD_INPUT', 'packed model: an index is out of range')
  const RAD = Math.PI / 180
  const accLatRad = f.accLat.map((x) => x * RAD)
  return ok({
    unitIds: p.unitIds,
    unitIndex: new Map(p.unitIds.map((id, k) => [id, k])),
    ...f,
    ...i,
    accountIds: p.accountIds,
    // Duplicates keep their first row, as `buildModel` does.
    accountIndex: firstIndex(p.accountIds),
    accLatRad,
    accLonRad: f.accLon.map((x) => x * RAD),
    accCosLat: accLatRad.map(Math.cos),
    industries: p.industries,
    warnings: [],
  })
}

function firstIndex(ids: readonly string[]): Map<string, number> {
  const index = new Map<string, number>()
  ids.forEach((id, k) => {
    if (!index.has(id)) index.set(id, k)
  })
  return index
}

function isMonotone(a: Int32Array): boolean {
  if (a[0] !== 0) return false
  for (let k = 1; k < a.length; k++) if (a[k]! < a[k - 1]!) return false
  return true
}

const ALPHABET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DECODE = new Int16Array(128).fill(-1)
for (let k = 0; k < ALPHABET.length; k++) DECODE[ALPHABET.charCodeAt(k)] = k

/** Base64 without Buffer or btoa, so the same code runs in Node, a page and a worker. */
function toBase64(a: Float64Array | Int32Array): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
  const out: string[] = []
  let chunk = ''
  for (let k = 0; k < bytes.length; k += 3) {
    const b0 = bytes[k]!
    const b1 = bytes[k + 1]
    const b2 = bytes[k + 2]
    chunk +=
      ALPHABET[b0 >> 2]! +
      ALPHABET[((b0 & 3) << 4) | ((b1 ?? 0) >> 4)]! +
      (b1 === undefined
        ? '='
        : ALPHABET[((b1 & 15) << 2) | ((b2 ?? 0) >> 6)]!) +
      (b2 === undefined ? '=' : ALPHABET[b2 & 63]!)
    // Joining chunks keeps string building linear on every engine.
    if (chunk.length >= 8192) {
      out.push(chunk)
      chunk = ''
    }
  }
  out.push(chunk)
  return out.join('')
}

/** Bytes of a base64 string, in a fresh buffer sized for `width`-byte elements. */
function fromBase64(s: string, width: number): ArrayBuffer {
  if (typeof s !== 'string' || s.length % 4 !== 0) throw new Error('not base64')
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0
  const length = (s.length / 4) * 3 - pad
  if (length % width !== 0) throw new Error('truncated array')
  const bytes = new Uint8Array(length)
  let o = 0
  for (let k = 0; k < s.length; k += 4) {
    const c0 = DECODE[s.charCodeAt(k)] ?? -1
    const c1 = DECODE[s.charCodeAt(k + 1)] ?? -1
    const c2 = s[k + 2] === '=' ? 0 : (DECODE[s.charCodeAt(k + 2)] ?? -1)
    const c3 = s[k + 3] === '=' ? 0 : (DECODE[s.charCodeAt(k + 3)] ?? -1)
    if ((c0 | c1 | c2 | c3) < 0) throw new Error('not base64')
    const v = (c0 << 18) | (c1 << 12) | (c2 << 6) | c3
    if (o < length) bytes[o++] = v >> 16
    if (o < length) bytes[o++] = (v >> 8) & 255
    if (o < length) bytes[o++] = v & 255
  }
  return bytes.buffer
}
