import { i18n } from '../../../i18n'

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
  const t = i18n.t
  const who = e.actorName ?? t('discussion.feed.someone')
  const d = e.details
  const territoryId = str(d['territoryId'])
  const on = territoryId
    ? t('discussion.feed.on', { territory: nameOf(territoryId) })
    : ''
  const title = str(d['title']) ?? ''
  switch (e.action) {
    case 'plan.edit': {
      const moves = (Array.isArray(d['moves']) ? d['moves'] : []) as Move[]
      const lines: string[] = moves.slice(0, 4).map((m) => {
        const units = t('common.count.unit', { count: m.count })
        if (!m.to)
          return t('discussion.feed.unassigned', {
            who,
            units,
            from: nameOf(m.from),
          })
        if (!m.from)
          return t('discussion.feed.assigned', { who, units, to: nameOf(m.to) })
        return t('discussion.feed.moved', {
          who,
          units,
          from: nameOf(m.from),
          to: nameOf(m.to),
        })
      })
      if (moves.length > 4)
        lines.push(t('discussion.feed.moreMoves', { count: moves.length - 4 }))
      return {
        lines,
        threadId: null,
        territoryId: moves[0]?.to ?? moves[0]?.from ?? null,
      }
    }
    case 'comment.create':
      return {
        lines: [t('discussion.feed.startedThread', { who, on })],
        threadId: e.subjectId,
        territoryId,
      }
    case 'comment.reply':
      return {
        lines: [t('discussion.feed.replied', { who, on })],
        threadId: str(d['threadId']),
        territoryId,
      }
    case 'comment.resolve':
      return {
        lines: [t('discussion.feed.resolvedThread', { who, on })],
        threadId: e.subjectId,
        territoryId,
      }
    case 'comment.reopen':
      return {
        lines: [t('discussion.feed.reopenedThread', { who, on })],
        threadId: e.subjectId,
        territoryId,
      }
    case 'comment.edit':
      return {
        lines: [t('discussion.feed.editedComment', { who })],
        threadId: null,
        territoryId,
      }
    case 'comment.delete':
      return {
        lines: [t('discussion.feed.deletedComment', { who })],
        threadId: null,
        territoryId,
      }
    case 'task.create':
      return {
        lines: [t('discussion.feed.createdTask', { who, title, on })],
        threadId: null,
        territoryId,
      }
    case 'task.complete':
      return {
        lines: [t('discussion.feed.completedTask', { who, title })],
        threadId: null,
        territoryId,
      }
    case 'task.update':
      return {
        lines: [t('discussion.feed.updatedTask', { who, title })],
        threadId: null,
        territoryId,
      }
    default: {
      const line = scenarioLine(who, e.action, d)
      return {
        lines: [line ?? t('discussion.feed.other', { who, action: e.action })],
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
  const t = i18n.t
  const name = str(d['name']) ?? t('discussion.feed.aScenario')
  const revision =
    typeof d['revision'] === 'number'
      ? t('discussion.feed.revision', { revision: d['revision'] })
      : ''
  const reason = str(d['reason'])
  const comment = str(d['comment'])
  const date = str(d['effectiveDate']) ?? ''
  switch (action) {
    case 'scenario.create':
      return t('discussion.feed.drafted', { who, name })
    case 'scenario.rename':
      return t('discussion.feed.renamed', {
        who,
        from: str(d['from']) ?? '',
        to: str(d['to']) ?? '',
      })
    case 'scenario.archive':
      return t('discussion.feed.archived', { who, name })
    case 'scenario.delete':
      return t('discussion.feed.deleted', { who, name })
    case 'review.submit': {
      const reps = Array.isArray(d['reps']) ? d['reps'].length : 0
      return t('discussion.feed.submitted', {
        who,
        name,
        revision,
        reps: t('common.count.rep', { count: reps }),
        due: str(d['dueDate']) ?? '—',
      })
    }
    case 'review.acknowledge':
      return t('discussion.feed.acknowledged', { who, name, revision })
    case 'review.object':
      return comment
        ? t('discussion.feed.objectedComment', { who, name, revision, comment })
        : t('discussion.feed.objected', { who, name, revision })
    case 'review.approve':
      return reason
        ? t('discussion.feed.approvedReason', { who, name, revision, reason })
        : t('discussion.feed.approved', { who, name, revision })
    case 'review.reject':
      return reason
        ? t('discussion.feed.rejectedReason', { who, name, revision, reason })
        : t('discussion.feed.rejected', { who, name, revision })
    case 'review.reopen':
      return reason
        ? t('discussion.feed.reopenedReason', { who, name, reason })
        : t('discussion.feed.reopened', { who, name })
    case 'scenario.publish':
      return t('discussion.feed.published', { who, name, date })
    case 'scenario.schedule':
      return t('discussion.feed.scheduled', { who, name, date })
    case 'scenario.activate':
      return t('discussion.feed.activated', { name, date })
    default:
      return null
  }
}
