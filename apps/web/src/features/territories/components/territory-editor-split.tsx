import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from '../../../i18n'
import { NameField } from './territory-editor-name'
import { useEdit, useLatest } from './territory-editor-ops'
import type { FormProps } from './territory-editor-restructure'

/**
 * Split: the selected units of this territory, or else a proposed half, go to a new
 * territory whose name the user gives (checked as typed). The units going are previewed on
 * the map while the form is open.
 */
export function SplitForm({
  access,
  record,
  territories,
  units,
  selectedUnits,
  unitCentroids,
  unitWeights,
  onSelectTerritory,
  onPreview,
  onDone,
}: FormProps) {
  const { t } = useTranslation()
  const edit = useEdit(access)
  // The selection's units of this territory, or else the proposed half.
  const { moving, fromSelection } = useMemo(() => {
    const selected = units.filter((u) => selectedUnits.has(u))
    return selected.length > 0
      ? { moving: selected, fromSelection: true }
      : {
          moving: access.ops.proposeSplit(units, unitCentroids, unitWeights),
          fromSelection: false,
        }
  }, [access.ops, units, selectedUnits, unitCentroids, unitWeights])
  const [name, setName] = useState<string>(() =>
    t('territories.split.defaultName', { name: record.name }),
  )
  const [refusal, setRefusal] = useState<string | null>(null)
  const check = access.ops.checkName(territories, name, {
    kind: 'territory',
    parentId: record.parentId,
  })
  const error = refusal ?? (check.ok ? null : check.message)
  // Previewed again only when the units going change, not whenever the page re-renders
  // (its callback and maps may be new objects each time; the plan changes every frame).
  const preview = useLatest(onPreview)
  const movingKey = moving.join('\n')
  useEffect(() => {
    preview.current?.(movingKey === '' ? [] : movingKey.split('\n'))
    return () => preview.current?.(null)
  }, [movingKey, preview])

  const split = () => {
    if (!check.ok || moving.length === 0) return
    const outcome = edit(
      (plan) => access.ops.splitTerritory(plan, record.id, moving, check.name),
      { quiet: true },
    )
    if (!outcome) return
    if (!outcome.ok) {
      setRefusal(outcome.message)
      return
    }
    const names = {
      units: t('common.count.unit', { count: outcome.units }),
      name: record.name,
      into: check.name,
    }
    access.onMessage(
      outcome.skippedLockedUnits
        ? t('territories.split.doneLocked', {
            ...names,
            count: outcome.skippedLockedUnits,
          })
        : t('territories.split.done', names),
    )
    onDone()
    onSelectTerritory(outcome.id)
  }
  const nothing = moving.length === 0
  return (
    <div className="te-confirm" data-testid="territory-split-form">
      <p className="te-confirm__text" data-testid="territory-split-summary">
        {nothing
          ? t('territories.split.tooFew', { name: record.name })
          : t(
              fromSelection
                ? 'territories.split.fromSelection'
                : 'territories.split.proposed',
              {
                units: t('common.count.unit', { count: moving.length }),
                total: units.length,
              },
            )}
      </p>
      <NameField
        label={t('territories.split.newName')}
        value={name}
        onChange={(v) => {
          setName(v)
          setRefusal(null)
        }}
        error={error}
        testId="territory-split-name"
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            split()
          }
        }}
        autoFocus
      />
      <div className="te-actions">
        <button
          type="button"
          className="button button--primary te-button"
          disabled={nothing || !check.ok}
          onClick={split}
          data-testid="territory-split-confirm"
        >
          {t('territories.split.button')}
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
