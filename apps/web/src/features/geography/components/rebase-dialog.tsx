import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { DialogHeader } from '../../../components/dialog-header'
import { useModalDialog } from '../../../hooks/use-modal-dialog'
import { formatCount } from '../../../lib/format'
import { useTRPC } from '../../../lib/trpc'
import '../geography.css'

const area = (km2: number) =>
  km2 >= 10
    ? `${formatCount(Math.round(km2))} km²`
    : `${km2.toFixed(km2 >= 1 ? 1 : 2)} km²`

/** Above this many cells a layer is refused by the server (H3_MAX_CELLS). */
const MAX_CELLS = 250_000

/**
 * Re-bases the open plan onto H3 hexagons built around the accounts: the resolution is
 * recommended from the accounts' density (or chosen, each with about how many cells it
 * makes), the scenario to carry over is chosen, and the server makes a new plan in which
 * every account keeps its territory. The plan shown now is not changed.
 */
export function RebaseDialog({
  open,
  onClose,
  planId,
  planName,
  scenarios,
  currentScenarioId,
  onOpenPlan,
}: {
  open: boolean
  onClose: () => void
  planId: string
  planName: string
  scenarios: readonly { id: string; name: string; status: string }[]
  currentScenarioId: string | null
  onOpenPlan: (planId: string, scenarioId: string) => void
}) {
  const ref = useModalDialog(open)
  const id = useId()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const options = useQuery({
    ...trpc.plans.hexagonOptions.queryOptions(),
    enabled: open,
    staleTime: 60_000,
  })
  const [units, setUnits] = useState<'hexagons' | 'zips'>('hexagons')
  const [resolution, setResolution] = useState<number | null>(null)
  const [scenarioId, setScenarioId] = useState(currentScenarioId ?? '')
  const rebase = useMutation(
    trpc.plans.rebaseOnHexagons.mutationOptions({
      onSuccess: () =>
        void queryClient.invalidateQueries({
          queryKey: trpc.plans.list.pathKey(),
        }),
    }),
  )
  const recommended = options.data?.recommended
  const done = rebase.data
  const run = () =>
    rebase.mutate({
      planId,
      ...(scenarioId ? { scenarioId } : {}),
      ...(resolution !== null ? { resolution } : {}),
      units,
    })
  return (
    <dialog
      ref={ref}
      className="modal-dialog rebase-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      data-testid="rebase-dialog"
    >
      <DialogHeader
        className="modal-dialog__head"
        titleId={`${id}-title`}
        title="Re-base on hexagons or ZIP areas"
        onClose={onClose}
      />
      <div className="rebase-dialog__body">
        <p>
          Builds new units around your accounts and copies{' '}
          <strong>{planName}</strong> onto them as a new plan. Every account
          keeps its territory: where a new unit straddles a border, the accounts
          on the other side are kept by account overrides. This plan is not
          changed.
        </p>
        <fieldset className="rebase-dialog__units">
          <legend>New units</legend>
          <label>
            <input
              type="radio"
              name={`${id}-units`}
              checked={units === 'hexagons'}
              onChange={() => setUnits('hexagons')}
              data-testid="rebase-units-hexagons"
            />{' '}
            Hexagons — anywhere in the world, sized to the accounts
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-units`}
              checked={units === 'zips'}
              onChange={() => setUnits('zips')}
              data-testid="rebase-units-zips"
            />{' '}
            US ZIP areas — each county split by ZIP code (drawn in small
            hexagons), for territories finer than counties
          </label>
        </fieldset>
        <label className="field">
          <span>{units === 'zips' ? 'Cell size' : 'Hexagon size'}</span>
          <select
            value={resolution ?? ''}
            onChange={(e) =>
              setResolution(
                e.target.value === '' ? null : Number(e.target.value),
              )
            }
            disabled={!options.data}
            data-testid="rebase-resolution"
          >
            <option value="">
              {units === 'zips'
                ? 'Automatic: up to resolution 8 (cells of 0.7 km²), coarser where the counties are large'
                : recommended
                  ? `Automatic: resolution ${recommended.resolution}`
                  : options.isLoading
                    ? 'Automatic (reading the accounts…)'
                    : 'Automatic'}
            </option>
            {options.data?.options.map((o) => (
              <option
                key={o.resolution}
                value={o.resolution}
                disabled={o.cells > MAX_CELLS}
              >
                {`Resolution ${o.resolution}: cells of ${area(o.areaKm2)}, about ${formatCount(o.cells)} with accounts`}
                {o.cells > MAX_CELLS ? ' (too many)' : ''}
              </option>
            ))}
          </select>
        </label>
        {recommended && resolution === null && units === 'hexagons' ? (
          <p className="rebase-dialog__hint" data-testid="rebase-reason">
            Recommended for {formatCount(options.data?.accounts ?? 0)} accounts:{' '}
            {recommended.reason}.
          </p>
        ) : null}
        <label className="field">
          <span>Scenario to carry over as the new plan’s draft</span>
          <select
            value={scenarioId}
            onChange={(e) => setScenarioId(e.target.value)}
            data-testid="rebase-scenario"
          >
            {scenarios
              .filter((s) => s.status !== 'archived')
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
          </select>
        </label>
        <p className="rebase-dialog__hint">
          The published alignment comes along as the new plan’s published one,
          so disruption is measured against it.
        </p>
        {options.isError ? (
          <p className="error-box" role="alert">
            {options.error.message}
          </p>
        ) : null}
        {rebase.isError ? (
          <p className="error-box" role="alert" data-testid="rebase-error">
            {rebase.error.message}
          </p>
        ) : null}
        {done ? (
          <div className="rebase-dialog__result" data-testid="rebase-result">
            <strong>Made “{done.planName}”</strong>
            <dl>
              <dt>Cells</dt>
              <dd>
                {formatCount(done.layer.cells)} (
                {formatCount(done.layer.occupiedCells)} with accounts,{' '}
                {formatCount(done.layer.bridgeCells)} joining gaps)
              </dd>
              <dt>Size</dt>
              <dd>{done.layer.resolutionReason}</dd>
              <dt>Accounts</dt>
              <dd>
                {formatCount(done.accounts.placed)} placed
                {done.accounts.skipped > 0
                  ? `, ${formatCount(done.accounts.skipped)} without usable coordinates (kept by override where they had a territory)`
                  : ''}
              </dd>
              <dt>Overrides</dt>
              <dd>
                {formatCount(done.accounts.overrides)} accounts keep their
                territory by override
              </dd>
              <dt>Islands</dt>
              <dd>
                {done.layer.proximityLinks === 0
                  ? 'none: the cells form one piece'
                  : `${formatCount(done.layer.proximityLinks)} links join groups of cells too far apart to fill`}
              </dd>
            </dl>
          </div>
        ) : null}
        <div className="rebase-dialog__actions">
          {done ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                onOpenPlan(done.planId, done.draftScenarioId)
                onClose()
              }}
              data-testid="rebase-open"
            >
              Open the new plan
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              onClick={run}
              disabled={rebase.isPending || !options.data}
              data-testid="rebase-run"
            >
              {rebase.isPending
                ? units === 'zips'
                  ? 'Building ZIP areas…'
                  : 'Building hexagons…'
                : units === 'zips'
                  ? 'Build ZIP areas and re-base'
                  : 'Build hexagons and re-base'}
            </button>
          )}
          <button
            type="button"
            className="button button--ghost"
            onClick={onClose}
          >
            {done ? 'Close' : 'Cancel'}
          </button>
        </div>
      </div>
    </dialog>
  )
}
