import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { Placeholder } from '@tiptap/extensions'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import {
  type PublicUser,
  type TerritoryRecord,
  presenceColor,
} from '@tessera/domain'
import { useEffect } from 'react'
import { i18n, useTranslation } from '../../../i18n'
import { type NotesDoc, useNotesDoc } from '../hooks/use-notes-doc'
import { FormattingBar, RICH_TEXT_KIT } from './rich-text-editor'

/**
 * The selected territory's notes: one rich-text document per territory that everyone with
 * it open edits at once, with each collaborator's caret and name in the text (tiptap's
 * collaboration over the territory's own Yjs document on the hub). Planners, managers and
 * admins write; reps read.
 */
export function TerritoryNotes({
  scenarioId,
  territory,
  user,
  canWrite,
}: {
  scenarioId: string | null
  territory: TerritoryRecord | null
  user: PublicUser
  canWrite: boolean
}) {
  if (!scenarioId || !territory)
    return (
      <p className="workspace__hint">{i18n.t('discussion.notes.selectHint')}</p>
    )
  return (
    <NotesForTerritory
      // A new territory is a new document: a fresh editor bound to it.
      key={`${scenarioId}:${territory.id}`}
      scenarioId={scenarioId}
      territory={territory}
      user={user}
      canWrite={canWrite}
    />
  )
}

function NotesForTerritory({
  scenarioId,
  territory,
  user,
  canWrite,
}: {
  scenarioId: string
  territory: TerritoryRecord
  user: PublicUser
  canWrite: boolean
}) {
  const { t } = useTranslation()
  const { notes, synced, connected, readers } = useNotesDoc(
    scenarioId,
    territory.id,
    user,
  )
  return (
    <section className="notes" data-testid="territory-notes">
      <header className="notes__head">
        <h3 className="notes__title">
          <span
            className="notes__swatch"
            style={{ background: territory.color }}
            aria-hidden
          />
          {t('discussion.notes.title', { name: territory.name })}
        </h3>
        <span
          className={`notes__status notes__status--${connected ? 'on' : 'off'}`}
          role="status"
        >
          {!synced
            ? t('discussion.notes.loading')
            : connected
              ? t('discussion.notes.live')
              : t('discussion.notes.reconnecting')}
        </span>
      </header>
      {readers.length > 0 ? (
        <ul
          className="notes__readers"
          aria-label={t('discussion.notes.alsoHere')}
        >
          {readers.map((r) => (
            <li key={r.clientId} className="notes__reader">
              <span
                className="notes__dot"
                style={{ background: r.color }}
                aria-hidden
              />
              {r.name}
            </li>
          ))}
        </ul>
      ) : null}
      {!canWrite ? (
        <p className="notes__readonly">{t('discussion.notes.readOnly')}</p>
      ) : null}
      {notes ? (
        <NotesEditor
          notes={notes}
          user={user}
          canWrite={canWrite}
          placeholder={t('discussion.notes.placeholder', {
            name: territory.name,
          })}
        />
      ) : null}
    </section>
  )
}

function NotesEditor({
  notes,
  user,
  canWrite,
  placeholder,
}: {
  notes: NotesDoc
  user: PublicUser
  canWrite: boolean
  placeholder: string
}) {
  const editor = useEditor({
    immediatelyRender: false,
    editable: canWrite,
    extensions: [
      // The Yjs document keeps the history: tiptap's own undo would undo collaborators' typing.
      StarterKit.configure({ ...RICH_TEXT_KIT, undoRedo: false }),
      Placeholder.configure({ placeholder }),
      Collaboration.configure({ document: notes.doc, field: 'default' }),
      CollaborationCaret.configure({
        provider: notes.provider,
        user: { name: user.displayName, color: presenceColor(user.id) },
      }),
    ],
    editorProps: {
      attributes: {
        class: 'rich-text rich-text-editor__area notes__area',
        'aria-label': i18n.t('discussion.notes.label'),
        role: 'textbox',
        'aria-multiline': 'true',
      },
    },
  })
  useEffect(() => {
    editor?.setEditable(canWrite)
  }, [editor, canWrite])
  return (
    <div className="rich-text-editor notes__editor">
      {canWrite ? <FormattingBar editor={editor} /> : null}
      <EditorContent editor={editor} />
    </div>
  )
}
