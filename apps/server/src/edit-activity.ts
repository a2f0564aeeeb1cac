import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import type * as Y from 'yjs'
import { originUserId, parseDocName } from '@tessera/collab'
import { type Database, findScenario, recordAudit } from '@tessera/db'
import { openPlanDoc } from '@tessera/domain'

/** How long a burst of one person's edits is gathered before it becomes one activity entry. */
const FLUSH_MS = 30_000

/** One person's moves between two territories, gathered over a burst of editing. */
interface Moves {
  userId: string
  from: string | null
  to: string | null
  units: Set<string>
}

/**
 * Summarises the edits made to a scenario's plan document through the hub, per person and
 * per pair of territories — "Ana moved 12 units from West-3 to West-4" — as `plan.edit`
 * rows of the audit log, which the activity feed reads. Each writer's update is applied with
 * its connection as the origin (see `originUserId`); changes from the store, other hub
 * processes or an undo that restores the old owner net out. A unit moved A → B → C in one
 * burst counts once, A → C; moved back to where it was, not at all.
 */
export function watchPlanEdits(
  docName: string,
  doc: Y.Doc,
  deps: {
    db: Kysely<Database>
    log: Logger
    flushMs?: number
    /** Told of each write in flight, so shutdown can wait for it before closing the database. */
    track?: (write: Promise<void>) => void
  },
): (() => void) | undefined {
  const ref = parseDocName(docName)
  if (!ref || ref.kind !== 'scenario') return undefined
  const plan = openPlanDoc(doc, { canWrite: false })
  /** Each unit's owner as the feed last saw it. */
  const owner = new Map(plan.assignments.entries())
  /** Per person and unit, where the unit was when this burst began. */
  const startedAt = new Map<string, Map<string, string | null>>()
  let timer: NodeJS.Timeout | null = null

  const off = plan.assignments.observe((keys, transaction) => {
    const userId = originUserId(transaction.origin)
    for (const unit of keys) {
      const before = owner.get(unit) ?? null
      const after = plan.assignments.get(unit) ?? null
      if (after === null) owner.delete(unit)
      else owner.set(unit, after)
      if (!userId || before === after) continue
      let mine = startedAt.get(userId)
      if (!mine) startedAt.set(userId, (mine = new Map()))
      if (!mine.has(unit)) mine.set(unit, before)
    }
    if (startedAt.size > 0 && !timer) {
      timer = setTimeout(write, deps.flushMs ?? FLUSH_MS)
      timer.unref()
    }
  })

  const flush = async () => {
    timer = null
    const bursts = [...startedAt]
    startedAt.clear()
    const entries: Moves[] = []
    for (const [userId, units] of bursts) {
      const byPair = new Map<string, Moves>()
      for (const [unit, from] of units) {
        const to = owner.get(unit) ?? null
        if (from === to) continue
        const key = `${from}\u0000${to}`
        let m = byPair.get(key)
        if (!m) byPair.set(key, (m = { userId, from, to, units: new Set() }))
        m.units.add(unit)
      }
      entries.push(...byPair.values())
    }
    if (entries.length === 0) return
    try {
      const scenario = await findScenario(deps.db, ref.scenarioId)
      if (!scenario) return
      const byUser = new Map<string, Moves[]>()
      for (const e of entries)
        byUser.set(e.userId, [...(byUser.get(e.userId) ?? []), e])
      for (const [userId, moves] of byUser)
        await recordAudit(deps.db, {
          orgId: scenario.orgId,
          actorId: userId,
          action: 'plan.edit',
          subjectType: 'scenario',
          subjectId: scenario.id,
          details: {
            planId: scenario.planId,
            scenarioId: scenario.id,
            units: moves.reduce((n, m) => n + m.units.size, 0),
            moves: moves
              .sort((a, b) => b.units.size - a.units.size)
              .map((m) => ({
                from: m.from,
                to: m.to,
                count: m.units.size,
                // A few unit ids for the feed's link; the count says how many there were.
                sample: [...m.units].slice(0, 20),
              })),
          },
        })
    } catch (error) {
      deps.log.error(
        { err: error, docName },
        'activity: recording edits failed',
      )
    }
  }

  const write = () => {
    const done = flush()
    deps.track?.(done)
  }

  return () => {
    off()
    if (timer) clearTimeout(timer)
    write()
    plan.destroy()
  }
}
