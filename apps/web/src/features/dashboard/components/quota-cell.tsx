import { useRef, useState } from 'react'
import { formatDollars, formatMoney } from '../lib/figures'
import { parseQuota } from '../lib/quota-input'
import { useTranslation } from '../../../i18n'

/**
 * A territory's quota: the figure, marked when it is the default; for planners and
 * managers a button that turns into a field (Enter or leaving it saves, Escape cancels; an
 * empty field goes back to the default).
 */
export function QuotaCell({
  territoryName,
  quota,
  isDefault,
  canEdit,
  saving,
  onSave,
}: {
  territoryName: string
  quota: number
  isDefault: boolean
  canEdit: boolean
  saving: boolean
  onSave: (amount: number | null) => Promise<unknown>
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  // Enter saves and removes the field, which may blur it: one save, not two.
  const closing = useRef(false)
  const shown = (
    <>
      {formatMoney(quota)}
      {isDefault ? (
        <abbr
          className="dashboard-default"
          title={t('dashboard.quota.defaultTitle')}
        >
          {t('dashboard.quota.estimate')}
        </abbr>
      ) : null}
    </>
  )
  if (!canEdit) return <span className="dashboard-quota">{shown}</span>
  if (draft === null)
    return (
      <button
        type="button"
        className="dashboard-quota dashboard-quota--edit"
        aria-label={t(
          isDefault ? 'dashboard.quota.editDefault' : 'dashboard.quota.edit',
          { name: territoryName, amount: formatDollars(quota) },
        )}
        disabled={saving}
        onClick={(e) => {
          e.stopPropagation()
          setProblem(null)
          closing.current = false
          setDraft(isDefault ? '' : String(Math.round(quota)))
        }}
      >
        {shown}
      </button>
    )
  const save = () => {
    if (closing.current) return
    const text = draft
    const amount = parseQuota(text)
    if (amount === 'invalid') {
      setProblem(t('dashboard.quota.invalid'))
      return
    }
    const unchanged =
      amount === null ? isDefault : amount === quota && !isDefault
    closing.current = true
    setDraft(null)
    if (!unchanged)
      onSave(amount).catch((error: unknown) => {
        closing.current = false
        setDraft(text)
        setProblem(
          error instanceof Error
            ? error.message
            : t('dashboard.quota.notSaved'),
        )
      })
  }
  return (
    <span
      className="dashboard-quota-field"
      onClick={(e) => e.stopPropagation()}
    >
      <input
        autoFocus
        inputMode="decimal"
        aria-label={t('dashboard.quota.field', { name: territoryName })}
        placeholder={formatDollars(quota)}
        value={draft}
        onFocus={(e) => e.target.select()}
        aria-invalid={problem !== null}
        onChange={(e) => {
          setDraft(e.target.value)
          setProblem(null)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save()
          if (e.key === 'Escape') {
            e.stopPropagation()
            closing.current = true
            setDraft(null)
            setProblem(null)
          }
        }}
        onBlur={save}
      />
      {problem ? (
        <span className="dashboard-quota-field__problem" role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  )
}
