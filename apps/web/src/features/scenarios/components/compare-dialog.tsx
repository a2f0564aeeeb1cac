import { useQuery } from '@tanstack/react-query'
import { type Rep, diffCsv } from '@tessera/domain'
import { useEffect, useId, useMemo } from 'react'
import { DialogHeader } from '../../../components/dialog-header'
import { useModalDialog } from '../../../hooks/use-modal-dialog'
import { formatCount, formatMoney } from '../../../lib/format'
import { useTRPC } from '../../../lib/trpc'

const signed = (n: number, format: (v: number) => string) =>
  n === 0 ? '0' : `${n > 0 ? '+' : '−'}${format(Math.abs(n))}`
const hours = (minutes: number) => `${formatCount(minutes / 60)} h`

/**
 * What a scenario changes against the published alignment (or another scenario): both
 * plans' scores, each territory's deltas, each rep's accounts gained and lost, and the moved
 * accounts as a CSV download. While it is open the map outlines the changed units
 * (`onChangedUnits`), already coloured by their new territory.
 */
export function CompareDialog({
  open,
  onClose,
  scenarioId,
  againstScenarioId,
  reps,
  onChangedUnits,
}: {
  open: boolean
  onClose: () => void
  scenarioId: string
  againstScenarioId?: string
  reps: readonly Rep[]
  onChangedUnits: (unitIds: string[]) => void
}) {
  const ref = useModalDialog(open)
  const id = useId()
  const trpc = useTRPC()
  const compare = useQuery({
    ...trpc.scenarios.compare.queryOptions({
      scenarioId,
      ...(againstScenarioId ? { againstScenarioId } : {}),
    }),
    enabled: open,
  })
  const data = compare.data
  useEffect(() => {
    if (open && data) onChangedUnits(data.units.map((u) => u.unitId))
  }, [open, data, onChangedUnits])
  const names = useMemo(() => {
    const repName = new Map(reps.map((r) => [r.id, r.name]))
    const before = new Map(data?.territoriesBefore.map((t) => [t.id, t]))
    const after = new Map(data?.territoriesAfter.map((t) => [t.id, t]))
    const side = (s: 'from' | 'to') => (s === 'from' ? before : after)
    return {
      territory: (tid: string | null, s: 'from' | 'to' = 'to') =>
        tid ? (side(s).get(tid)?.name ?? after.get(tid)?.name ?? tid) : '',
      rep: (tid: string | null, s: 'from' | 'to' = 'to') => {
        const repId = tid ? side(s).get(tid)?.repId : null
        return repId ? (repName.get(repId) ?? repId) : ''
      },
      repName: (repId: string | null) =>
        repId ? (repName.get(repId) ?? repId) : 'No rep',
    }
  }, [data, reps])
  const download = () => {
    if (!data) return
    const csv = diffCsv(data, names)
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }))
    const a = document.createElement('a')
    a.href = url
    a.download = `${data.after.name} vs ${data.before.name}.csv`.replace(
      /[\\/:*?"<>|]/g,
      '-',
    )
    a.click()
    URL.revokeObjectURL(url)
  }
  return (
    <dialog
      ref={ref}
      className="modal-dialog scenarios-dialog compare-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      data-testid="compare-dialog"
    >
      <DialogHeader
        className="modal-dialog__head"
        titleId={`${id}-title`}
        title={data ? `${data.after.name} vs ${data.before.name}` : 'Compare'}
        onClose={onClose}
      />
      {compare.isPending ? (
        <p className="scenarios-table__empty">Comparing…</p>
      ) : compare.isError ? (
        <p className="error-box" role="alert">
          {compare.error.message}
        </p>
      ) : data ? (
        <div className="scenarios-dialog__scroll compare-dialog__body">
          <section className="compare-dialog__summary" aria-label="Plan scores">
            <p>
              <strong>{formatCount(data.units.length)}</strong> units and{' '}
              <strong>{formatCount(data.accounts.length)}</strong> accounts
              change territory; {formatCount(data.reps.length)} reps are
              affected.
            </p>
            <p>
              Balance {data.plan.before.balanceScore.toFixed(1)} →{' '}
              <strong>{data.plan.after.balanceScore.toFixed(1)}</strong> ·
              accounts away from the published alignment{' '}
              {formatCount(data.plan.before.disruptedAccounts)} →{' '}
              <strong>{formatCount(data.plan.after.disruptedAccounts)}</strong>
            </p>
            <button
              type="button"
              className="button button--secondary"
              onClick={download}
              disabled={data.accounts.length === 0}
              data-testid="download-diff"
            >
              Download CSV
            </button>
          </section>
          <h3>By rep</h3>
          <table className="scenarios-table" aria-label="Impact by rep">
            <thead>
              <tr>
                <th scope="col">Rep</th>
                <th scope="col" className="num">
                  Gained
                </th>
                <th scope="col" className="num">
                  Lost
                </th>
                <th scope="col" className="num">
                  Potential
                </th>
                <th scope="col" className="num">
                  Workload / week
                </th>
                <th scope="col">Largest accounts moved</th>
              </tr>
            </thead>
            <tbody>
              {data.reps.map((r) => (
                <tr key={r.repId ?? 'none'} data-testid="rep-impact">
                  <td>{names.repName(r.repId)}</td>
                  <td className="num">{formatCount(r.gained.length)}</td>
                  <td className="num">{formatCount(r.lost.length)}</td>
                  <td className="num">
                    {signed(r.potentialDelta, formatMoney)}
                  </td>
                  <td className="num">
                    {signed(r.workloadMinutesDelta, hours)}
                  </td>
                  <td className="compare-dialog__accounts">
                    {[
                      ...r.gained.map((m) => ({ m, sign: '+' })),
                      ...r.lost.map((m) => ({ m, sign: '−' })),
                    ]
                      .sort((x, y) => y.m.potential - x.m.potential)
                      .slice(0, 3)
                      .map(({ m, sign }) => (
                        <span key={`${sign}${m.accountId}`}>
                          {sign} {m.name} ({formatMoney(m.potential)})
                        </span>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>By territory</h3>
          <table className="scenarios-table" aria-label="Changes by territory">
            <thead>
              <tr>
                <th scope="col">Territory</th>
                <th scope="col" className="num">
                  Accounts
                </th>
                <th scope="col" className="num">
                  Potential
                </th>
                <th scope="col" className="num">
                  Sales, 12 mo
                </th>
                <th scope="col" className="num">
                  Workload / week
                </th>
              </tr>
            </thead>
            <tbody>
              {data.territories.map((t) => (
                <tr key={t.territoryId} data-testid="territory-delta">
                  <td>{names.territory(t.territoryId)}</td>
                  <td className="num">{signed(t.accounts, formatCount)}</td>
                  <td className="num">{signed(t.potential, formatMoney)}</td>
                  <td className="num">{signed(t.sales, formatMoney)}</td>
                  <td className="num">{signed(t.workloadMinutes, hours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </dialog>
  )
}
