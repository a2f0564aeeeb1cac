import { useId } from 'react'
import { DialogHeader } from '../../../components/dialog-header'
import { useModalDialog } from '../../../hooks/use-modal-dialog'
import { useTranslation } from '../../../i18n'

/**
 * Every key the editor answers to; the help panel lists exactly these (what each does:
 * `editor.shortcuts.<does>`). Key names stay as printed on keyboards.
 */
export const SHORTCUTS = [
  { keys: 'V', does: 'select' },
  { keys: 'B', does: 'paint' },
  { keys: 'R', does: 'rectangle' },
  { keys: 'L', does: 'lasso' },
  { keys: 'Shift+click', does: 'shiftClick' },
  { keys: 'Shift+drag', does: 'shiftDrag' },
  { keys: 'Ctrl+Z (⌘Z)', does: 'undo' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', does: 'redo' },
  { keys: 'Esc', does: 'escape' },
  { keys: '?', does: 'help' },
] as const

/** The keyboard shortcuts, in a dialog (opened with "?" or the toolbar's help button). */
export function ShortcutsHelp({
  open,
  onClose,
}: {
  open: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const ref = useModalDialog(open)
  const id = useId()
  return (
    <dialog
      ref={ref}
      className="shortcuts-help"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      data-testid="shortcuts-help"
    >
      <DialogHeader
        className="shortcuts-help__head"
        titleId={`${id}-title`}
        title={t('editor.shortcuts.title')}
        onClose={onClose}
      />
      <dl className="shortcuts-help__list">
        {SHORTCUTS.map((s) => (
          <div key={s.keys}>
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{t(`editor.shortcuts.${s.does}`)}</dd>
          </div>
        ))}
      </dl>
    </dialog>
  )
}
