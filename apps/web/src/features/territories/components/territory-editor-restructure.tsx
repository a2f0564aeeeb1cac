import type { TerritoryRecord } from '@tessera/domain'
import { useId, useMemo, useState } from 'react'
import { plural } from '../../../lib/format'
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
  label: string
  danger?: boolean
}[] = [
  { step: 'merge', label: 'Merge into…' },
  { step: 'split', label: 'Split…' },
  { step: 'delete', label: 'Delete…', danger: true },
]

/** Merge into another territory, split off part of it, or delete it: each confirmed first. */
export function TerritoryEditorRestructure(props: RestructureProps) {
  const { record, disabled } = props
  // (The panel keys this by territory, so a new selection starts with nothing open.)
  const [step, setStep] = useState<Step>(null)
  const blocked = disabled || record.locked
  const toggle = (s: Exclude<Step, null>) =>
    setStep((cur) => (cur === s ? null : s))
  return (
    <div className="te-section">
      <h4 className="te-section__title">Restructure</h4>
      {record.locked ? (
        <p className="te-hint">Unlock it to merge, split or delete it.</p>
      ) : null}
      <div className="te-actions">
        {STEPS.map(({ step: s, label, danger }) => (
          <button
            key={s}
            type="button"
            className={`button button--secondary te-button${danger ? ' te-button--danger' : ''}`}
            disabled={blocked}
            aria-expanded={step === s}
            onClick={() => toggle(s)}
            data-testid={`territory-${s}`}
          >
            {label}
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
    access.onMessage(
      `Merged ${record.name} into ${into.name}: ${plural(outcome.units, 'unit')}${outcome.accounts ? `, ${plural(outcome.accounts, 'placed account')}` : ''}.`,
    )
    onDone()
    onSelectTerritory(into.id)
  }
  return (
    <div className="te-confirm" data-testid="territory-merge-form">
      <div className="te-field">
        <label htmlFor={id} className="te-field__label">
          Merge {record.name} into
        </label>
        <select
          id={id}
          className="te-input"
          value={intoId}
          onChange={(e) => setIntoId(e.target.value)}
          data-testid="territory-merge-target"
        >
          <option value="">Choose a territory…</option>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      {into ? (
        <p className="te-confirm__text">
          {plural(units.length, 'unit')}
          {overrides ? ` and ${plural(overrides, 'placed account')}` : ''} go to{' '}
          {into.name}; {record.name} is removed.
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
          Merge
        </button>
        <button
          type="button"
          className="button button--ghost te-button"
          onClick={onDone}
        >
          Cancel
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
  const edit = useEdit(access)
  const remove = () => {
    const outcome = edit((plan) => access.ops.deleteTerritory(plan, record.id))
    if (!outcome?.ok) return
    access.onMessage(
      `Deleted ${record.name}: ${plural(outcome.units, 'unit')} unassigned.`,
    )
    onDone()
    onSelectTerritory(null)
  }
  return (
    <div
      className="te-confirm te-confirm--danger"
      role="alertdialog"
      aria-label={`Delete ${record.name}?`}
    >
      <p className="te-confirm__text">
        Delete {record.name}? Its {plural(units.length, 'unit')} become
        unassigned
        {overrides
          ? ` and ${plural(overrides, 'account')} placed in it follow their unit again`
          : ''}
        . You can undo this.
      </p>
      <div className="te-actions">
        <button
          type="button"
          className="button button--primary te-button te-button--danger-solid"
          onClick={remove}
          data-testid="territory-delete-confirm"
        >
          Delete {record.name}
        </button>
        <button
          type="button"
          className="button button--ghost te-button"
          onClick={onDone}
        >
          Cancel
        </button>
      </div>
    </div>
  )
}
