import type { TerritoryRecord } from '@tessera/domain'

/** A territory record for tests (any feature's): name is the id upper-cased unless given. */
export function record(
  id: string,
  extra: Partial<TerritoryRecord> = {},
): TerritoryRecord {
  return {
    id,
    name: id.toUpperCase(),
    color: '#336699',
    kind: 'territory',
    parentId: null,
    repId: null,
    locked: false,
    ...extra,
  }
}
