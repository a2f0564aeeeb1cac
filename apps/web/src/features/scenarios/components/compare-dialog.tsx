import { useQuery } from '@tanstack/react-query'
import { type Rep, diffCsv } from '@tessera/domain'
import { useEffect, useId, useMemo } from 'react'
import { DialogHeader } from '../../../components/dialog-header'
import { useModalDialog } from '../../../hooks/use-modal-dialog'
import { formatCount, formatFixed, formatMoney } from '../../../lib/format'
import { useTRPC } from '../../../lib/trpc'
import { Trans, i18n, useTranslation } from '../../../i18n'

const signed = (n: number, format: (v: number) => string) =>
  n === 0 ? '0' : `${n > 0 ? '+' : '−'}${format(Math.abs(n))}`
const hours = (minutes: number) =>
  i18n.t('scenarios.compare.hours', { hours: formatCount(minutes / 60) })

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
  const { t } = useTranslation()
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
    const before = new Map(data?.territoriesBefore.map((r) => [r.id, r]))
    const after = new Map(data?.territoriesAfter.map((r) => [r.id, r]))
    const side = (s: 'from' | 'to') => (s === 'from' ? before : after)
    return {
      territory: (tid: string | null, s: 'from' | 'to' = 'to') =>
        tid ? (side(s).get(tid)?.name ?? after.get(tid)?.name ?? tid) : '',
      rep: (tid: string | null, s: 'from' | 'to' = 'to') => {
        const repId = tid ? side(s).get(tid)?.repId : null
        return repId ? (repName.get(repId) ?? repId) : ''
      },
      repName: (repId: string | null) =>
        repId
          ? (repName.get(repId) ?? repId)
          : i18n.t('scenarios.compare.noRep'),
    }
    // `t`: "No rep" in the active language.
  }, [data, reps, t])
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
        title={
          data
            ? t('scenarios.compare.title', {
                after: data.after.name,
                before: data.before.name,
              })
            : t('scenarios.compare.fallbackTitle')
        }
        onClose={onClose}
      />
      {compare.isPending ? (
        <p className="scenarios-table__empty">
          {t('scenarios.compare.comparing')}
        </p>
      ) : compare.isError ? (
        <p className="error-box" role="alert">
          {compare.error.message}
        </p>
      ) : data ? (
        <div className="scenarios-dialog__scroll compare-dialog__body">
          <section
            className="compare-dialog__summary"
            aria-label={t('scenarios.compare.planScores')}
          >
            <p>
              <Trans
                i18nKey="scenarios.compare.summary"
                values={{
                  units: formatCount(data.units.length),
                  accounts: formatCount(data.accounts.length),
                  reps: formatCount(data.reps.length),
                }}
                components={{ strong: <strong /> }}
              />
            </p>
            <p>
              <Trans
                i18nKey="scenarios.compare.balance"
                values={{
                  before: formatFixed(data.plan.before.balanceScore),
                  after: formatFixed(data.plan.after.balanceScore),
                  disruptedBefore: formatCount(
                    data.plan.before.disruptedAccounts,
                  ),
                  disruptedAfter: formatCount(
                    data.plan.after.disruptedAccounts,
                  ),
                }}
                components={{ strong: <strong /> }}
              />
            </p>
            <button
              type="button"
              className="button button--secondary"
              onClick={download}
              disabled={data.accounts.length === 0}
              data-testid="download-diff"
            >
              {t('scenarios.compare.download')}
            </button>
          </section>
          <h3>{t('scenarios.compare.byRep')}</h3>
          <table
            className="scenarios-table"
            aria-label={t('scenarios.compare.byRepLabel')}
          >
            <thead>
              <tr>
                <th scope="col">{t('scenarios.compare.rep')}</th>
                <th scope="col" className="num">
                  {t('scenarios.compare.gained')}
                </th>
                <th scope="col" className="num">
                  {t('scenarios.compare.lost')}
                </th>
                <th scope="col" className="num">
                  {t('scenarios.compare.potential')}
                </th>
                <th scope="col" className="num">
                  {t('scenarios.compare.workload')}
                </th>
                <th scope="col">{t('scenarios.compare.largest')}</th>
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
          <h3>{t('scenarios.compare.byTerritory')}</h3>
          <table
            className="scenarios-table"
            aria-label={t('scenarios.compare.byTerritoryLabel')}
          >
            <thead>
              <tr>
                <th scope="col">{t('scenarios.compare.territory')}</th>
                <th scope="col" className="num">
                  {t('scenarios.compare.accounts')}
                </th>
                <th scope="col" className="num">
                  {t('scenarios.compare.potential')}
                </th>
                <th scope="col" className="num">
                  {t('scenarios.compare.sales')}
                </th>
                <th scope="col" className="num">
                  {t('scenarios.compare.workload')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.territories.map((row) => (
                <tr key={row.territoryId} data-testid="territory-delta">
                  <td>{names.territory(row.territoryId)}</td>
                  <td className="num">{signed(row.accounts, formatCount)}</td>
                  <td className="num">{signed(row.potential, formatMoney)}</td>
                  <td className="num">{signed(row.sales, formatMoney)}</td>
                  <td className="num">{signed(row.workloadMinutes, hours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </dialog>
  )
}
