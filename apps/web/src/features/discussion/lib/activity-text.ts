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
    default: {
      const line = scenarioLine(who, e.action, d)
      return {
        lines: [line ?? `${who}: ${e.action}`],
        threadId: null,
        territoryId,
      }
    }
  }
}

/** A scenario's life and review in words ("Pat submitted “Q3” for review (revision 2)…"). */
function scenarioLine(
  who: string,
  action: string,
  d: Record<string, unknown>,
): string | null {
  const name = `“${str(d['name']) ?? 'a scenario'}”`
  const revision =
    typeof d['revision'] === 'number' ? ` (revision ${d['revision']})` : ''
  const reason = str(d['reason']) ? `: ${str(d['reason'])}` : ''
  const comment = str(d['comment']) ? `: “${str(d['comment'])}”` : ''
  const date = str(d['effectiveDate']) ?? ''
  switch (action) {
    case 'scenario.create':
      return `${who} drafted ${name}`
    case 'scenario.rename':
      return `${who} renamed “${str(d['from']) ?? ''}” to “${str(d['to']) ?? ''}”`
    case 'scenario.archive':
      return `${who} archived ${name}`
    case 'scenario.delete':
      return `${who} deleted ${name}`
    case 'review.submit': {
      const reps = Array.isArray(d['reps']) ? d['reps'].length : 0
      return `${who} submitted ${name} for review${revision}, ${plural(reps, 'rep', 'reps')} to review by ${str(d['dueDate']) ?? '—'}`
    }
    case 'review.acknowledge':
      return `${who} acknowledged their change in ${name}${revision}`
    case 'review.object':
      return `${who} objected to their change in ${name}${revision}${comment}`
    case 'review.approve':
      return `${who} approved ${name}${revision}${reason}`
    case 'review.reject':
      return `${who} rejected ${name}${revision}${reason}`
    case 'review.reopen':
      return `${who} reopened ${name} as a draft${reason}`
    case 'scenario.publish':
      return `${who} published ${name}, in force from ${date}`
    case 'scenario.schedule':
      return `${who} scheduled ${name} to take effect on ${date}`
    case 'scenario.activate':
      return `${name} took effect (${date})`
    default:
      return null
  }
}
