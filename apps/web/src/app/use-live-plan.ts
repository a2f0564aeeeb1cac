import {
  type PlanDoc,
  type PlanState,
  type Presence,
  type PublicUser,
  openPlanDoc,
  parsePresence,
  planDocName,
  presenceColor,
} from '@tessera/domain'
import {
  startTransition,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react'
import { type PlanChangeSet, watchPlanChanges } from '../lib/plan-changes'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { nextPlanState } from './live-plan-state'

/** Someone else in the document right now (one entry per browser tab). */
export interface Peer extends Presence {
  clientId: number
}

/** The link to the hub, as the connection indicator shows it. */
export type ConnectionStatus =
  'connecting' | 'connected' | 'reconnecting' | 'offline'

export interface LivePlan {
  plan: PlanState | null
  /** The live document (for edits); null until a scenario is open. */
  planDoc: PlanDoc | null
  status: ConnectionStatus
  /** Local edits made since the link dropped, not yet sent. */
  pendingEdits: number
  /** The document has synced with the hub at least once. */
  synced: boolean
  /** Bumped on every change, local or remote, so scores can follow. */
  version: number
  /** The other people in this document, with their pointer, selection and tool. */
  peers: Peer[]
  /** Shares this tab's pointer / selection / tool (sent at most ~10 times a second). */
  setPresence: (change: Partial<Omit<Presence, 'user'>>) => void
}

/** Least time between two presence messages this tab sends (the hub throttles too). */
const PRESENCE_MS = 100

/**
 * The scenario's plan document, live from the hub over the y-websocket protocol: every
 * edit anyone makes shows here without a page action. Re-reads the plan at most once per
 * animation frame, however many updates arrive. The session cookie rides along on the
 * websocket (same origin). Presence (awareness) says who this is and, as the user moves,
 * where; other people's presence is parsed (any client may send anything) and exposed.
 */
export function useLivePlan(
  scenarioId: string | null,
  user: PublicUser,
  canWrite: boolean,
): LivePlan {
  const empty: Omit<LivePlan, 'setPresence'> = {
    plan: null,
    planDoc: null,
    status: 'connecting',
    pendingEdits: 0,
    synced: false,
    version: 0,
    peers: [],
  }
  const [live, setLive] = useState<Omit<LivePlan, 'setPresence'>>(empty)
  const providerRef = useRef<WebsocketProvider | null>(null)
  const pending = useRef<Partial<Presence> | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const lastSent = useRef(0)

  useEffect(() => {
    setLive(empty)
    if (!scenarioId) return
    const doc = new Y.Doc()
    const origin = window.location.origin.replace(/^http/, 'ws')
    const provider = new WebsocketProvider(
      `${origin}/yjs`,
      planDocName(scenarioId),
      doc,
    )
    providerRef.current = provider
    // A writer's replica tidies and migrates the document; a reader's never writes.
    const planDoc = openPlanDoc(doc, { canWrite })
    // A writer's copy is also kept in the browser (IndexedDB), per user: edits made offline
    // survive a reload and go to the hub when the link is back.
    const local = canWrite
      ? new IndexeddbPersistence(
          `tessera:${user.id}:${planDocName(scenarioId)}`,
          doc,
        )
      : null
    let everConnected = false
    let unsent = 0
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') everConnected = true
      setLive((l) => ({
        ...l,
        status:
          status === 'connected'
            ? 'connected'
            : !everConnected
              ? 'connecting'
              : navigator.onLine
                ? 'reconnecting'
                : 'offline',
      }))
    }
    provider.on('status', onStatus)
    // Edits made while the link is down wait in the document; they go out on reconnect.
    const onLocalUpdate = (_u: Uint8Array, origin: unknown) => {
      if (origin === provider || origin === local || provider.wsconnected)
        return
      unsent++
      setLive((l) => ({ ...l, pendingEdits: unsent }))
    }
    doc.on('update', onLocalUpdate)
    const onSync = (synced: boolean) => {
      if (!synced || unsent === 0) return
      unsent = 0
      setLive((l) => ({ ...l, pendingEdits: 0 }))
    }
    provider.on('sync', onSync)
    const onNetwork = () =>
      setLive((l) =>
        l.status === 'connected'
          ? l
          : { ...l, status: navigator.onLine ? 'reconnecting' : 'offline' },
      )
    window.addEventListener('online', onNetwork)
    window.addEventListener('offline', onNetwork)
    setLive((l) => ({ ...l, planDoc }))
    const me: Presence = {
      user: {
        id: user.id,
        name: user.displayName,
        color: presenceColor(user.id),
      },
      cursor: null,
      selection: { territoryId: null, unitIds: [] },
      tool: 'select',
    }
    provider.awareness.setLocalState(me)

    // The plan as plain JSON for the page, patched with the keys each change touched (a
    // one-unit edit costs that unit, not a re-read or a copy of the whole document), at
    // most once per animation frame however many updates arrive.
    let plan: PlanState | null = null
    const read = (c: PlanChangeSet | null) => {
      plan = nextPlanState(planDoc, plan, c)
      const next = plan
      const apply = () =>
        setLive((l) => ({
          ...l,
          plan: next,
          synced: provider.synced || l.synced,
          version: l.version + 1,
        }))
      // The first read renders the whole page: urgently. After that, an edit renders as a
      // transition, which React cuts into slices of a few milliseconds: a single-unit edit
      // then never holds the main thread long enough to stall a pointer or a frame.
      if (c) startTransition(apply)
      else apply()
    }
    const unwatch = watchPlanChanges(planDoc, read)
    let frame = 0
    const schedule = () => {
      frame ||= requestAnimationFrame(() => {
        frame = 0
        read(null)
      })
    }
    provider.on('sync', (synced: boolean) => {
      if (synced) schedule()
    })
    const onAwareness = () => {
      const peers: Peer[] = []
      for (const [clientId, state] of provider.awareness.getStates()) {
        if (clientId === doc.clientID) continue
        const presence = parsePresence(state)
        if (presence) peers.push({ ...presence, clientId })
      }
      peers.sort((a, b) => a.user.name.localeCompare(b.user.name))
      setLive((l) => ({ ...l, peers }))
    }
    provider.awareness.on('change', onAwareness)
    return () => {
      if (frame) cancelAnimationFrame(frame)
      if (timer.current) clearTimeout(timer.current)
      timer.current = null
      pending.current = null
      providerRef.current = null
      unwatch()
      doc.off('update', onLocalUpdate)
      provider.off('status', onStatus)
      provider.off('sync', onSync)
      window.removeEventListener('online', onNetwork)
      window.removeEventListener('offline', onNetwork)
      provider.awareness.off('change', onAwareness)
      planDoc.destroy()
      void local?.destroy()
      provider.destroy()
      doc.destroy()
    }
    // (`empty` is a fresh object each render; only these change the connection.)
  }, [scenarioId, user.id, user.displayName, canWrite])

  const setPresence = useCallback((change: Partial<Omit<Presence, 'user'>>) => {
    pending.current = { ...pending.current, ...change }
    const flush = () => {
      timer.current = null
      const provider = providerRef.current
      const next = pending.current
      pending.current = null
      if (!provider || !next) return
      lastSent.current = performance.now()
      const current = provider.awareness.getLocalState() as Presence | null
      if (current) provider.awareness.setLocalState({ ...current, ...next })
    }
    if (timer.current) return
    const wait = lastSent.current + PRESENCE_MS - performance.now()
    if (wait <= 0) flush()
    else timer.current = setTimeout(flush, wait)
  }, [])

  return { ...live, setPresence }
}
