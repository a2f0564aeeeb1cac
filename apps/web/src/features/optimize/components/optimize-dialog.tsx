import { memo, useId, useState } from 'react'
import { useOptimizeJob } from '../api/optimize-jobs'
import { isSettled, progressPercent, statusLine } from '../lib/job-status'
import { DialogHeader } from '../../../components/dialog-header'
import { useModalDialog } from '../../../hooks/use-modal-dialog'
import { useTranslation } from '../../../i18n'
import '../optimize.css'

type Mode = 'design' | 'rebalance'
type Metric = 'workload' | 'potential' | 'accounts' | 'sales' | 'forecast'

interface OptimizeDialogProps {
  open: boolean
  onClose: () => void
  scenarioId: string
  /** Territories in the current scenario: the auto-design's default count. */
  territoryCount: number
  /** Opens the draft a finished job created. */
  onOpenScenario: (scenarioId: string) => void
  /**
   * Lands a finished job's result in the open scenario instead (an ordinary, undoable edit);
   * absent when this scenario cannot be edited here.
   */
  onApplyHere?: (draftScenarioId: string) => Promise<void>
}

/**
 * Auto-design and rebalance, run by the server in a worker: a form, then a progress bar with
 * the balance so far and a Cancel button, then the result with a button that opens the new
 * draft scenario. Closing the dialog while a job runs leaves the job running; reopening
 * shows it again.
 */
