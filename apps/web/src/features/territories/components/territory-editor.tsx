import type { Rep } from '@tessera/domain'
import { useMemo } from 'react'
import { useTranslation } from '../../../i18n'
import { entriesOf } from '../../../lib/plan-record'
import { TerritoryEditorFields } from './territory-editor-fields'
import {
  type EditAccess,
  type PlanView,
  blockedReason,
  useEdit,
} from './territory-editor-ops'
import { TerritoryEditorRestructure } from './territory-editor-restructure'
import '../territory-editor.css'

export interface TerritoryEditorProps extends EditAccess {
  /** The live plan, as plain JSON (reads); edits go to `planDoc`. */
  plan: PlanView
  territoryId: string
  reps: readonly Rep[]
  /** The units selected on the map. */
  selectedUnits: ReadonlySet<string>
  /** unit → [lon, lat], for the proposed split. */
  unitCentroids: ReadonlyMap<string, readonly [number, number]>
  /** unit → weight the proposed split balances (e.g. potential). */
  unitWeights: ReadonlyMap<string, number>
  onSelectTerritory: (id: string | null) => void
  /** Units to highlight on the map while a split is being set up (null: none). */
  onPreview?: (unitIds: readonly string[] | null) => void
}

/**
 * Everything a planner changes about the selected territory: its name, colour, rep, region
 * and lock; the map selection moved into it or (un)locked; merge, split and delete. Every
 * control is disabled, with the reason shown, when this user cannot write.
 */
export function TerritoryEditor(props: TerritoryEditorProps) {
  const { plan, territoryId, selectedUnits } = props
  const { t } = useTranslation()
  const edit = useEdit(props)
  const record = plan.territories.find(
    (t) => t.id === territoryId && t.kind === 'territory',
  )
  // Listed with `entriesOf`: the live plan's records are versions behind a proxy, which
  // `Object.keys` asks once per key (≈170 ms on a 124,000-unit layer, on every edit).
  const units = useMemo(() => {
    const found: string[] = []
    for (const [u, t] of entriesOf(plan.assignments))
      if (t === territoryId) found.push(u)
    return found
  }, [plan.assignments, territoryId])
  const overrides = useMemo(() => {
    let n = 0
    for (const [, t] of entriesOf(plan.accountOverrides))
      if (t === territoryId) n++
    return n
  }, [plan.accountOverrides, territoryId])
  const lockedSelected = useMemo(() => {
    const locked = new Set(plan.lockedUnits)
    let n = 0
    for (const u of selectedUnits) if (locked.has(u)) n++
    return n
  }, [plan.lockedUnits, selectedUnits])

  if (!record)
    return (
      <section className="territory-editor" data-testid="territory-editor">
        <p className="te-hint" data-testid="territory-editor-gone">
          {t('territories.editor.gone')}
        </p>
      </section>
    )

  const reason = blockedReason(props)
  const disabled = reason !== null
  const selected = selectedUnits.size

  const moveSelection = () => {
    const outcome = edit((doc) =>
      props.ops.assignUnits(doc, selectedUnits, record.id),
    )
    if (!outcome?.ok) return
    const left = [
      outcome.skippedLockedUnits
        ? t('territories.editor.lockedStayed', {
            count: outcome.skippedLockedUnits,
          })
        : '',
      outcome.skippedLocked
        ? t('territories.editor.lockedTerritoriesStayed', {
            count: outcome.skippedLocked,
          })
        : '',
    ].filter(Boolean)
    const units = t('common.count.unit', { count: outcome.moved })
    props.onMessage(
      left.length
        ? t('territories.editor.movedWithLeft', {
            units,
            name: record.name,
            left: left.join('; '),
          })
        : t('territories.editor.moved', { units, name: record.name }),
    )
  }
  const lockSelection = (locked: boolean) => {
    const outcome = edit((doc) =>
      props.ops.setUnitsLocked(doc, selectedUnits, locked),
    )
    if (outcome?.ok)
      props.onMessage(
        t(
          locked
            ? 'territories.editor.lockedUnits'
            : 'territories.editor.unlockedUnits',
          { units: t('common.count.unit', { count: outcome.changed }) },
        ),
      )
  }

  return (
    <section
      className="territory-editor"
      aria-labelledby="territory-editor-title"
      data-testid="territory-editor"
      data-territory-id={record.id}
    >
      <header className="territory-editor__header">
        <span
          className="swatch swatch--large"
          style={{ background: record.color }}
          aria-hidden
        />
        <h3 id="territory-editor-title" className="territory-editor__title">
          {record.name}
        </h3>
        {record.locked ? (
          <span className="badge">{t('territories.editor.locked')}</span>
        ) : null}
        <span className="territory-editor__meta">
          {t('common.count.unit', { count: units.length })}
        </span>
      </header>
      {reason ? (
        <p className="te-readonly" data-testid="territory-editor-readonly">
          {reason}
        </p>
      ) : null}
      <TerritoryEditorFields
        key={`fields:${record.id}`}
        access={props}
        record={record}
        territories={plan.territories}
        reps={props.reps}
        disabled={disabled}
      />
      <div className="te-section">
        <h4 className="te-section__title">
          {t('territories.editor.mapSelection')}
        </h4>
        <p className="te-hint" data-testid="territory-selection-count">
          {selected === 0
            ? t('territories.editor.selectHint')
            : lockedSelected
              ? t('territories.editor.selectedLocked', {
                  count: selected,
                  locked: lockedSelected,
                })
              : t('territories.editor.selected', { count: selected })}
        </p>
        <div className="te-actions">
          <button
            type="button"
            className="button button--secondary te-button"
            disabled={disabled || selected === 0 || record.locked}
            onClick={moveSelection}
            data-testid="territory-move-selection"
          >
            {t('territories.editor.moveHere')}
          </button>
          <button
            type="button"
            className="button button--secondary te-button"
            disabled={disabled || selected === lockedSelected}
            onClick={() => lockSelection(true)}
            data-testid="units-lock"
          >
            {t('territories.editor.lockUnits')}
          </button>
          <button
            type="button"
            className="button button--secondary te-button"
            disabled={disabled || lockedSelected === 0}
            onClick={() => lockSelection(false)}
            data-testid="units-unlock"
          >
            {t('territories.editor.unlockUnits')}
          </button>
        </div>
      </div>
      <TerritoryEditorRestructure
        key={`restructure:${record.id}`}
        access={props}
        record={record}
        territories={plan.territories}
        units={units}
        overrides={overrides}
        selectedUnits={selectedUnits}
        unitCentroids={props.unitCentroids}
        unitWeights={props.unitWeights}
        disabled={disabled}
        onSelectTerritory={props.onSelectTerritory}
        onPreview={props.onPreview}
      />
    </section>
  )
}
