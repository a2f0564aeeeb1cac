import type { LonLat, Unit, UnitAdjacency } from '@tessera/domain'
import { type Result, err, ok } from '@tessera/domain'

/** An account as the engine needs it: where it is and what it weighs. */
export interface EngineAccount {
  id: string
  unitId: string | null
  location: LonLat
  potential: number
  /** Historical sales over the last 12 months. */
  sales: number
  /** Visit minutes per week; also the visit weight of travel. */
  workloadMinutes: number
  /** Forecast revenue over the next 12 months; 0 when none is known. */
  forecast?: number | undefined
  /** Segment / industry, for matching reps' skills. */
  industry?: string | undefined
}

/**
 * The static part of a plan — geography and accounts — as struct-of-arrays indexed by unit
 * and account number, built once per layer and account set and shared by every scenario.
 * Hot loops read typed arrays only; no per-move allocation.
 */
export interface EngineModel {
  unitIds: readonly string[]
  unitIndex: ReadonlyMap<string, number>
  unitArea: Float64Array
  /** Each unit's own outer perimeter (km), coastline included. */
  unitPerimeter: Float64Array
  unitLon: Float64Array
  unitLat: Float64Array
  /** CSR adjacency: neighbours of u are adjNbr[adjStart[u] .. adjStart[u+1]). */
  adjStart: Int32Array
  adjNbr: Int32Array
  /** Shared border (km) with each neighbour; 0 for proximity links (islands). */
  adjBorder: Float64Array
  /** Account ids in storage order (grouped by unit; not the input order). */
  accountIds: readonly string[]
  accountIndex: ReadonlyMap<string, number>
  /** Unit of each account, -1 when the account lies in no unit. */
  accUnit: Int32Array
  accLon: Float64Array
  accLat: Float64Array
  /** Latitude and longitude in radians and cos(latitude): the travel distance's fixed parts. */
  accLatRad: Float64Array
  accLonRad: Float64Array
  accCosLat: Float64Array
  accPotential: Float64Array
  accSales: Float64Array
  accWorkload: Float64Array
  accForecast: Float64Array
  /** Industry of each account as an index into `industries`, −1 when unknown. */
  accIndustry: Int32Array
  industries: readonly string[]
  /** CSR accounts by unit. */
  unitAccStart: Int32Array
  unitAccIdx: Int32Array
  /** Inputs the engine repaired (documented treatment), for the caller to surface. */
  warnings: ModelWarning[]
}

export interface ModelWarning {
  kind:
    | 'bad-metric'
    | 'unknown-unit'
    | 'unknown-adjacency-unit'
    | 'duplicate-unit'
    | 'duplicate-account'
  id: string
  detail: string
}

/** A metric value the engine can sum: finite and ≥ 0. Anything else is scored as 0. */
function clean(
  value: number,
  id: string,
  field: string,
  warnings: ModelWarning[],
): number {
  if (Number.isFinite(value) && value >= 0) return value
  if (warnings.length < 1000) {
    warnings.push({
      kind: 'bad-metric',
      id,
      detail: `${field} ${String(value)} scored as 0`,
    })
  }
  return 0
}

/**
 * Builds the struct-of-arrays model. Bad metric values (NaN, ±∞, negative) are scored as 0
 * and reported in `warnings`; so are accounts in unknown units (they belong to no unit and
 * only count through an account override). Duplicate unit ids are an error.
 */
