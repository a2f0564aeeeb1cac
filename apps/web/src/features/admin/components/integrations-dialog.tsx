import { useId } from 'react'
import { DialogHeader } from '../../../components/dialog-header'
import { useModalDialog } from '../../../hooks/use-modal-dialog'
import { useTranslation } from '../../../i18n'
import { ApiKeysSection } from './api-keys-section'
import { CurrenciesSection } from './currencies-section'
import { WebhooksSection } from './webhooks-section'

/**
 * Settings and integrations, for admins (opened from "Users…"): the organization's
 * currencies and distance unit, API keys for the plain HTTP lead-routing endpoint, and
 * webhooks told when an alignment takes effect.
 */
export function IntegrationsDialog({
  open,
  onClose,
}: {
  open: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const ref = useModalDialog(open)
  const titleId = useId()
  return (
    <dialog
      ref={ref}
      className="modal-dialog admin-dialog"
      aria-labelledby={titleId}
      onClose={(e) => {
        // Opened from inside the users dialog: React passes `close` up its tree, and that
        // dialog would close too.
        e.stopPropagation()
        onClose()
      }}
      data-testid="integrations-dialog"
    >
      <DialogHeader
        className="modal-dialog__head"
        titleId={titleId}
        title={t('admin.integrationsTitle')}
        onClose={onClose}
      />
      <div className="admin-dialog__scroll integrations-body">
        <CurrenciesSection enabled={open} />
        <ApiKeysSection enabled={open} />
        <WebhooksSection enabled={open} />
      </div>
    </dialog>
  )
}
