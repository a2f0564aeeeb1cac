import { useEffect } from 'react'
import type { EditorTool } from '../components/edit-toolbar'

/**
 * The editor's keys (listed in `SHORTCUTS`, the help panel): V select, B paint, R rectangle,
 * L lasso, Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z or Ctrl+Y redo, ? help. Keys typed into a field (a search box, a
 * name) are left alone.
 */
export function useEditorShortcuts(handlers: {
  enabled: boolean
  setTool: (tool: EditorTool) => void
  undo: () => void
  redo: () => void
  /** "?" works for everyone, editors or not. */
  showHelp: () => void
}) {
  const { enabled, setTool, undo, redo, showHelp } = handlers
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      if (target && typesText(target)) return
      if (e.key === '?') {
        showHelp()
        return
      }
      if (!enabled) return
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      if (mod && key === 'z') {
        e.preventDefault()
        if (e.shiftKey) redo()
        else undo()
      } else if (mod && key === 'y') {
        e.preventDefault()
        redo()
      } else if (!mod && !e.altKey && key === 'v') setTool('select')
      else if (!mod && !e.altKey && key === 'b') setTool('paint')
      else if (!mod && !e.altKey && key === 'r') setTool('rectangle')
      else if (!mod && !e.altKey && key === 'l') setTool('lasso')
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [enabled, setTool, undo, redo, showHelp])
}

// Controls that take typed keys. A checkbox or a button does not: after ticking one (say,
// a map layer), "R" should still pick the rectangle.
const NON_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
])

function typesText(target: HTMLElement): boolean {
  if (target.isContentEditable) return true
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true
  return (
    target.tagName === 'INPUT' &&
    !NON_TEXT_INPUTS.has((target as HTMLInputElement).type)
  )
}
