import { type PlanState, planDocName, readPlanState } from '@tessera/domain'
import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export interface LivePlan {
  plan: PlanState | null
  /** The document has synced with the hub at least once. */
  synced: boolean
  /** Bumped on every change, local or remote, so scores can follow. */
  version: number
}

/**
 * The scenario's plan document, live from the hub over the y-websocket protocol: every
 * edit anyone makes shows here without a page action. Re-reads the plan at most once per
 * animation frame, however many updates arrive. The session cookie rides along on the
 * websocket (same origin).
 */
export function useLivePlan(scenarioId: string | null): LivePlan {
  const [live, setLive] = useState<LivePlan>({
    plan: null,
    synced: false,
    version: 0,
  })
  useEffect(() => {
    setLive({ plan: null, synced: false, version: 0 })
    if (!scenarioId) return
    const doc = new Y.Doc()
    const origin = window.location.origin.replace(/^http/, 'ws')
    const provider = new WebsocketProvider(
      `${origin}/yjs`,
      planDocName(scenarioId),
      doc,
    )
    let frame = 0
    const read = () => {
      frame = 0
      setLive((l) => ({
        ...l,
        plan: readPlanState(doc),
        synced: provider.synced || l.synced,
        version: l.version + 1,
      }))
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read)
    }
    doc.on('update', schedule)
    provider.on('sync', (synced: boolean) => {
      if (synced) schedule()
    })
    return () => {
      if (frame) cancelAnimationFrame(frame)
      doc.off('update', schedule)
      provider.destroy()
      doc.destroy()
    }
  }, [scenarioId])
  return live
}
