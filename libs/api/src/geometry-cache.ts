import type { Kysely } from 'kysely'
import {
  type Database,
  findUnitLayer,
  findUnitLayerTopology,
} from '@tessera/db'

export interface LayerGeometry {
  id: string
  name: string
  kind: string
  /** The organization a layer built from its accounts belongs to; null for shared layers. */
  orgId: string | null
  unitsObject: string
  /** The parsed TopoJSON topology (units, plus any base objects such as states). */
  topology: unknown
}

/**
 * Unit geometry changes only when a layer is (re)built, so each layer is read from the
 * database once per process and kept; `invalidate` drops it after a rebuild.
 */
export class GeometryCache {
  private readonly layers = new Map<
    string,
    Promise<LayerGeometry | undefined>
  >()

  constructor(private readonly db: Kysely<Database>) {}

  get(layerId: string): Promise<LayerGeometry | undefined> {
    let entry = this.layers.get(layerId)
    if (!entry) {
      entry = this.load(layerId)
      this.layers.set(layerId, entry)
      // A failed read is not cached: the next request tries again.
      entry.catch(() => this.layers.delete(layerId))
    }
    return entry
  }

  invalidate(layerId: string): void {
    this.layers.delete(layerId)
  }

  private async load(layerId: string): Promise<LayerGeometry | undefined> {
    const [info, topo] = await Promise.all([
      findUnitLayer(this.db, layerId),
      findUnitLayerTopology(this.db, layerId),
    ])
    if (!info || !topo) return undefined
    return {
      ...info,
      unitsObject: topo.unitsObject,
      topology: JSON.parse(topo.topology) as unknown,
    }
  }
}
