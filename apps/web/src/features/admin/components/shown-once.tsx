import { type ReactNode, useState } from 'react'
import { useTranslation } from '../../../i18n'

/**
 * A secret the server shows only now (a new API key, a webhook's signing secret), with a
 * copy button. Once dismissed it is gone: only its hash or the server keeps it.
 */
export function ShownOnce({
  label,
  value,
  children,
  onDone,
}: {
  label: string
  value: string
  children?: ReactNode
  onDone: () => void
}) {
  const { t } = useTranslation()
  return (
    <div className="integrations-once" role="status" data-testid="shown-once">
      <p className="integrations-once__title">
        {t('admin.shownOnce', { label })}
      </p>
      <div className="integrations-once__value">
        <code>{value}</code>
        <CopyButton text={value} />
      </div>
      {children}
      <button type="button" className="button" onClick={onDone}>
        {t('admin.done')}
      </button>
    </div>
  )
}

/** Copies text to the clipboard and says so for a moment. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation()
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  return (
    <button
      type="button"
      className="button button--secondary"
      onClick={() => {
        void navigator.clipboard.writeText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        )
        setTimeout(() => setState('idle'), 2_000)
      }}
    >
      {state === 'copied'
        ? t('admin.copied')
        : state === 'failed'
          ? t('admin.selectAndCopy')
          : (label ?? t('admin.copy'))}
    </button>
  )
}
