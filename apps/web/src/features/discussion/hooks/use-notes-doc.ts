import { type PublicUser, notesDocName, presenceColor } from '@tessera/domain'
import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { i18n } from '../../../i18n'

/** Someone with the same note open (their caret shows in the text). */
export interface NoteReader {
  clientId: number
  name: string
  color: string
}

export interface NotesDoc {
  docName: string
  doc: Y.Doc
  provider: WebsocketProvider
}

export interface NotesState {
  notes: NotesDoc | null
  /** The note has arrived from the hub (before that the editor shows nothing). */
  synced: boolean
  connected: boolean
  /** The others in this note now, by name. */
  readers: NoteReader[]
}

/** A string, or a stand-in: awareness states come from any client and are not trusted. */
const text = (v: unknown, fallback: string, max: number) =>
  typeof v === 'string' && v.trim() !== '' ? v.slice(0, max) : fallback

/**
 * One territory's notes: its own Yjs document on the hub (`notes:<scenario>:<territory>`),
 * over the y-websocket protocol like the plan, with this user's name and colour in the
 * awareness so collaborators see whose caret is whose. The hub decides who writes (the
 * session cookie rides along); a reader's edits would be dropped there, so the editor is
 * read-only for them as well.
 */
export function useNotesDoc(
  scenarioId: string,
  territoryId: string,
  user: PublicUser,
): NotesState {
  const [state, setState] = useState<NotesState>({
    notes: null,
    synced: false,
    connected: false,
    readers: [],
  })
  useEffect(() => {
    const docName = notesDocName(scenarioId, territoryId)
    const doc = new Y.Doc()
    const origin = window.location.origin.replace(/^http/, 'ws')
    const provider = new WebsocketProvider(`${origin}/yjs`, docName, doc)
    provider.awareness.setLocalStateField('user', {
      name: user.displayName,
      color: presenceColor(user.id),
    })
    setState({
      notes: { docName, doc, provider },
      synced: false,
      connected: false,
      readers: [],
    })
    const onSync = (synced: boolean) =>
      setState((s) => ({ ...s, synced: s.synced || synced }))
    const onStatus = ({ status }: { status: string }) =>
      setState((s) => ({ ...s, connected: status === 'connected' }))
    const onAwareness = () => {
      const readers: NoteReader[] = []
      for (const [clientId, value] of provider.awareness.getStates()) {
        if (clientId === doc.clientID) continue
        const who = (value as { user?: { name?: unknown; color?: unknown } })
          .user
        if (!who) continue
        readers.push({
          clientId,
          name: text(who.name, i18n.t('discussion.notes.someone'), 80),
          color:
            typeof who.color === 'string' && /^#[0-9a-f]{6}$/i.test(who.color)
              ? who.color
              : '#64748b',
        })
      }
      setState((s) => ({ ...s, readers }))
    }
    provider.on('sync', onSync)
    provider.on('status', onStatus)
    provider.awareness.on('change', onAwareness)
    return () => {
      provider.off('sync', onSync)
      provider.off('status', onStatus)
      provider.awareness.off('change', onAwareness)
      provider.destroy()
      doc.destroy()
    }
  }, [scenarioId, territoryId, user.id, user.displayName])
  return state
}