export function buildModel(input: {
  units: readonly Unit[]
  adjacency: readonly UnitAdjacency[]
  accounts: readonly EngineAccount[]
}): Result<EngineModel> {
  const warnings: ModelWarning[] = []
  const n = input.units.length
  const unitIndex = new Map<string, number>()
  const unitIds: string[] = []
  const unitArea = new Float64Array(n)
  const unitPerimeter = new Float64Array(n)
  const unitLon = new Float64Array(n)
  const unitLat = new Float64Array(n)
  for (const u of input.units) {
    if (unitIndex.has(u.id))
      return err('BAD_INPUT', `unit ${u.id} appears twice`)
    const i = unitIds.length
    unitIndex.set(u.id, i)
    unitIds.push(u.id)
    unitArea[i] = clean(u.areaKm2, u.id, 'areaKm2', warnings)
    unitPerimeter[i] = clean(u.perimeterKm, u.id, 'perimeterKm', warnings)
    unitLon[i] = u.centroid[0]
    unitLat[i] = u.centroid[1]
  }

  const degree = new Int32Array(n)
  const edges: [number, number, number][] = []
  const seenEdge = new Set<number>()
  for (const e of input.adjacency) {
    const a = unitIndex.get(e.a)
    const b = unitIndex.get(e.b)
    if (a === undefined || b === undefined || a === b) {
      warnings.push({
        kind: 'unknown-adjacency-unit',
        id: `${e.a}|${e.b}`,
        detail: 'edge ignored',
      })
      continue
    }
    const key = Math.min(a, b) * n + Math.max(a, b)
    if (seenEdge.has(key)) continue
    seenEdge.add(key)
    edges.push([
      a,
      b,
      clean(e.sharedBorderKm, `${e.a}|${e.b}`, 'sharedBorderKm', warnings),
    ])
    degree[a]!++
    degree[b]!++
  }
  const adjStart = new Int32Array(n + 1)
  for (let u = 0; u < n; u++) adjStart[u + 1] = adjStart[u]! + degree[u]!
  const fill = adjStart.slice(0, n)
  const adjNbr = new Int32Array(adjStart[n]!)
  const adjBorder = new Float64Array(adjStart[n]!)
  for (const [a, b, km] of edges) {
    adjNbr[fill[a]!] = b
    adjBorder[fill[a]!++] = km
    adjNbr[fill[b]!] = a
    adjBorder[fill[b]!++] = km
  }

  // Accounts are stored grouped by unit (a counting sort), so every per-unit loop reads the
  // account columns sequentially: on 1,000,000 accounts this is the difference between
  // streaming memory and a cache miss per account.
  const m = input.accounts.length
  const unitOf = new Int32Array(m)
  const perUnit = new Int32Array(n)
  input.accounts.forEach((a, i) => {
    const u = a.unitId === null ? -1 : (unitIndex.get(a.unitId) ?? -1)
    if (a.unitId !== null && u === -1) {
      warnings.push({
        kind: 'unknown-unit',
        id: a.id,
        detail: `unit ${a.unitId} not in layer`,
      })
    }
    unitOf[i] = u
    if (u >= 0) perUnit[u]!++
  })
  const unitAccStart = new Int32Array(n + 1)
  for (let u = 0; u < n; u++)
    unitAccStart[u + 1] = unitAccStart[u]! + perUnit[u]!
  const cursor = unitAccStart.slice(0, n)
  let outsideCursor = unitAccStart[n]!
  const accountIndex = new Map<string, number>()
  const accountIds: string[] = new Array(m)
  const accUnit = new Int32Array(m)
  const accLon = new Float64Array(m)
  const accLat = new Float64Array(m)
  const accPotential = new Float64Array(m)
  const accSales = new Float64Array(m)
  const accWorkload = new Float64Array(m)
  const accForecast = new Float64Array(m)
  const accIndustry = new Int32Array(m).fill(-1)
  const industryIndex = new Map<string, number>()
  input.accounts.forEach((a, row) => {
    const u = unitOf[row]!
    const i = u >= 0 ? cursor[u]!++ : outsideCursor++
    if (accountIndex.has(a.id)) {
      warnings.push({
        kind: 'duplicate-account',
        id: a.id,
        detail: 'later row ignored by id lookups',
      })
    } else accountIndex.set(a.id, i)
    accountIds[i] = a.id
    accUnit[i] = u
    accLon[i] = a.location[0]
    accLat[i] = a.location[1]
    accPotential[i] = clean(a.potential, a.id, 'potential', warnings)
    accSales[i] = clean(a.sales, a.id, 'sales', warnings)
    accWorkload[i] = clean(a.workloadMinutes, a.id, 'workloadMinutes', warnings)
    accForecast[i] = clean(a.forecast ?? 0, a.id, 'forecast', warnings)
    if (a.industry) {
      let k = industryIndex.get(a.industry)
      if (k === undefined)
        industryIndex.set(a.industry, (k = industryIndex.size))
      accIndustry[i] = k
    }
  })
  const RAD = Math.PI / 180
  const accLatRad = accLat.map((x) => x * RAD)
  const accLonRad = accLon.map((x) => x * RAD)
  const accCosLat = accLatRad.map(Math.cos)
  // With accounts grouped, the unit → accounts index is the identity over each range.
  const unitAccIdx = new Int32Array(unitAccStart[n]!)
  for (let i = 0; i < unitAccIdx.length; i++) unitAccIdx[i] = i
  return ok({
    unitIds,
    unitIndex,
    unitArea,
    unitPerimeter,
    unitLon,
    unitLat,
    adjStart,
    adjNbr,
    adjBorder,
    accountIds,
    accountIndex,
    accUnit,
    accLon,
    accLat,
    accLatRad,
    accLonRad,
    accCosLat,
    accPotential,
    accSales,
    accWorkload,
    accForecast,
    accIndustry,
    industries: [...industryIndex.keys()],
    unitAccStart,
    unitAccIdx,
    warnings,
  })
}
