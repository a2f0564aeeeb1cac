import { type Kysely, sql } from 'kysely'
import type { Unit, UnitAdjacency } from '@tessera/domain'
import { insertColumns } from './bulk.js'
import { recentSales } from './accounts.repository.js'
import type { Database } from './schema.js'

export interface UnitLayerInfo {
  id: string
  name: string
  kind: string
}

export async function insertUnitLayer(
  db: Kysely<Database>,
  layer: UnitLayerInfo & {
    topology: string
    unitsObject: string
    /** The organization a layer made from its accounts belongs to. */
    orgId?: string
    /** How the layer was made, kept as JSON. */
    details?: Record<string, unknown>
  },
  units: readonly Unit[],
  adjacency: readonly UnitAdjacency[],
): Promise<void> {
  await db
    .insertInto('unit_layers')
    .values({
      id: layer.id,
      name: layer.name,
      kind: layer.kind,
      topology: layer.topology,
      units_object: layer.unitsObject,
      org_id: layer.orgId ?? null,
      details: layer.details ? JSON.stringify(layer.details) : null,
    })
    .execute()
  await insertColumns(db, 'units', [
    { name: 'layer_id', type: 'text', values: units.map(() => layer.id) },
    { name: 'id', type: 'text', values: units.map((u) => u.id) },
    { name: 'name', type: 'text', values: units.map((u) => u.name) },
    { name: 'region', type: 'text', values: units.map((u) => u.region) },
    {
      name: 'centroid_lon',
      type: 'float8',
      values: units.map((u) => u.centroid[0]),
    },
    {
      name: 'centroid_lat',
      type: 'float8',
      values: units.map((u) => u.centroid[1]),
    },
    { name: 'area_km2', type: 'float8', values: units.map((u) => u.areaKm2) },
    {
      name: 'perimeter_km',
      type: 'float8',
      values: units.map((u) => u.perimeterKm),
    },
  ])
  const edges = adjacency.map((e) => (e.a < e.b ? e : { ...e, a: e.b, b: e.a }))
  await insertColumns(db, 'unit_adjacency', [
    { name: 'layer_id', type: 'text', values: edges.map(() => layer.id) },
    { name: 'a', type: 'text', values: edges.map((e) => e.a) },
    { name: 'b', type: 'text', values: edges.map((e) => e.b) },
    {
      name: 'shared_border_km',
      type: 'float8',
      values: edges.map((e) => e.sharedBorderKm),
    },
    { name: 'kind', type: 'text', values: edges.map((e) => e.kind) },
  ])
}

export async function findUnitLayer(
  db: Kysely<Database>,
  layerId: string,
): Promise<(UnitLayerInfo & { orgId: string | null }) | undefined> {
  return db
    .selectFrom('unit_layers')
    .select(['id', 'name', 'kind', 'org_id as orgId'])
    .where('id', '=', layerId)
    .executeTakeFirst()
}

/** The layer's TopoJSON text and the name of its units object. */
export async function findUnitLayerTopology(
  db: Kysely<Database>,
  layerId: string,
): Promise<{ topology: string; unitsObject: string } | undefined> {
  const row = await db
    .selectFrom('unit_layers')
    .select(['topology', 'units_object'])
    .where('id', '=', layerId)
    .executeTakeFirst()
  return row && { topology: row.topology, unitsObject: row.units_object }
}

export async function listUnits(
  db: Kysely<Database>,
  layerId: string,
): Promise<Unit[]> {
  const rows = await db
    .selectFrom('units')
    .selectAll()
    .where('layer_id', '=', layerId)
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    region: r.region,
    centroid: [r.centroid_lon, r.centroid_lat],
    areaKm2: r.area_km2,
    perimeterKm: r.perimeter_km,
  }))
}

export async function listAdjacency(
  db: Kysely<Database>,
  layerId: string,
): Promise<UnitAdjacency[]> {
  const rows = await db
    .selectFrom('unit_adjacency')
    .select(['a', 'b', 'shared_border_km', 'kind'])
    .where('layer_id', '=', layerId)
    .orderBy('a')
    .orderBy('b')
    .execute()
  return rows.map((r) => ({
    a: r.a,
    b: r.b,
    sharedBorderKm: r.shared_border_km,
    kind: r.kind,
  }))
}

/** Per-unit figures the map's thematic layers add to `unitAccountStats`. */
export interface UnitSalesAndIndustry {
  unitId: string
  /** Sales over the 12 months up to the organization's latest month on record. */
  sales: number
  /** The industry with the most accounts in the unit (ties: alphabetical); null if none. */
  topIndustry: string | null
  /** Accounts with sales in those 12 months (coverage: active ÷ accounts). */
  activeAccounts: number
  /** Σ of the accounts' stored next-12-month forecasts. */
  forecast: number
}

/**
 * Last-12-month sales and the main industry of every unit of a layer that has accounts,
 * in one query. The 12-month window ends at the latest month on record, as in
 * `listScoringAccounts`, so a demo data set does not age out of the map.
 */
export async function unitSalesAndIndustry(
  db: Kysely<Database>,
  orgId: string,
  layerId: string,
): Promise<UnitSalesAndIndustry[]> {
  const { rows } = await sql<{
    unit_id: string
    sales: number | string | null
    top_industry: string | null
    active: number | string
    forecast: number | string | null
  }>`
    with recent as (${recentSales(orgId)}),
    in_layer as (
      select a.id, au.unit_id, a.industry
      from accounts a
      join account_units au on au.account_id = a.id and au.layer_id = ${layerId}
      where a.org_id = ${orgId}
    ),
    industries as (
      select unit_id, industry,
        row_number() over (partition by unit_id order by count(*) desc, industry) as rank
      from in_layer
      group by unit_id, industry
    )
    select l.unit_id, sum(recent.total) as sales, i.industry as top_industry,
      count(*) filter (where recent.total > 0) as active,
      sum(f.next_12m) as forecast
    from in_layer l
    left join recent on recent.account_id = l.id
    left join account_forecasts f on f.account_id = l.id
    left join industries i on i.unit_id = l.unit_id and i.rank = 1
    group by l.unit_id, i.industry
    order by l.unit_id`.execute(db)
  // pg returns sums as strings, PGlite as numbers (STACK.md, pitfall 12).
  return rows.map((r) => ({
    unitId: r.unit_id,
    sales: Number(r.sales ?? 0),
    topIndustry: r.top_industry,
    activeAccounts: Number(r.active),
    forecast: Number(r.forecast ?? 0),
  }))
}
