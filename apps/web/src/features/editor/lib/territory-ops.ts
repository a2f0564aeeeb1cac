import {
  type PlanDoc,
  type TerritoryRecord,
  territoryColor,
} from '@tessera/domain'
import {
  type EditOutcome,
  LOCAL_EDIT,
  refuse,
  territoryGone,
  territoryOf,
} from './edits'
import { i18n } from '../../../i18n'
import { checkName } from './territory-names'

/** Said when a region an edit names is not in the document (any more). */
export function regionGone(): string {
  return i18n.t('editor.refusal.regionGone')
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i

/**
 * A new record id (`ter_…`, or `ter_reg_…` for a region, as the demo data names them).
 * Random, not sequential: two people creating a territory at the same moment, each on
 * their own replica, must not pick the same id.
 */
export function newTerritoryId(kind: 'territory' | 'region'): string {
  const [a, b] = crypto.getRandomValues(new Uint32Array(2))
  const suffix = `${a!.toString(36)}${b!.toString(36)}`
  return kind === 'region' ? `ter_reg_${suffix}` : `ter_${suffix}`
}

/**
 * The first palette colour no record uses yet. The palette never repeats within any
 * realistic plan size (see `territoryColor`), so this ends after at most one step more
 * than there are colours in use.
 */
export function pickColor(records: Iterable<TerritoryRecord>): string {
  const used = new Set<string>()
  for (const r of records) used.add(r.color.toLowerCase())
  for (let i = 0; ; i++) {
    const color = territoryColor(i)
    if (!used.has(color)) return color
  }
}

export function regionOf(
  plan: PlanDoc,
  id: string,
): TerritoryRecord | undefined {
  const record = plan.territories.get(id)
  return record?.kind === 'region' ? record : undefined
}

export interface NewTerritory {
  name: string
  parentId?: string | null
  repId?: string | null
  color?: string
}

/** Creates an empty, unlocked territory (in a region if given) and returns its id. */
export function createTerritory(
  plan: PlanDoc,
  input: NewTerritory,
): EditOutcome<{ id: string }> {
  const parentId = input.parentId ?? null
  if (parentId !== null && !regionOf(plan, parentId))
    return refuse(regionGone())
  if (input.color !== undefined && !HEX_COLOR.test(input.color))
    return refuse(colorMessage(input.color))
  const named = checkName(plan.territories.values(), input.name, {
    kind: 'territory',
    parentId,
  })
  if (!named.ok) return named
  const record: TerritoryRecord = {
    id: newTerritoryId('territory'),
    name: named.name,
    color: (input.color ?? pickColor(plan.territories.values())).toLowerCase(),
    kind: 'territory',
    parentId,
    repId: input.repId ?? null,
    locked: false,
  }
  plan.doc.transact(() => plan.territories.set(record.id, record), LOCAL_EDIT)
  return { ok: true, id: record.id }
}

export function renameTerritory(
  plan: PlanDoc,
  id: string,
  name: string,
): EditOutcome {
  const record = territoryOf(plan, id)
  if (!record) return refuse(territoryGone())
  return renameRecord(plan, record, name)
}

/** Renames a territory or a region, checking the name among its siblings. */
export function renameRecord(
  plan: PlanDoc,
  record: TerritoryRecord,
  name: string,
): EditOutcome {
  const named = checkName(plan.territories.values(), name, {
    kind: record.kind,
    parentId: record.parentId,
    exceptId: record.id,
  })
  if (!named.ok) return named
  return update(plan, record, { name: named.name })
}

export function recolourTerritory(
  plan: PlanDoc,
  id: string,
  color: string,
): EditOutcome {
  const record = territoryOf(plan, id)
  if (!record) return refuse(territoryGone())
  if (!HEX_COLOR.test(color)) return refuse(colorMessage(color))
  return update(plan, record, { color: color.toLowerCase() })
}

export function setTerritoryRep(
  plan: PlanDoc,
  id: string,
  repId: string | null,
): EditOutcome {
  const record = territoryOf(plan, id)
  if (!record) return refuse(territoryGone())
  return update(plan, record, { repId })
}

/**
 * Moves a territory into a region, or (null) out of any. Its name must not clash with a
 * territory already there.
 */
export function setTerritoryRegion(
  plan: PlanDoc,
  id: string,
  parentId: string | null,
): EditOutcome {
  const record = territoryOf(plan, id)
  if (!record) return refuse(territoryGone())
  if (parentId !== null && !regionOf(plan, parentId))
    return refuse(regionGone())
  if (parentId === record.parentId) return { ok: true }
  const named = checkName(plan.territories.values(), record.name, {
    kind: 'territory',
    parentId,
    exceptId: record.id,
  })
  if (!named.ok) return named
  return update(plan, record, { parentId })
}

/**
 * Locks or unlocks a territory. A lock guards its geography (its units and accounts stay
 * as they are); its name, colour, rep and region may still change.
 */
export function setTerritoryLocked(
  plan: PlanDoc,
  id: string,
  locked: boolean,
): EditOutcome {
  const record = territoryOf(plan, id)
  if (!record) return refuse(territoryGone())
  return update(plan, record, { locked })
}

/** Writes the whole record back (records are stored whole), skipping a no-op write. */
function update(
  plan: PlanDoc,
  record: TerritoryRecord,
  change: Partial<Omit<TerritoryRecord, 'id' | 'kind'>>,
): EditOutcome {
  const next = { ...record, ...change }
  const same = (Object.keys(change) as (keyof typeof change)[]).every(
    (k) => next[k] === record[k],
  )
  if (!same)
    plan.doc.transact(() => plan.territories.set(record.id, next), LOCAL_EDIT)
  return { ok: true }
}

function colorMessage(color: string): string {
  return i18n.t('editor.refusal.notColour', { colour: color.slice(0, 20) })
}
