import type { Kysely } from 'kysely'
import type { Database } from '@tessera/db'
import { csvTable } from '@tessera/domain'
import { type TargetAreaSpec, targetArea } from '@tessera/geo'
import { z } from 'zod'
import { loadPlanDoc } from './scoring.js'

const LonLatPair = z.tuple([
  z.number().min(-180).max(180),
  z.number().min(-90).max(90),
])

/** What a campaign selects: an area, territories, segments; each optional, all combined. */
export const TargetingInput = z.object({
  planId: z.string().min(1).max(100),
  scenarioId: z.string().min(1).max(100).optional(),
  territoryIds: z.array(z.string().max(100)).max(500).optional(),
  segments: z
    .array(z.enum(['champions', 'loyal', 'growing', 'at-risk', 'dormant']))
    .max(5)
    .optional(),
  industries: z.array(z.string().max(100)).max(100).optional(),
  sizeBands: z
    .array(z.enum(['small', 'mid', 'large', 'enterprise']))
    .max(4)
    .optional(),
  circle: z
    .object({
      lon: z.number().min(-180).max(180),
      lat: z.number().min(-90).max(90),
      radiusKm: z.number().positive().max(2000),
    })
    .optional(),
  polygon: z.array(LonLatPair).min(3).max(1000).optional(),
  limit: z.number().int().min(1).max(50_000).default(5_000),
})
export type TargetingInput = z.infer<typeof TargetingInput>

export interface TargetedAccount {
  id: string
  externalId: string
  name: string
  industry: string
  sizeBand: string
  segment: string | null
  location: [number, number]
  potential: number
  annualRevenue: number
  territoryId: string | null
  territory: string | null
  rep: string | null
  distanceKm: number | null
}

export interface TargetingResult {
  /** Matching accounts in all (the list holds at most `limit`, biggest potential first). */
  total: number
  accounts: TargetedAccount[]
  potential: number
  /** [west, south, east, north] of every match, to show them on the map. */
  bbox: [number, number, number, number] | null
}

/**
 * Accounts for a campaign: in an area (a radius around a store, a drawn polygon), in given
 * territories of a scenario (a unit's territory, or the account's override), in given
 * behavioural segments, industries and size bands. The database narrows by organization,
 * firmographics, segment and the area's bounding box; the exact area and the territory
 * are checked here.
 */
export async function selectTargets(
  db: Kysely<Database>,
  orgId: string,
  scenarioId: string,
  input: TargetingInput,
  reps: Map<string, string>,
): Promise<TargetingResult> {
  const { plan } = await loadPlanDoc(db, scenarioId)
  const area = targetArea(input as TargetAreaSpec)
  let q = db
    .selectFrom('accounts as a')
    .leftJoin('account_segments as s', 's.account_id', 'a.id')
    // The unit in the scenario's own layer: the organization may have others.
    .leftJoin('account_units as au', (j) =>
      j
        .onRef('au.account_id', '=', 'a.id')
        .on('au.layer_id', '=', plan.unitLayerId),
    )
    .select([
      'a.id',
      'a.external_id',
      'a.name',
      'a.industry',
      'a.size_band',
      'a.lon',
      'a.lat',
      'au.unit_id',
      'a.potential',
      'a.annual_revenue',
      's.segment',
    ])
    .where('a.org_id', '=', orgId)
  if (input.segments?.length) q = q.where('s.segment', 'in', input.segments)
  if (input.industries?.length)
    q = q.where('a.industry', 'in', input.industries)
  if (input.sizeBands?.length) q = q.where('a.size_band', 'in', input.sizeBands)
  if (area.bbox) {
    const [w, s, e, n] = area.bbox
    q = q
      .where('a.lat', '>=', s)
      .where('a.lat', '<=', n)
      .where('a.lon', '>=', w)
      .where('a.lon', '<=', e)
  }
  const rows = await q.orderBy('a.potential', 'desc').orderBy('a.id').execute()
  const wanted = input.territoryIds?.length ? new Set(input.territoryIds) : null
  const territories = new Map(plan.territories.map((t) => [t.id, t]))
  const matches: TargetedAccount[] = []
  let total = 0
  let potential = 0
  let box: [number, number, number, number] | null = null
  for (const r of rows) {
    if (!area.contains(r.lon, r.lat)) continue
    const territoryId =
      plan.accountOverrides[r.id] ??
      (r.unit_id ? plan.assignments[r.unit_id] : undefined) ??
      null
    if (wanted && (!territoryId || !wanted.has(territoryId))) continue
    total++
    potential += r.potential
    box = box
      ? [
          Math.min(box[0], r.lon),
          Math.min(box[1], r.lat),
          Math.max(box[2], r.lon),
          Math.max(box[3], r.lat),
        ]
      : [r.lon, r.lat, r.lon, r.lat]
    if (matches.length >= input.limit) continue
    const t = territoryId ? territories.get(territoryId) : undefined
    const d = area.distanceKm(r.lon, r.lat)
    matches.push({
      id: r.id,
      externalId: r.external_id,
      name: r.name,
      industry: r.industry,
      sizeBand: r.size_band,
      segment: r.segment ?? null,
      location: [r.lon, r.lat],
      potential: r.potential,
      annualRevenue: r.annual_revenue,
      territoryId,
      territory: t?.name ?? null,
      rep: t?.repId ? (reps.get(t.repId) ?? null) : null,
      distanceKm: d === undefined ? null : Math.round(d * 10) / 10,
    })
  }
  return { total, accounts: matches, potential, bbox: box }
}

/** A target list as CSV, the columns a marketing tool's list import takes. */
export function targetsCsv(result: TargetingResult): string {
  return csvTable(
    [
      'account_external_id',
      'account_name',
      'industry',
      'size_band',
      'segment',
      'territory',
      'owner_rep',
      'latitude',
      'longitude',
      'potential',
      'distance_km',
    ],
    result.accounts.map((a) => [
      a.externalId,
      a.name,
      a.industry,
      a.sizeBand,
      a.segment,
      a.territory,
      a.rep,
      a.location[1],
      a.location[0],
      a.potential,
      a.distanceKm,
    ]),
  )
}
