import type { PlanDoc } from '@tessera/domain'

/** What changed in a plan document since the last frame. */
export interface PlanChangeSet {
  assignments: Set<string>
  overrides: Set<string>
  lockedUnits: Set<string>
  territories: boolean
  /** Meta keys that changed (settings, schema version). */
  meta: Set<string>
}

/**
 * Calls `onFrame` at most once per animation frame with the keys every change since the
 * last call touched, however many updates arrived (a brush stroke, a burst from the hub).
 * The sets are handed over: the next frame starts with fresh ones. Returns the unsubscribe.
 */
export function watchPlanChanges(
  plan: PlanDoc,
  onFrame: (changes: PlanChangeSet) => void,
): () => void {
  const fresh = (): PlanChangeSet => ({
    assignments: new Set(),
    overrides: new Set(),
    lockedUnits: new Set(),
    territories: false,
    meta: new Set(),
  })
  let pending = fresh()
  let frame = 0
  const flush = () => {
    frame = 0
    const changes = pending
    pending = fresh()
    onFrame(changes)
  }
  const schedule = () => {
    frame ||= requestAnimationFrame(flush)
  }
  const logs = [
    [plan.assignments, 'assignments'],
    [plan.accountOverrides, 'overrides'],
    [plan.lockedUnits, 'lockedUnits'],
  ] as const
  const offLogs = logs.map(([log, name]) =>
    log.observe((keys) => {
      for (const k of keys) pending[name].add(k)
      schedule()
    }),
  )
  const onTerritories = () => {
    pending.territories = true
    schedule()
  }
  const onMeta = (event: { keysChanged: Set<string> }) => {
    for (const k of event.keysChanged) pending.meta.add(k)
    schedule()
  }
  plan.territories.observe(onTerritories)
  plan.meta.observe(onMeta)
  return () => {
    if (frame) cancelAnimationFrame(frame)
    for (const off of offLogs) off()
    plan.territories.unobserve(onTerritories)
    plan.meta.unobserve(onMeta)
  }
}
