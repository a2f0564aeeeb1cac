import { useEffect, useState, useSyncExternalStore } from 'react'

/**
 * Whether the map has drawn its first frame with a plan on this page. Work the first view
 * does not need (the scoring worker's 0.9 MB model) waits for it, so it does not compete
 * with the map's own data and set-up on a slow connection or a slow machine.
 */
let drawn = false
const listeners = new Set<() => void>()

export function markMapDrawn(): void {
  if (drawn) return
  drawn = true
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** True once the map has drawn, or after `fallbackMs` (a map that cannot draw holds nothing up). */
export function useMapDrawn(fallbackMs = 4000): boolean {
  const isDrawn = useSyncExternalStore(
    subscribe,
    () => drawn,
    () => false,
  )
  const [waited, setWaited] = useState(false)
  useEffect(() => {
    if (isDrawn) return
    const timer = setTimeout(() => setWaited(true), fallbackMs)
    return () => clearTimeout(timer)
  }, [isDrawn, fallbackMs])
  return isDrawn || waited
}
