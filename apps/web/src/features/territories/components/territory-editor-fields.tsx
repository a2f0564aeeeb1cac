import { type Rep, type TerritoryRecord, territoryColor } from '@tessera/domain'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from '../../../i18n'
import { InlineRename } from './territory-editor-name'
import { type EditAccess, regionsByName, useEdit } from './territory-editor-ops'

/** How many unused palette colours to offer. */
const PALETTE_SIZE = 10

interface FieldsProps {
  access: EditAccess
  record: TerritoryRecord
  territories: readonly TerritoryRecord[]
  reps: readonly Rep[]
  disabled: boolean
}

/** Name, colour, rep, region and lock of one territory. */
export function TerritoryEditorFields({
  access,
  record,
  territories,
  reps,
  disabled,
}: FieldsProps) {
  const { t } = useTranslation()
  const edit = useEdit(access)
  const id = useId()
  const regions = useMemo(() => regionsByName(territories), [territories])
  const repTerritories = useMemo(() => {
    const byRep = new Map<string, string[]>()
    for (const t of territories)
      if (t.kind === 'territory' && t.repId && t.id !== record.id)
        byRep.set(t.repId, [...(byRep.get(t.repId) ?? []), t.name])
    return byRep
  }, [territories, record.id])
  const sortedReps = useMemo(
    () => [...reps].sort((a, b) => a.name.localeCompare(b.name)),
    [reps],
  )
  // A rep or region the document names but this list lacks still shows as chosen.
  const repMissing =
    record.repId !== null && !reps.some((r) => r.id === record.repId)
  const regionMissing =
    record.parentId !== null && !regions.some((r) => r.id === record.parentId)

  return (
    <div className="te-section te-fields">
      <InlineRename
        label={t('territories.editor.name')}
        value={record.name}
        validate={(typed) =>
          access.ops.checkName(territories, typed, {
            kind: 'territory',
            parentId: record.parentId,
            exceptId: record.id,
          })
        }
        onCommit={(name) =>
          edit((plan) => access.ops.renameTerritory(plan, record.id, name), {
            quiet: true,
          })
        }
        disabled={disabled}
        testId="territory-name"
      />
      <ColorField
        access={access}
        record={record}
        territories={territories}
        disabled={disabled}
      />
      <div className="te-grid">
        <div className="te-field">
          <label htmlFor={`${id}-rep`} className="te-field__label">
            {t('territories.editor.rep')}
          </label>
          <select
            id={`${id}-rep`}
            className="te-input"
            value={record.repId ?? ''}
            disabled={disabled}
            onChange={(e) =>
              edit((plan) =>
                access.ops.setTerritoryRep(
                  plan,
                  record.id,
                  e.target.value || null,
                ),
              )
            }
            data-testid="territory-rep"
          >
            <option value="">{t('territories.editor.noRep')}</option>
            {repMissing ? (
              <option value={record.repId!}>
                {t('territories.editor.unknownRep')}
              </option>
            ) : null}
            {sortedReps.map((r) => {
              const others = repTerritories.get(r.id)
              return (
                <option key={r.id} value={r.id}>
                  {others
                    ? t('territories.editor.repAlso', {
                        name: r.name,
                        others: others.join(', '),
                      })
                    : r.name}
                </option>
              )
            })}
          </select>
        </div>
        <div className="te-field">
          <label htmlFor={`${id}-region`} className="te-field__label">
            {t('territories.editor.region')}
          </label>
          <select
            id={`${id}-region`}
            className="te-input"
            value={record.parentId ?? ''}
            disabled={disabled}
            onChange={(e) =>
              edit((plan) =>
                access.ops.setTerritoryRegion(
                  plan,
                  record.id,
                  e.target.value || null,
                ),
              )
            }
            data-testid="territory-region"
          >
            <option value="">{t('territories.editor.noRegion')}</option>
            {regionMissing ? (
              <option value={record.parentId!}>
                {t('territories.editor.deletedRegion')}
              </option>
            ) : null}
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label className="te-check">
        <input
          type="checkbox"
          checked={record.locked}
          disabled={disabled}
          onChange={(e) =>
            edit((plan) =>
              access.ops.setTerritoryLocked(plan, record.id, e.target.checked),
            )
          }
          data-testid="territory-locked"
        />
        <span>
          {t('territories.editor.locked')}
          <span className="te-hint"> {t('territories.editor.lockedHint')}</span>
        </span>
      </label>
    </div>
  )
}

/**
 * The colour: a free picker, saved when the picker is closed (not on every drag step, which
 * would flood the document and the undo stack), and a row of palette colours no other
 * territory uses.
 */
function ColorField({
  access,
  record,
  territories,
  disabled,
}: {
  access: EditAccess
  record: TerritoryRecord
  territories: readonly TerritoryRecord[]
  disabled: boolean
}) {
  const { t } = useTranslation()
  const edit = useEdit(access)
  const id = useId()
  const [preview, setPreview] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const palette = useMemo(() => {
    const used = new Set(
      territories
        .filter((t) => t.id !== record.id)
        .map((t) => t.color.toLowerCase()),
    )
    const free: string[] = []
    for (let i = 0; free.length < PALETTE_SIZE; i++) {
      const c = territoryColor(i)
      if (!used.has(c)) free.push(c)
    }
    return free
  }, [territories, record.id])

  const save = (color: string) => {
    setPreview(null)
    if (color.toLowerCase() !== record.color.toLowerCase())
      edit((plan) => access.ops.recolourTerritory(plan, record.id, color))
  }
  // The native `change` event fires once the user settles on a colour; React's onChange
  // fires on every `input` event while dragging. (Re-attached each render: `save` closes
  // over the current record.)
  useEffect(() => {
    const el = input.current
    if (!el) return
    const onCommit = () => save(el.value)
    el.addEventListener('change', onCommit)
    return () => el.removeEventListener('change', onCommit)
  })

  return (
    <div className="te-field">
      <label htmlFor={id} className="te-field__label">
        {t('territories.editor.colour')}
      </label>
      <div className="te-colors">
        <input
          ref={input}
          id={id}
          type="color"
          className="te-color-input"
          value={preview ?? record.color}
          disabled={disabled}
          onChange={(e) => setPreview(e.target.value)}
          data-testid="territory-color"
        />
        <div
          className="te-palette"
          role="group"
          aria-label={t('territories.editor.unusedColours')}
        >
          {palette.map((c) => (
            <button
              key={c}
              type="button"
              className="te-palette__swatch"
              style={{ background: c }}
              disabled={disabled}
              title={c}
              aria-label={t('territories.editor.useColour', { colour: c })}
              onClick={() => save(c)}
              data-testid="territory-palette-color"
            />
          ))}
        </div>
      </div>
    </div>
  )
}
