import { useId, useState } from 'react'
import type { Outcome } from './territory-editor-ops'

interface NameFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  /** The problem with the name as typed, shown under the field; null when it is fine. */
  error: string | null
  disabled?: boolean
  placeholder?: string
  testId: string
  onKeyDown?: (e: React.KeyboardEvent<HTMLInputElement>) => void
  onBlur?: () => void
  autoFocus?: boolean
}

/**
 * A name input with its validation message underneath. No `maxLength`: a pasted name that
 * is too long is kept whole and the message says by how much, rather than being cut silently.
 */
export function NameField({
  label,
  value,
  onChange,
  error,
  disabled,
  placeholder,
  testId,
  onKeyDown,
  onBlur,
  autoFocus,
}: NameFieldProps) {
  const id = useId()
  return (
    <div className="te-field">
      <label htmlFor={id} className="te-field__label">
        {label}
      </label>
      <input
        id={id}
        className="te-input"
        type="text"
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        autoFocus={autoFocus}
        data-testid={testId}
      />
      {error ? (
        <p
          id={`${id}-error`}
          className="te-field__error"
          role="alert"
          data-testid={`${testId}-error`}
        >
          {error}
        </p>
      ) : null}
    </div>
  )
}

interface InlineRenameProps {
  label: string
  /** The saved name; shown again whenever the user is not editing. */
  value: string
  /** Checks a typed name (the same check the edit makes), for a message while typing. */
  validate: (typed: string) => Outcome<{ name: string }>
  /** Saves the name; a refusal's message is shown under the field. */
  onCommit: (name: string) => Outcome | null
  disabled: boolean
  testId: string
}

/**
 * Rename in place: type, then Enter or leave the field to save; Esc goes back. The typed
 * text is never thrown away on a refusal: it stays, with the reason under it.
 */
export function InlineRename({
  label,
  value,
  validate,
  onCommit,
  disabled,
  testId,
}: InlineRenameProps) {
  // null: not editing, show the saved name (and follow a collaborator's rename).
  const [draft, setDraft] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const editing = draft !== null && draft.trim() !== value
  const check = editing ? validate(draft) : null
  const error = refusal ?? (check && !check.ok ? check.message : null)

  const commit = () => {
    if (!editing || !check?.ok) return
    const outcome = onCommit(check.name)
    if (outcome?.ok) {
      setDraft(null)
      setRefusal(null)
    } else if (outcome) setRefusal(outcome.message)
  }
  return (
    <NameField
      label={label}
      value={draft ?? value}
      onChange={(typed) => {
        setDraft(typed)
        setRefusal(null)
      }}
      error={error}
      disabled={disabled}
      testId={testId}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault()
          commit()
        } else if (e.key === 'Escape') {
          // Esc here cancels the rename, not the page's selection.
          e.stopPropagation()
          setDraft(null)
          setRefusal(null)
        }
      }}
      onBlur={commit}
    />
  )
}
