import type { TerritoryRecord } from '@tessera/domain'
import { useId, useMemo, useState } from 'react'
import { useTranslation } from '../../../i18n'
import { NameField } from './territory-editor-name'
import {
  type EditAccess,
  blockedReason,
  regionsByName,
  useEdit,
} from './territory-editor-ops'
import '../territory-editor.css'

interface NewTerritoryButtonProps extends EditAccess {
  territories: readonly TerritoryRecord[]
  /** The region the form starts with (e.g. the selected territory's); null for none. */
  defaultRegionId: string | null
  onSelectTerritory: (id: string) => void
}

/**
 * "New territory": a small form (name, region) that creates an empty territory with a
 * colour no other uses, then selects it so the user can paint it at once.
 */
export function NewTerritoryButton(props: NewTerritoryButtonProps) {
  const { territories, defaultRegionId, ops } = props
  const { t } = useTranslation()
  const edit = useEdit(props)
  const id = useId()
  const reason = blockedReason(props)
  const regions = useMemo(() => regionsByName(territories), [territories])
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [regionId, setRegionId] = useState(defaultRegionId ?? '')
  const [touched, setTouched] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const parentId = regions.some((r) => r.id === regionId) ? regionId : null
  const check = ops.checkName(territories, name, {
    kind: 'territory',
    parentId,
  })
  // An empty field is not an error until the user tries to create.
  const error = refusal ?? (touched && !check.ok ? check.message : null)

  const close = () => {
    setOpen(false)
    setName('')
    setTouched(false)
    setRefusal(null)
  }
  const create = (e: React.FormEvent) => {
    e.preventDefault()
    setTouched(true)
    if (!check.ok) return
    const outcome = edit(
      (plan) => ops.createTerritory(plan, { name: check.name, parentId }),
      { quiet: true },
    )
    if (!outcome) return
    if (!outcome.ok) {
      setRefusal(outcome.message)
      return
    }
    props.onMessage(t('territories.create.created', { name: check.name }))
    close()
    props.onSelectTerritory(outcome.id)
  }

  if (!open)
    return (
      <button
        type="button"
        className="button button--secondary te-button"
        disabled={reason !== null}
        title={reason ?? undefined}
        onClick={() => {
          setRegionId(defaultRegionId ?? '')
          setOpen(true)
        }}
        data-testid="new-territory-button"
      >
        {t('territories.create.button')}
      </button>
    )
  return (
    <form
      className="te-confirm te-new"
      onSubmit={create}
      aria-label={t('territories.create.button')}
      data-testid="new-territory-form"
    >
      <NameField
        label={t('territories.editor.name')}
        value={name}
        onChange={(v) => {
          setName(v)
          setTouched(true)
          setRefusal(null)
        }}
        error={error}
        placeholder={t('territories.create.placeholder')}
        testId="new-territory-name"
        autoFocus
      />
      <div className="te-field">
        <label htmlFor={id} className="te-field__label">
          {t('territories.editor.region')}
        </label>
        <select
          id={id}
          className="te-input"
          value={parentId ?? ''}
          onChange={(e) => {
            setRegionId(e.target.value)
            setRefusal(null)
          }}
          data-testid="new-territory-region"
        >
          <option value="">{t('territories.editor.noRegion')}</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <div className="te-actions">
        <button
          type="submit"
          className="button button--primary te-button"
          disabled={reason !== null}
          data-testid="new-territory-submit"
        >
          {t('territories.create.submit')}
        </button>
        <button
          type="button"
          className="button button--ghost te-button"
          onClick={close}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
