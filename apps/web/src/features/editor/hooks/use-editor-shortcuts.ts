import { useEffect } from 'react'
import type { EditorTool } from '../components/edit-toolbar'

/**
 * The editor's keys: V select, B paint, Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z or Ctrl+Y redo. Keys
 * typed into a field (a search box, a name) are left alone.
 */
export function useEditorShortcuts(handlers: {
  enabled: boolean
  setTool: (tool: EditorTool) => void
  undo: () => void
  redo: () => void
}) {
  const { enabled, setTool, undo, redo } = handlers
  useEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      if (
        target &&
        (target.isContentEditable ||
          ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
      )
        return
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
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [enabled, setTool, undo, redo])
}
