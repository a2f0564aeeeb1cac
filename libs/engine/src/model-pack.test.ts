import { defaultBalanceSettings } from '@tessera/domain'
import { describe, expect, it } from 'vitest'
import { buildModel, type EngineModel } from './model.js'
import { packModel, unpackModel } from './model-pack.js'
import { PlanState } from './plan-state.js'
import { hexGrid } from './testing/synthetic.js'

function model(): EngineModel {
  const layer = hexGrid({
    cols: 9,
    rows: 7,
    accounts: 400,
    seed: 5,
    holes: 0.1,
    islands: 2,
  })
  const built = buildModel({
    ...layer,
    // Some accounts outside every unit and some with an industry, to cover -1 indexes.
    accounts: layer.accounts.map((a, k) => ({
      ...a,
      unitId: k % 37 === 0 ? null : a.unitId,
      industry: k % 3 === 0 ? `ind-${k % 4}` : undefined,
    })),
  })
  if (!built.ok) throw new Error(built.error.message)
  return built.value
}

describe('packModel / unpackModel', () => {
  it('round-trips every array exactly, through JSON', () => {
    const m = model()
    const back = unpackModel(JSON.parse(JSON.stringify(packModel(m))))
    if (!back.ok) throw new Error(back.error.message)
    const u = back.value
    for (const k of Object.keys(m) as (keyof EngineModel)[]) {
      if (k === 'warnings') continue
      expect(u[k], k).toEqual(m[k])
    }
  })

  it('scores the same plan the same way as the model it came from', () => {
    const m = model()
    const back = unpackModel(packModel(m))
    if (!back.ok) throw new Error(back.error.message)
    const territories = ['a', 'b', 'c'].map((id) => ({
      id,
      repHome: null,
      capacityMinutes: 600,
      locked: false,
    }))
    const assignments = Object.fromEntries(
      m.unitIds.map((id, k) => [id, territories[k % 3]!.id]),
    )
    const input = {
      territories,
      assignments,
      overrides: { [m.accountIds[0]!]: 'b' },
      settings: defaultBalanceSettings,
    }
    expect(new PlanState(back.value, input).planScore()).toEqual(
      new PlanState(m, input).planScore(),
    )
  })

  it('refuses damaged payloads with a reason', () => {
    const packed = packModel(model())
    const cases = [
      // A model packed before forecasts were a metric (a page loaded before an upgrade).
      { ...packed, version: 1 },
      { ...packed, unitIds: packed.unitIds.slice(1) },
      { ...packed, f64: { ...packed.f64, accLon: 'AAAA' } },
      { ...packed, i32: { ...packed.i32, adjNbr: '***' } },
      // Neighbour indexes past the last unit.
      {
        ...packed,
        i32: {
          ...packed.i32,
          adjNbr: packModel({
            ...model(),
            adjNbr: new Int32Array(model().adjNbr.length).fill(9999),
          }).i32.adjNbr,
        },
      },
    ]
    for (const c of cases) {
      const r = unpackModel(c as never)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.message).toMatch(/packed model/)
    }
  })
})
