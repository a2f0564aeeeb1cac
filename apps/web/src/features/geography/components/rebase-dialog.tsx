import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { DialogHeader } from '../../../components/dialog-header'
import { useModalDialog } from '../../../hooks/use-modal-dialog'
import { formatCount, formatDecimal } from '../../../lib/format'
import { useTRPC } from '../../../lib/trpc'
import { Trans, i18n, useTranslation } from '../../../i18n'
import '../geography.css'

const area = (km2: number) =>
  i18n.t('geography.km2', {
    area:
      km2 >= 10
        ? formatCount(Math.round(km2))
        : formatDecimal(km2, km2 >= 1 ? 1 : 2),
  })

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
  const { t } = useTranslation()
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
        title={t('geography.title')}
        onClose={onClose}
      />
      <div className="rebase-dialog__body">
        <p>
          <Trans
            i18nKey="geography.intro"
            values={{ plan: planName }}
            components={{ strong: <strong /> }}
          />
        </p>
        <fieldset className="rebase-dialog__units">
          <legend>{t('geography.newUnits')}</legend>
          <label>
            <input
              type="radio"
              name={`${id}-units`}
              checked={units === 'hexagons'}
              onChange={() => setUnits('hexagons')}
              data-testid="rebase-units-hexagons"
            />{' '}
            {t('geography.hexagons')}
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-units`}
              checked={units === 'zips'}
              onChange={() => setUnits('zips')}
              data-testid="rebase-units-zips"
            />{' '}
            {t('geography.zips')}
          </label>
        </fieldset>
        <label className="field">
          <span>
            {units === 'zips'
              ? t('geography.cellSize')
              : t('geography.hexagonSize')}
          </span>
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
                ? t('geography.autoZips')
                : recommended
                  ? t('geography.autoResolution', {
                      resolution: recommended.resolution,
                    })
                  : options.isLoading
                    ? t('geography.autoReading')
                    : t('geography.auto')}
            </option>
            {options.data?.options.map((o) => (
              <option
                key={o.resolution}
                value={o.resolution}
                disabled={o.cells > MAX_CELLS}
              >
                {t('geography.option', {
                  resolution: o.resolution,
                  area: area(o.areaKm2),
                  cells: formatCount(o.cells),
                })}
                {o.cells > MAX_CELLS ? t('geography.tooMany') : ''}
              </option>
            ))}
          </select>
        </label>
        {recommended && resolution === null && units === 'hexagons' ? (
          <p className="rebase-dialog__hint" data-testid="rebase-reason">
            {t('geography.recommended', {
              accounts: formatCount(options.data?.accounts ?? 0),
              reason: recommended.reason,
            })}
          </p>
        ) : null}
        <label className="field">
          <span>{t('geography.scenario')}</span>
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
        <p className="rebase-dialog__hint">{t('geography.publishedHint')}</p>
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
            <strong>{t('geography.made', { name: done.planName })}</strong>
            <dl>
              <dt>{t('geography.cells')}</dt>
              <dd>
                {t('geography.cellCounts', {
                  cells: formatCount(done.layer.cells),
                  occupied: formatCount(done.layer.occupiedCells),
                  bridges: formatCount(done.layer.bridgeCells),
                })}
              </dd>
              <dt>{t('geography.size')}</dt>
              <dd>{done.layer.resolutionReason}</dd>
              <dt>{t('geography.accounts')}</dt>
              <dd>
                {done.accounts.skipped > 0
                  ? t('geography.placedSkipped', {
                      placed: formatCount(done.accounts.placed),
                      skipped: formatCount(done.accounts.skipped),
                    })
                  : t('geography.placed', {
                      placed: formatCount(done.accounts.placed),
                    })}
              </dd>
              <dt>{t('geography.overrides')}</dt>
              <dd>
                {t('geography.overrideCount', {
                  count: done.accounts.overrides,
                })}
              </dd>
              <dt>{t('geography.islands')}</dt>
              <dd>
                {done.layer.proximityLinks === 0
                  ? t('geography.onePiece')
                  : t('geography.links', {
                      links: formatCount(done.layer.proximityLinks),
                    })}
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
              {t('geography.open')}
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
                  ? t('geography.buildingZips')
                  : t('geography.buildingHexagons')
                : units === 'zips'
                  ? t('geography.buildZips')
                  : t('geography.buildHexagons')}
            </button>
          )}
          <button
            type="button"
            className="button button--ghost"
            onClick={onClose}
          >
            {done ? t('common.close') : t('common.cancel')}
          </button>
        </div>
      </div>
    </dialog>
  )
}
