import type { Kysely } from 'kysely'
import { type Database, findUnitLayerTopology } from '@tessera/db'
import {
  type Topology,
  type UnitLocator,
  createUnitLocator,
} from '@tessera/geo'

/** Where an organization's accounts are placed: a unit layer and its point-in-polygon locator. */
export interface Placement {
  layerId: string
  locate: UnitLocator
}

/**
 * The unit layers an organization's accounts are placed in, each with its point-in-polygon
 * locator. Locators are built once per layer and kept: building one reads and indexes the
 * whole layer's polygons.
 */
export class PlacementCache {
  private readonly locators = new Map<string, Promise<UnitLocator | null>>()

  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Every layer the organization's plans use, newest plan first (the first is the one an
   * import reports placement against); without plans, the layers its accounts are in.
   */
  async forOrg(orgId: string): Promise<Placement[]> {
    const plans = await this.db
      .selectFrom('plans')
      .select('unit_layer_id as layerId')
      .where('org_id', '=', orgId)
      .orderBy('created_at', 'desc')
      .execute()
    let layerIds = [...new Set(plans.map((p) => p.layerId))]
    if (layerIds.length === 0)
      layerIds = (
        await this.db
          .selectFrom('account_units as au')
          .innerJoin('accounts as a', 'a.id', 'au.account_id')
          .select('au.layer_id as layerId')
          .distinct()
          .where('a.org_id', '=', orgId)
          .execute()
      ).map((r) => r.layerId)
    const placements: Placement[] = []
    for (const layerId of layerIds) {
      const locate = await this.locator(layerId)
      if (locate) placements.push({ layerId, locate })
    }
    return placements
  }

  private locator(layerId: string): Promise<UnitLocator | null> {
    let entry = this.locators.get(layerId)
    if (!entry) {
      entry = findUnitLayerTopology(this.db, layerId).then((layer) =>
        layer
          ? createUnitLocator(
              JSON.parse(layer.topology) as Topology,
              layer.unitsObject,
            )
          : null,
      )
      entry.catch(() => this.locators.delete(layerId))
      this.locators.set(layerId, entry)
    }
    return entry
  }
}
