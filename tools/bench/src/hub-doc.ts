import { createRng, openPlanDoc, readPlanState } from '@tessera/domain'
import { type EngineModel, type PlanInput, PlanState } from '@tessera/engine'
import * as Y from 'yjs'

export interface DocLongLife {
  writes: number
  strokes: number
  /** Persisted size after the life ÷ a fresh document holding the same final state. */
  growth: number
  bytes: number
  freshBytes: number
  /** Cold load: decode the persisted bytes, read the plan, build the engine's PlanState. */
  loadMs: number
  /**
   * One reassignment applied locally, over all the life's reassignments: each costs its
   * transaction's time ÷ the units it moved (a click is a transaction of one), p50/p99.
   */
  writeP50Us: number
  writeP99Us: number
  /**
   * Clicks alone (a transaction that moves one unit, the most expensive way to move one),
   * timed in 5 rounds over the life: the median of the rounds' p99s and each round's p99.
   */
  clickP50Us: number
  clickP99Us: number
  clickP99ByRoundUs: number[]
  heapMB: number
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0
}

/**
 * The plan document over a long life (issue 5, point 2): the server creates it (as a new
 * scenario or the demo is created), then planners' sessions — each a browser tab, one Yjs
 * client id, SESSION_STROKES strokes — make `writes` reassignments of the demo's units: brush
 * strokes of 1–500 units (a run of neighbouring units, as a brush paints), each one
 * transaction, and after each stroke five clicks (one unit, its own transaction). Every
 * reassignment is timed ("one reassignment applied locally"). Then the persisted bytes are
 * compared with a fresh
 * document holding the same final plan, and loaded cold the way the server and browser do.
 */
/** Strokes in one planning session (a browser tab: one Yjs client id), with their clicks. */
const SESSION_STROKES = 200

export function measureDocLongLife(
  model: EngineModel,
  planInput: PlanInput,
  options: { writes: number; seed?: number },
): DocLongLife {
  const rng = createRng(options.seed ?? 11)
  const units = Object.keys(planInput.assignments)
  const territories = planInput.territories.map((t) => t.id)
  // The server creates the document (a new scenario, the demo); planners' sessions edit it.
  // Client ids are random in real life; seeded here, so sizes repeat from run to run (an id's
  // varint length shows in every struct it writes).
  const newDoc = () => {
    const d = new Y.Doc()
    d.clientID = rng.int(1, 2 ** 31 - 1)
    return d
  }
  const seeded = newDoc()
  {
    const plan = openPlanDoc(seeded, { canWrite: true })
    plan.assignments.setMany(Object.entries(planInput.assignments))
    plan.destroy()
  }
  let doc = newDoc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(seeded))
  seeded.destroy()
  let plan = openPlanDoc(doc, { canWrite: true })
  const rounds: number[][] = []
  const perUnit: number[] = []
  let writes = 0
  let strokes = 0
  const click = () => {
    const u = units[rng.int(0, units.length - 1)]!
    const t = territories[rng.int(0, territories.length - 1)]!
    const t0 = performance.now()
    plan.assignments.set(u, t)
    return (performance.now() - t0) * 1000
  }
  // Warm the code paths before timing (the JIT, not the document).
  for (let i = 0; i < 2000; i++) click()
  writes += 2000
  while (writes < options.writes) {
    if (strokes > 0 && strokes % SESSION_STROKES === 0) {
      // A new session: another Yjs client id continues the same document.
      plan.destroy()
      const next = newDoc()
      Y.applyUpdate(next, Y.encodeStateAsUpdate(doc))
      doc.destroy()
      doc = next
      plan = openPlanDoc(doc, { canWrite: true })
    }
    const size = Math.min(rng.int(1, 500), options.writes - writes)
    const start = rng.int(0, units.length - 1)
    const to = territories[rng.int(0, territories.length - 1)]!
    const stroke: [string, string][] = []
    for (let i = 0; i < size; i++)
      stroke.push([units[(start + i) % units.length]!, to])
    const t0 = performance.now()
    plan.assignments.setMany(stroke)
    const us = ((performance.now() - t0) * 1000) / size
    for (let i = 0; i < size; i++) perUnit.push(us)
    writes += size
    strokes++
    for (let c = 0; c < 5 && writes < options.writes; c++) {
      const round = Math.min(4, Math.floor((writes / options.writes) * 5))
      const us = click()
      ;(rounds[round] ??= []).push(us)
      perUnit.push(us)
      writes++
    }
  }
  const finalAssignments = plan.assignments.toObject()
  plan.destroy()
  const persisted = Y.encodeStateAsUpdate(doc)
  const heapMB = process.memoryUsage().heapUsed / 2 ** 20
  doc.destroy()

  const fresh = newDoc()
  const freshPlan = openPlanDoc(fresh, { canWrite: true })
  freshPlan.assignments.setMany(Object.entries(finalAssignments))
  freshPlan.destroy()
  const freshBytes = Y.encodeStateAsUpdate(fresh).byteLength

  const loads: number[] = []
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now()
    const cold = new Y.Doc()
    Y.applyUpdate(cold, persisted)
    const state = readPlanState(cold)
    const engine = new PlanState(model, {
      ...planInput,
      assignments: state.assignments,
      overrides: state.accountOverrides,
    })
    loads.push(performance.now() - t0)
    if (
      engine.unitTer.length !== model.unitIds.length ||
      Object.keys(state.assignments).length !== units.length
    )
      throw new Error('the reloaded plan does not hold every unit')
    cold.destroy()
  }
  return {
    writes,
    strokes,
    growth: persisted.byteLength / freshBytes,
    bytes: persisted.byteLength,
    freshBytes,
    loadMs: quantile(loads, 0.5),
    writeP50Us: quantile(perUnit, 0.5),
    writeP99Us: quantile(perUnit, 0.99),
    clickP50Us: quantile(rounds.flat(), 0.5),
    clickP99Us: quantile(
      rounds.map((r) => quantile(r, 0.99)),
      0.5,
    ),
    clickP99ByRoundUs: rounds.map(
      (r) => Math.round(quantile(r, 0.99) * 10) / 10,
    ),
    heapMB,
  }
}
