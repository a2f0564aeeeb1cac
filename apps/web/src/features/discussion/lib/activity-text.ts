import { plural } from '../../../lib/format'

/** One activity entry as `activity.list` gives it. */
export interface ActivityEntry {
  actorName: string | null
  action: string
  subjectId: string | null
  details: Record<string, unknown>
}

interface Move {
  from: string | null
  to: string | null
  count: number
}

const str = (v: unknown) => (typeof v === 'string' ? v : null)

/**
 * An activity entry in words — "Ana moved 12 units from West 3 to West 4" — with where it
 * leads (a thread, a territory). Territory names come from the live plan, so a renamed
 * territory reads with its new name.
 */
export function describeActivity(
  e: ActivityEntry,
  nameOf: (territoryId: string | null | undefined) => string,
): { lines: string[]; threadId: string | null; territoryId: string | null } {
  const who = e.actorName ?? 'Someone'
  const d = e.details
  const territoryId = str(d['territoryId'])
  const on = territoryId ? ` on ${nameOf(territoryId)}` : ''
  switch (e.action) {
    case 'plan.edit': {
      const moves = (Array.isArray(d['moves']) ? d['moves'] : []) as Move[]
      const lines = moves.slice(0, 4).map((m) => {
        const units = plural(m.count, 'unit', 'units')
        if (!m.to) return `${who} unassigned ${units} from ${nameOf(m.from)}`
        if (!m.from) return `${who} assigned ${units} to ${nameOf(m.to)}`
        return `${who} moved ${units} from ${nameOf(m.from)} to ${nameOf(m.to)}`
      })
      if (moves.length > 4) lines.push(`…and ${moves.length - 4} more moves`)
      return {
        lines,
        threadId: null,
        territoryId: moves[0]?.to ?? moves[0]?.from ?? null,
      }
    }
    case 'comment.create':
      return {
        lines: [`${who} started a thread${on}`],
        threadId: e.subjectId,
        territoryId,
      }
    case 'comment.reply':
      return {
        lines: [`${who} replied${on}`],
        threadId: str(d['threadId']),
        territoryId,
      }
    case 'comment.resolve':
      return {
        lines: [`${who} resolved a thread${on}`],
        threadId: e.subjectId,
        territoryId,
      }
    case 'comment.reopen':
      return {
        lines: [`${who} reopened a thread${on}`],
        threadId: e.subjectId,
        territoryId,
      }
    case 'comment.edit':
      return { lines: [`${who} edited a comment`], threadId: null, territoryId }
    case 'comment.delete':
      return {
        lines: [`${who} deleted a comment`],
        threadId: null,
        territoryId,
      }
    case 'task.create':
      return {
        lines: [`${who} created the task “${str(d['title']) ?? ''}”${on}`],
        threadId: null,
        territoryId,
      }
    case 'task.complete':
      return {
        lines: [`${who} completed “${str(d['title']) ?? ''}”`],
        threadId: null,
        territoryId,
      }
    case 'task.update':
      return {
        lines: [`${who} updated “${str(d['title']) ?? ''}”`],
        threadId: null,
        territoryId,
      }
    default:
      return { lines: [`${who}: ${e.action}`], threadId: null, territoryId }
  }
}
