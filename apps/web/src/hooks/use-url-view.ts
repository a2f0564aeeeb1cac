import { useCallback, useEffect, useState } from 'react'

/** The app's pages besides the plan workspace, named in the address (`?view=`). */
export type AppView = 'my-changes' | 'report'

const VIEWS: readonly AppView[] = ['my-changes', 'report']

function read(): AppView | null {
  const v = new URLSearchParams(window.location.search).get('view')
  return VIEWS.includes(v as AppView) ? (v as AppView) : null
}

/**
 * Which page shows, kept in the address so a link (a notification, an email) opens it and
 * the browser's back button leaves it. Changing it pushes a history entry.
 */
export function useUrlView() {
  const [view, setViewState] = useState<AppView | null>(read)
  useEffect(() => {
    const onPop = () => setViewState(read())
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])
  const setView = useCallback((next: AppView | null) => {
    const url = new URL(window.location.href)
    if (next) url.searchParams.set('view', next)
    else url.searchParams.delete('view')
    if (url.href !== window.location.href)
      window.history.pushState(null, '', url)
    setViewState(next)
  }, [])
  return [view, setView] as const
}
