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

/** A region's own currency and distance unit; null: the organization's. */
export interface RegionUnitsChoice {
  currency?: string | null
  distanceUnit?: 'km' | 'mi' | null
}

/**
 * Sets the currency and distance unit a region's territories are shown in (amounts stay
 * stored in the base currency: this only chooses how they read). A locked region keeps
 * its settings like everything else about it.
 */
export function setRegionUnits(
  plan: PlanDoc,
  id: string,
  choice: RegionUnitsChoice,
): EditOutcome {
  const region = regionOf(plan, id)
  if (!region) return refuse(regionGone())
  if (region.locked) return refuse(lockedMessage(region))
  const next: TerritoryRecord = { ...region }
  if (choice.currency !== undefined) {
    const code = choice.currency?.trim().toUpperCase() ?? null
    if (code !== null && !/^[A-Z]{3}$/.test(code))
      return refuse(i18n.t('editor.refusal.badCurrency', { code }))
    if (code === null) delete next.currency
    else next.currency = code
  }
  if (choice.distanceUnit !== undefined) {
    if (choice.distanceUnit === null) delete next.distanceUnit
    else next.distanceUnit = choice.distanceUnit
  }
  plan.doc.transact(() => plan.territories.set(id, next), LOCAL_EDIT)
  return { ok: true }
}

function fold(name: string): string {
  return name.trim().toLocaleLowerCase('en-US')
}
