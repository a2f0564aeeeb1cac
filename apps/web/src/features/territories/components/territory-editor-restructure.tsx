import type { TerritoryRecord } from '@tessera/domain'
import { useId, useMemo, useState } from 'react'
import { useTranslation } from '../../../i18n'
import { SplitForm } from './territory-editor-split'
import {
  type EditAccess,
  territoriesByName,
  useEdit,
} from './territory-editor-ops'

export interface RestructureProps {
  access: EditAccess
  record: TerritoryRecord
  territories: readonly TerritoryRecord[]
  /** The territory's units. */
  units: readonly string[]
  /** How many accounts are placed in it apart from their unit. */
  overrides: number
  selectedUnits: ReadonlySet<string>
  unitCentroids: ReadonlyMap<string, readonly [number, number]>
  unitWeights: ReadonlyMap<string, number>
  disabled: boolean
  onSelectTerritory: (id: string | null) => void
  onPreview?: (unitIds: readonly string[] | null) => void
}

type Step = null | 'merge' | 'split' | 'delete'

/** The restructuring steps, each opened by its button (the destructive one marked). */
const STEPS: readonly {
  step: Exclude<Step, null>
  danger?: boolean
}[] = [{ step: 'merge' }, { step: 'split' }, { step: 'delete', danger: true }]

/** Merge into another territory, split off part of it, or delete it: each confirmed first. */
export function TerritoryEditorRestructure(props: RestructureProps) {
  const { record, disabled } = props
  const { t } = useTranslation()
  // (The panel keys this by territory, so a new selection starts with nothing open.)
  const [step, setStep] = useState<Step>(null)
  const blocked = disabled || record.locked
  const toggle = (s: Exclude<Step, null>) =>
    setStep((cur) => (cur === s ? null : s))
  return (
    <div className="te-section">
      <h4 className="te-section__title">
        {t('territories.restructure.title')}
      </h4>
      {record.locked ? (
        <p className="te-hint">{t('territories.restructure.unlockFirst')}</p>
      ) : null}
      <div className="te-actions">
        {STEPS.map(({ step: s, danger }) => (
          <button
            key={s}
            type="button"
            className={`button button--secondary te-button${danger ? ' te-button--danger' : ''}`}
            disabled={blocked}
            aria-expanded={step === s}
            onClick={() => toggle(s)}
            data-testid={`territory-${s}`}
          >
            {t(`territories.restructure.${s}`)}
          </button>
        ))}
      </div>
      {step === 'merge' && !blocked ? (
        <MergeForm {...props} onDone={() => setStep(null)} />
      ) : null}
      {step === 'split' && !blocked ? (
        <SplitForm {...props} onDone={() => setStep(null)} />
      ) : null}
      {step === 'delete' && !blocked ? (
        <DeleteConfirm {...props} onDone={() => setStep(null)} />
      ) : null}
    </div>
  )
}

export type FormProps = RestructureProps & { onDone: () => void }

function MergeForm({
  access,
  record,
  territories,
  units,
  overrides,
  onSelectTerritory,
  onDone,
}: FormProps) {
  const { t } = useTranslation()
  const edit = useEdit(access)
  const id = useId()
  const targets = useMemo(
    () =>
      territoriesByName(territories).filter(
        (t) => t.id !== record.id && !t.locked,
      ),
    [territories, record.id],
  )
  const [intoId, setIntoId] = useState('')
  const into = targets.find((t) => t.id === intoId)
  const merge = () => {
    if (!into) return
    const outcome = edit((plan) =>
      access.ops.mergeTerritories(plan, record.id, into.id),
    )
    if (!outcome?.ok) return
    const names = {
      name: record.name,
      into: into.name,
      units: t('common.count.unit', { count: outcome.units }),
    }
    access.onMessage(
      outcome.accounts
        ? t('territories.restructure.mergedPlaced', {
            ...names,
            accounts: t('common.count.placedAccount', {
              count: outcome.accounts,
            }),
          })
        : t('territories.restructure.merged', names),
    )
    onDone()
    onSelectTerritory(into.id)
  }
  return (
    <div className="te-confirm" data-testid="territory-merge-form">
      <div className="te-field">
        <label htmlFor={id} className="te-field__label">
          {t('territories.restructure.mergeInto', { name: record.name })}
        </label>
        <select
          id={id}
          className="te-input"
          value={intoId}
          onChange={(e) => setIntoId(e.target.value)}
          data-testid="territory-merge-target"
        >
          <option value="">
            {t('territories.restructure.chooseTerritory')}
          </option>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      {into ? (
        <p className="te-confirm__text">
          {overrides
            ? t('territories.restructure.mergeSummaryPlaced', {
                units: t('common.count.unit', { count: units.length }),
                accounts: t('common.count.placedAccount', {
                  count: overrides,
                }),
                into: into.name,
                name: record.name,
              })
            : t('territories.restructure.mergeSummary', {
                units: t('common.count.unit', { count: units.length }),
                into: into.name,
                name: record.name,
              })}
        </p>
      ) : null}
      <div className="te-actions">
        <button
          type="button"
          className="button button--primary te-button"
          disabled={!into}
          onClick={merge}
          data-testid="territory-merge-confirm"
        >
          {t('territories.restructure.mergeButton')}
        </button>
        <button
          type="button"
          className="button button--ghost te-button"
          onClick={onDone}
        >
          {t('common.cancel')}
        </button>
      </div>
    </div>
  )
}

function DeleteConfirm({
  access,
  record,
  units,
  overrides,
  onSelectTerritory,
  onDone,
}: FormProps) {
  const { t } = useTranslation()
  const edit = useEdit(access)
  const remove = () => {
    const outcome = edit((plan) => access.ops.deleteTerritory(plan, record.id))
    if (!outcome?.ok) return
    access.onMessage(
      t('territories.restructure.deleted', {
        name: record.name,
        units: t('common.count.unit', { count: outcome.units }),
      }),
    )
    onDone()
    onSelectTerritory(null)
  }
  return (
    <div
      className="te-confirm te-confirm--danger"
      role="alertdialog"
      aria-label={t('territories.restructure.deleteLabel', {
        name: record.name,
      })}
    >
      <p className="te-confirm__text">
        {overrides
          ? t('territories.restructure.deleteTextPlaced', {
              name: record.name,
              count: units.length,
              accounts: t('common.count.account', { count: overrides }),
            })
          : t('territories.restructure.deleteText', {
              name: record.name,
              count: units.length,
            })}
      </p>
      <div className="te-actions">
        <button
          type="button"
          className="button button--primary te-button te-button--danger-solid"
          onClick={remove}
          data-testid="territory-delete-confirm"
        >
          {t('territories.restructure.deleteButton', { name: record.name })}
        </button>
        <button
          type="button"
          className="button button--ghost te-button"
          onClick={onDone}
        >
          {t('common.cancel')}
        </button>
      </div>
    </div>
  )
}
