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
 * The unit layer an organization's accounts belong to: its newest plan's layer (the one the
 * map shows), else the layer its accounts already use. Locators are built once per layer
 * and kept: building one reads and indexes the whole layer's polygons.
 */
export class PlacementCache {
  private readonly locators = new Map<string, Promise<UnitLocator | null>>()

  constructor(private readonly db: Kysely<Database>) {}

  async forOrg(orgId: string): Promise<Placement | null> {
    const plan = await this.db
      .selectFrom('plans')
      .select('unit_layer_id as layerId')
      .where('org_id', '=', orgId)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst()
    const layerId =
      plan?.layerId ??
      (
        await this.db
          .selectFrom('accounts')
          .select('layer_id as layerId')
          .where('org_id', '=', orgId)
          .where('layer_id', 'is not', null)
          .limit(1)
          .executeTakeFirst()
      )?.layerId
    if (!layerId) return null
    const locate = await this.locator(layerId)
    return locate ? { layerId, locate } : null
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
