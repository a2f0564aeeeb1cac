import type { PlanDoc, TerritoryRecord } from '@tessera/domain'
import { type EditOutcome, LOCAL_EDIT, lockedMessage, refuse } from './edits'
import { checkName } from './territory-names'
import {
  newTerritoryId,
  pickColor,
  regionGone,
  regionOf,
  renameRecord,
} from './territory-ops'
import { i18n } from '../../../i18n'

/**
 * Regions group territories (a territory's `parentId` is its region). They own no units:
 * deleting one leaves its territories as they are, in no region.
 */
export function createRegion(
  plan: PlanDoc,
  name: string,
): EditOutcome<{ id: string }> {
  const named = checkName(plan.territories.values(), name, {
    kind: 'region',
    parentId: null,
  })
  if (!named.ok) return named
  const record: TerritoryRecord = {
    id: newTerritoryId('region'),
    name: named.name,
    color: pickColor(plan.territories.values()),
    kind: 'region',
    parentId: null,
    repId: null,
    locked: false,
  }
  plan.doc.transact(() => plan.territories.set(record.id, record), LOCAL_EDIT)
  return { ok: true, id: record.id }
}

export function renameRegion(
  plan: PlanDoc,
  id: string,
  name: string,
): EditOutcome {
  const region = regionOf(plan, id)
  if (!region) return refuse(regionGone())
  return renameRecord(plan, region, name)
}

/**
 * Deletes a region; its territories move to no region, in the same transaction. Refused
 * when one of them would then share its name with a territory already in no region (names
 * are unique among siblings): the user renames one first.
 */
export function deleteRegion(
  plan: PlanDoc,
  id: string,
): EditOutcome<{ territories: number }> {
  const region = regionOf(plan, id)
  if (!region) return refuse(regionGone())
  if (region.locked) return refuse(lockedMessage(region))
  const all = [...plan.territories.values()]
  const children = all.filter((t) => t.parentId === id)
  const topLevel = new Map<string, string>()
  for (const t of all)
    if (t.kind === 'territory' && t.parentId === null)
      topLevel.set(fold(t.name), t.name)
  for (const child of children) {
    if (child.kind !== 'territory') continue
    const clash = topLevel.get(fold(child.name))
    if (clash !== undefined)
      return refuse(
        i18n.t('editor.refusal.regionClash', {
          region: region.name,
          territory: child.name,
          clash,
        }),
      )
    topLevel.set(fold(child.name), child.name)
  }
  plan.doc.transact(() => {
    for (const child of children)
      plan.territories.set(child.id, { ...child, parentId: null })
    plan.territories.delete(id)
  }, LOCAL_EDIT)
  return { ok: true, territories: children.length }
}

function fold(name: string): string {
  return name.trim().toLocaleLowerCase('en-US')
}
