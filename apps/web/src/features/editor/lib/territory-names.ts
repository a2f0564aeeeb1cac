import type { TerritoryRecord } from '@tessera/domain'
import { type EditOutcome, refuse } from './edits'
import { i18n } from '../../../i18n'

export const MAX_NAME_LENGTH = 60

/** Where a name must be unique: among records of this kind under this parent. */
export interface NamePlace {
  kind: TerritoryRecord['kind']
  parentId: string | null
  /** The record being renamed (its own name is no clash). */
  exceptId?: string
}

// Line breaks, tabs and the like would break the list, the map labels and CSV exports.
const CONTROL = /[\p{Cc}\u2028\u2029]/u

/**
 * Checks a territory or region name as typed and returns it trimmed. Names are shown in
 * lists, map labels and reports, so they are short, one line, and unique among their
 * siblings of the same kind (case-insensitively: "north" beside "North" reads as a mistake).
 */
export function checkName(
  records: Iterable<TerritoryRecord>,
  typed: string,
  place: NamePlace,
): EditOutcome<{ name: string }> {
  const name = typed.trim()
  if (name === '') return refuse(i18n.t('editor.refusal.noName'))
  // Code points, not UTF-16 units: an emoji counts as one character.
  const length = [...name].length
  if (length > MAX_NAME_LENGTH)
    return refuse(
      i18n.t('editor.refusal.tooLong', { max: MAX_NAME_LENGTH, length }),
    )
  if (CONTROL.test(name)) return refuse(i18n.t('editor.refusal.oneLine'))
  const folded = name.toLocaleLowerCase('en-US')
  const byId = new Map<string, TerritoryRecord>()
  for (const r of records) byId.set(r.id, r)
  for (const r of byId.values()) {
    if (r.id === place.exceptId || r.kind !== place.kind) continue
    if ((r.parentId ?? null) !== place.parentId) continue
    if (r.name.trim().toLocaleLowerCase('en-US') !== folded) continue
    const parent = place.parentId ? byId.get(place.parentId) : undefined
    const kind = place.kind === 'region' ? 'region' : 'territory'
    return refuse(
      parent
        ? i18n.t(`editor.refusal.${kind}ExistsIn`, {
            name: r.name,
            parent: parent.name,
          })
        : i18n.t(`editor.refusal.${kind}Exists`, { name: r.name }),
    )
  }
  return { ok: true, name }
}
