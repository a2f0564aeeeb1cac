import { useTranslation } from '../i18n'

/** A dialog's title (what `aria-labelledby` names) and its close button. */
export function DialogHeader({
  className,
  titleId,
  title,
  onClose,
}: {
  className: string
  titleId: string
  title: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  return (
    <header className={className}>
      <h2 id={titleId}>{title}</h2>
      <button
        type="button"
        className="button button--ghost"
        onClick={onClose}
        aria-label={t('common.close')}
      >
        ✕
      </button>
    </header>
  )
}
