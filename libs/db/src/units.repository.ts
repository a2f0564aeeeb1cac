import type { Kysely } from 'kysely'
import type { Unit, UnitAdjacency } from '@tessera/domain'
import { insertColumns } from './bulk.js'
import type { Database } from './schema.js'

export interface UnitLayerInfo {
  id: string
  name: string
  kind: string
}

export async function insertUnitLayer(
  db: Kysely<Database>,
  layer: UnitLayerInfo & { topology: string; unitsObject: string },
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
): Promise<UnitLayerInfo | undefined> {
  return db
    .selectFrom('unit_layers')
    .select(['id', 'name', 'kind'])
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
