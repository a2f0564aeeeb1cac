import { useId } from 'react'
import { DialogHeader } from '../../../components/dialog-header'
import { useModalDialog } from '../../../hooks/use-modal-dialog'

/** Every key the editor answers to; the help panel lists exactly these. */
export const SHORTCUTS: readonly { keys: string; does: string }[] = [
  { keys: 'V', does: 'Select: click a territory on the map or in the list' },
  {
    keys: 'B',
    does: 'Paint: drag across units to move them into the selected territory',
  },
  { keys: 'R', does: 'Rectangle: drag a box to select the units it touches' },
  { keys: 'L', does: 'Lasso: draw a loop to select the units inside it' },
  { keys: 'Shift+click', does: 'Add a unit to the selection, or take it out' },
  { keys: 'Shift+drag', does: 'Add a rectangle or lasso to the selection' },
  { keys: 'Ctrl+Z (⌘Z)', does: 'Undo your last edit (never a collaborator’s)' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', does: 'Redo' },
  { keys: 'Esc', does: 'Clear the selection' },
  { keys: '?', does: 'Show this help' },
]

/** The keyboard shortcuts, in a dialog (opened with "?" or the toolbar's help button). */
export function ShortcutsHelp({
  open,
  onClose,
}: {
  open: boolean
  onClose: () => void
}) {
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
        title="Keyboard shortcuts"
        onClose={onClose}
      />
      <dl className="shortcuts-help__list">
        {SHORTCUTS.map((s) => (
          <div key={s.keys}>
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{s.does}</dd>
          </div>
        ))}
      </dl>
    </dialog>
  )
}
