import { useEffect, useRef } from 'react'

/**
 * Drives a native `<dialog>` from React state: shown as a modal while `open`, closed when
 * not. (Closing by Esc fires the dialog's `close` event; the owner updates `open` there.)
 */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (open && !d.open) d.showModal()
    if (!open && d.open) d.close()
  }, [open])
  return ref
}
