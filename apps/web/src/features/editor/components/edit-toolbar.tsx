import { i18n, useTranslation } from '../../../i18n'
import '../editor.css'

/**
 * The map tools. `rectangle` and `lasso` select units (for a bulk move); their names match
 * the presence vocabulary, so collaborators see which tool someone holds.
 */
export type EditorTool = 'select' | 'paint' | 'rectangle' | 'lasso'
export type LinkStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline'

interface EditToolbarProps {
  tool: EditorTool
  onTool: (tool: EditorTool) => void
  canUndo: boolean
  canRedo: boolean
  onUndo: () => void
  onRedo: () => void
  /** Why this user may not edit here; null when they may. */
  readOnlyReason: string | null
  /** The territory the brush paints with. */
  brushName: string | null
  status: LinkStatus
  pendingEdits: number
  onHelp: () => void
}

const statusText = (status: LinkStatus, pending: number): string => {
  const text = i18n.t(`editor.status.${status}`)
  // Edits made while the link is down wait to be sent; said only then.
  return pending > 0 && (status === 'reconnecting' || status === 'offline')
    ? i18n.t('editor.status.waiting', { status: text, count: pending })
    : text
}

/**
 * The editor's tools over the map: select, paint (with the territory the brush paints
 * with), rectangle and lasso unit selection, undo and redo (your own edits only), and the link to the hub. When the role or the
 * scenario does not allow edits, the tools are shown disabled with the reason.
 */
export function EditToolbar(props: EditToolbarProps) {
  const { tool, onTool, readOnlyReason, status, pendingEdits } = props
  const { t } = useTranslation()
  const disabled = readOnlyReason !== null
  return (
    <div
      className="edit-toolbar"
      role="toolbar"
      aria-label={t('editor.toolbar.label')}
      data-testid="edit-toolbar"
      data-readonly={disabled}
    >
      <div className="edit-toolbar__group">
        <ToolButton
          icon="M3.5 2.5 12 8.2l-3.7.8 2.2 4.3-1.6.8-2.2-4.3-2.7 2.6z"
          label={t('editor.toolbar.select')}
          title={t('editor.toolbar.selectTitle')}
          active={tool === 'select'}
          onClick={() => onTool('select')}
          testId="tool-select"
        />
        <ToolButton
          icon="M10.5 2.5l3 3-6 6-3-3zM4.5 8.5l3 3-1.2 1.2c-.8.8-2.6 1-3.8.8.2-1.2 0-3 .8-3.8z"
          label={t('editor.toolbar.paint')}
          title={readOnlyReason ?? t('editor.toolbar.paintTitle')}
          active={tool === 'paint'}
          disabled={disabled}
          onClick={() => onTool('paint')}
          testId="tool-paint"
        />
        <ToolButton
          icon="M2.5 5V3.5H4M6.5 3.5h3M12 3.5h1.5V5M13.5 7.5v1M13.5 11v1.5H12M9.5 12.5h-3M4 12.5H2.5V11M2.5 8.5v-1"
          label={t('editor.toolbar.rectangle')}
          title={readOnlyReason ?? t('editor.toolbar.rectangleTitle')}
          active={tool === 'rectangle'}
          disabled={disabled}
          onClick={() => onTool('rectangle')}
          testId="tool-rectangle"
        />
        <ToolButton
          icon="M8 3c3 0 5.5 1.3 5.5 3.2S11 9.5 8 9.5 2.5 8.1 2.5 6.2 5 3 8 3zM5 9c-.8.9-.7 2 .2 2.5s1.8.5 1.3 2"
          label={t('editor.toolbar.lasso')}
          title={readOnlyReason ?? t('editor.toolbar.lassoTitle')}
          active={tool === 'lasso'}
          disabled={disabled}
          onClick={() => onTool('lasso')}
          testId="tool-lasso"
        />
      </div>
      <div className="edit-toolbar__group">
        <ToolButton
          icon="M5.5 3.5 2.5 6.5l3 3M2.5 6.5h7a4 4 0 0 1 0 8h-2"
          title={t('editor.toolbar.undoTitle')}
          ariaLabel={t('editor.toolbar.undo')}
          disabled={disabled || !props.canUndo}
          onClick={props.onUndo}
          testId="undo"
        />
        <ToolButton
          icon="M10.5 3.5l3 3-3 3M13.5 6.5h-7a4 4 0 0 0 0 8h2"
          title={t('editor.toolbar.redoTitle')}
          ariaLabel={t('editor.toolbar.redo')}
          disabled={disabled || !props.canRedo}
          onClick={props.onRedo}
          testId="redo"
        />
        <ToolButton
          icon="M6 6a2 2 0 1 1 3 1.7c-.6.4-1 .9-1 1.6V10M8 12.5v.5"
          title={t('editor.toolbar.shortcutsTitle')}
          ariaLabel={t('editor.toolbar.shortcuts')}
          onClick={props.onHelp}
          testId="shortcuts"
        />
      </div>
      <div className="edit-toolbar__info">
        {disabled ? (
          <span
            className="edit-toolbar__readonly"
            data-testid="read-only-reason"
          >
            {readOnlyReason}
          </span>
        ) : tool === 'paint' ? (
          <span className="edit-toolbar__brush" data-testid="brush">
            {props.brushName
              ? t('editor.toolbar.paintingInto', { name: props.brushName })
              : t('editor.toolbar.pickToPaint')}
          </span>
        ) : tool === 'rectangle' || tool === 'lasso' ? (
          <span className="edit-toolbar__brush" data-testid="selection-hint">
            {tool === 'rectangle'
              ? t('editor.toolbar.rectangleHint')
              : t('editor.toolbar.lassoHint')}{' '}
            {t('editor.toolbar.shiftAdds')}
          </span>
        ) : null}
        <span
          className={`edit-toolbar__status is-${status}`}
          role="status"
          data-testid="connection-status"
        >
          <span className="edit-toolbar__dot" aria-hidden />
          {statusText(status, pendingEdits)}
        </span>
      </div>
    </div>
  )
}

function ToolButton(props: {
  icon: string
  label?: string
  ariaLabel?: string
  title: string
  active?: boolean
  disabled?: boolean
  onClick: () => void
  testId: string
}) {
  return (
    <button
      type="button"
      className={`edit-toolbar__tool${props.active ? ' is-active' : ''}`}
      aria-pressed={props.active}
      aria-label={props.ariaLabel}
      onClick={props.onClick}
      disabled={props.disabled}
      title={props.title}
      data-testid={props.testId}
    >
      <svg viewBox="0 0 16 16" aria-hidden>
        <path d={props.icon} />
      </svg>
      {props.label ? <span>{props.label}</span> : null}
    </button>
  )
}