export const OptimizeDialog = memo(function OptimizeDialog({
  open,
  onClose,
  scenarioId,
  territoryCount,
  onOpenScenario,
  onApplyHere,
}: OptimizeDialogProps) {
  const { t } = useTranslation()
  const [applying, setApplying] = useState(false)
  const [applyError, setApplyError] = useState<string | null>(null)
  const ref = useModalDialog(open)
  const [mode, setMode] = useState<Mode>('design')
  const [parts, setParts] = useState(String(territoryCount || 10))
  const [metric, setMetric] = useState<Metric>('workload')
  const [tolerance, setTolerance] = useState('5')
  const [seed, setSeed] = useState('1')
  const [maxMoved, setMaxMoved] = useState('15')
  const [splitUnits, setSplitUnits] = useState(true)
  const [jobId, setJobId] = useState<string | null>(null)
  const { job, autoDesign, rebalance, cancel } = useOptimizeJob(jobId)
  const id = useId()

  const partsN = Number(parts)
  const tolN = Number(tolerance)
  const movedN = Number(maxMoved)
  const seedN = Number(seed)
  const errors: string[] = []
  if (mode === 'design') {
    if (!Number.isInteger(partsN) || partsN < 1 || partsN > 2000)
      errors.push(t('optimize.errors.parts'))
    if (!(tolN >= 0.1 && tolN <= 100))
      errors.push(t('optimize.errors.tolerance'))
    if (!Number.isInteger(seedN) || seedN < 0)
      errors.push(t('optimize.errors.seed'))
  } else if (!(movedN >= 0 && movedN <= 100))
    errors.push(t('optimize.errors.moved'))

  const start = mode === 'design' ? autoDesign : rebalance
  const running = jobId !== null && !isSettled(job.data)
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    if (errors.length > 0 || running) return
    const onSuccess = (j: { id: string }) => setJobId(j.id)
    if (mode === 'design')
      autoDesign.mutate(
        {
          scenarioId,
          parts: partsN,
          metric,
          tolerance: tolN / 100,
          seed: seedN,
          splitUnits,
        },
        { onSuccess },
      )
    else
      rebalance.mutate(
        { scenarioId, maxMovedShare: movedN / 100, splitUnits },
        { onSuccess },
      )
  }

  const data = job.data
  const percent = data ? progressPercent(data) : 0
  return (
    <dialog
      ref={ref}
      className="optimize-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      data-testid="optimize-dialog"
    >
      <form onSubmit={submit} className="optimize-dialog__body">
        <DialogHeader
          className="optimize-dialog__head"
          titleId={`${id}-title`}
          title={t('optimize.title')}
          onClose={onClose}
        />
        <div
          className="optimize-dialog__modes"
          role="radiogroup"
          aria-label={t('optimize.whatToDo')}
        >
          {(
            [
              [
                'design',
                t('optimize.modes.design'),
                t('optimize.modes.designHint'),
              ],
              [
                'rebalance',
                t('optimize.modes.rebalance'),
                t('optimize.modes.rebalanceHint'),
              ],
            ] as const
          ).map(([m, label, hint]) => (
            <label
              key={m}
              className={`optimize-mode${mode === m ? ' optimize-mode--on' : ''}`}
            >
              <input
                type="radio"
                name="mode"
                value={m}
                checked={mode === m}
                disabled={running}
                onChange={() => setMode(m)}
              />
              <span className="optimize-mode__label">{label}</span>
              <span className="optimize-mode__hint">{hint}</span>
            </label>
          ))}
        </div>
        {mode === 'design' ? (
          <div className="optimize-dialog__grid">
            <label className="field">
              <span>{t('optimize.territories')}</span>
              <input
                inputMode="numeric"
                value={parts}
                disabled={running}
                onChange={(e) => setParts(e.target.value)}
              />
            </label>
            <label className="field">
              <span>{t('optimize.balanceOn')}</span>
              <select
                value={metric}
                disabled={running}
                onChange={(e) => setMetric(e.target.value as Metric)}
              >
                {(
                  [
                    'workload',
                    'potential',
                    'accounts',
                    'sales',
                    'forecast',
                  ] as const
                ).map((m) => (
                  <option key={m} value={m}>
                    {t(`optimize.metrics.${m}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('optimize.tolerance')}</span>
              <input
                inputMode="decimal"
                value={tolerance}
                disabled={running}
                onChange={(e) => setTolerance(e.target.value)}
              />
            </label>
            <label className="field">
              <span>{t('optimize.seed')}</span>
              <input
                inputMode="numeric"
                value={seed}
                disabled={running}
                onChange={(e) => setSeed(e.target.value)}
              />
            </label>
          </div>
        ) : (
          <div className="optimize-dialog__grid optimize-dialog__grid--wide">
            <label className="field">
              <span>{t('optimize.maxMoved')}</span>
              <input
                inputMode="decimal"
                value={maxMoved}
                disabled={running}
                onChange={(e) => setMaxMoved(e.target.value)}
              />
            </label>
          </div>
        )}
        <label className="optimize-dialog__check">
          <input
            type="checkbox"
            checked={splitUnits}
            disabled={running}
            onChange={(e) => setSplitUnits(e.target.checked)}
          />
          {t('optimize.splitUnits')}
        </label>
        {errors.length > 0 && (
          <ul className="optimize-dialog__errors" role="alert">
            {errors.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        )}
        {start.error && (
          <p className="optimize-dialog__errors" role="alert">
            {start.error.message}
          </p>
        )}
        {data && (
          <div
            className="optimize-progress"
            data-testid="optimize-progress"
            data-status={data.status}
          >
            <div
              className="optimize-progress__bar"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-label={t('optimize.progress')}
            >
              <span
                style={{ width: `${percent}%` }}
                data-status={data.status}
              />
            </div>
            <p className="optimize-progress__line">{statusLine(data)}</p>
            {data.result?.infeasible && (
              <p className="optimize-progress__warn">
                {data.result.infeasible.message}
              </p>
            )}
            {data.status === 'done' && data.result ? (
              <p className="optimize-progress__line">
                {t(onApplyHere ? 'optimize.savedApply' : 'optimize.saved', {
                  name: data.result.name,
                })}
              </p>
            ) : null}
            {applyError ? (
              <p className="optimize-progress__warn" role="alert">
                {applyError}
              </p>
            ) : null}
          </div>
        )}
        <footer className="optimize-dialog__foot">
          {running ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={cancel.isPending}
              onClick={() => jobId && cancel.mutate({ jobId })}
            >
              {t('common.cancel')}
            </button>
          ) : data?.status === 'done' && data.result ? (
            <>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setJobId(null)}
              >
                {t('optimize.again')}
              </button>
              {onApplyHere ? (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={applying}
                  data-testid="apply-result-here"
                  onClick={() => {
                    setApplying(true)
                    setApplyError(null)
                    onApplyHere(data.result!.scenarioId)
                      .then(() => {
                        setJobId(null)
                        onClose()
                      })
                      .catch((error: Error) =>
                        setApplyError(
                          t('optimize.applyFailed', { error: error.message }),
                        ),
                      )
                      .finally(() => setApplying(false))
                  }}
                >
                  {applying ? t('optimize.applying') : t('optimize.applyHere')}
                </button>
              ) : null}
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  onOpenScenario(data.result!.scenarioId)
                  setJobId(null)
                  onClose()
                }}
              >
                {t('optimize.openDraft')}
              </button>
            </>
          ) : (
            <button
              type="submit"
              className="button button--primary"
              disabled={errors.length > 0 || start.isPending}
            >
              {mode === 'design'
                ? t('optimize.design')
                : t('optimize.rebalance')}
            </button>
          )}
        </footer>
      </form>
    </dialog>
  )
})
