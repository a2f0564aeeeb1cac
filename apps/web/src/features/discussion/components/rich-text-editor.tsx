import Mention from '@tiptap/extension-mention'
import { type Editor, EditorContent, useEditor } from '@tiptap/react'
import { Placeholder } from '@tiptap/extensions'
import StarterKit from '@tiptap/starter-kit'
import type { RichTextDoc } from '@tessera/domain'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTRPC } from '../../../lib/trpc'
import { type MentionItem, mentionMenu } from '../lib/mention-menu'
import { useTranslation } from '../../../i18n'

/**
 * What comments and notes allow of tiptap's starter kit: the server's rich-text schema (see
 * domain's rich-text), so nothing typed here is refused later.
 */
export const RICH_TEXT_KIT = {
  underline: false,
  heading: { levels: [1, 2, 3] },
  link: {
    openOnClick: false,
    autolink: true,
    protocols: ['mailto'],
    // Refuses anything but http(s), mailto and same-site paths as it is typed or pasted.
    isAllowedUri: (url: string) =>
      /^(https?:|mailto:|\/(?!\/)|#)/i.test(url.trim()),
  },
} satisfies Parameters<typeof StarterKit.configure>[0]

/**
 * tiptap with what comments allow (see domain's rich-text): bold, italic, strike, code,
 * lists, quotes, code blocks, links (http, https, mailto only) and @mentions of people in
 * the organization, looked up as one types. Underline and headings beyond h3 are off, since
 * the server would refuse them. `onChange` gets tiptap's JSON; the server cleans it again.
 * Ctrl/Cmd+Enter submits.
 */
export function RichTextEditor({
  placeholder,
  onChange,
  onSubmit,
  resetKey,
  autoFocus,
  label,
}: {
  placeholder: string
  onChange: (doc: RichTextDoc, empty: boolean) => void
  onSubmit?: () => void
  /** A new value empties the editor (after a comment was sent). */
  resetKey?: unknown
  autoFocus?: boolean
  label: string
}) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const submit = useRef(onSubmit)
  submit.current = onSubmit
  const change = useRef(onChange)
  change.current = onChange
  const hint = useRef(placeholder)
  hint.current = placeholder
  const editor = useEditor({
    immediatelyRender: false,
    autofocus: autoFocus ? 'end' : false,
    extensions: [
      StarterKit.configure(RICH_TEXT_KIT),
      // Read when drawn, so a new placeholder (the comment's anchor changed) shows.
      Placeholder.configure({ placeholder: () => hint.current }),
      Mention.configure({
        HTMLAttributes: { class: 'mention' },
        suggestion: {
          items: async ({ query }): Promise<MentionItem[]> =>
            queryClient
              .fetchQuery(trpc.comments.mentionable.queryOptions({ q: query }))
              .catch(() => []),
          render: mentionMenu,
        },
      }),
    ],
    editorProps: {
      attributes: {
        class: 'rich-text rich-text-editor__area',
        'aria-label': label,
        role: 'textbox',
        'aria-multiline': 'true',
      },
      handleKeyDown: (_view, event) => {
        if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
          submit.current?.()
          return true
        }
        return false
      },
    },
    onUpdate: ({ editor: e }) =>
      change.current(e.getJSON() as RichTextDoc, e.isEmpty),
  })
  useEffect(() => {
    // An empty transaction redraws the placeholder decoration.
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr)
  }, [editor, placeholder])
  useEffect(() => {
    if (resetKey === undefined || !editor) return
    editor.commands.clearContent(true)
  }, [resetKey, editor])
  return (
    <div className="rich-text-editor">
      <FormattingBar editor={editor} />
      <EditorContent editor={editor} />
    </div>
  )
}

/** Bold, italic, code, a bulleted list and a link, for any of the app's rich-text editors. */
export function FormattingBar({ editor }: { editor: Editor | null }) {
  const { t } = useTranslation()
  return (
    <div
      className="rich-text-editor__bar"
      role="toolbar"
      aria-label={t('discussion.editor.formatting')}
    >
      <FormatButton
        editor={editor}
        mark="bold"
        label={t('discussion.editor.bold')}
        short="B"
      />
      <FormatButton
        editor={editor}
        mark="italic"
        label={t('discussion.editor.italic')}
        short="I"
      />
      <FormatButton
        editor={editor}
        mark="code"
        label={t('discussion.editor.code')}
        short="</>"
      />
      <button
        type="button"
        className="rich-text-editor__button"
        aria-label={t('discussion.editor.bulletList')}
        onMouseDown={(e) => {
          e.preventDefault()
          editor?.chain().focus().toggleBulletList().run()
        }}
      >
        •
      </button>
      <button
        type="button"
        className="rich-text-editor__button"
        aria-label={t('discussion.editor.link')}
        onMouseDown={(e) => {
          e.preventDefault()
          if (!editor) return
          const href = window.prompt(t('discussion.editor.linkPrompt'))
          if (href === null) return
          if (href.trim() === '') editor.chain().focus().unsetLink().run()
          else editor.chain().focus().setLink({ href: href.trim() }).run()
        }}
      >
        <svg
          width="14"
          height="14"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden
        >
          <path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1 1" />
          <path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1-1" />
        </svg>
      </button>
    </div>
  )
}

function FormatButton({
  editor,
  mark,
  label,
  short,
}: {
  editor: Editor | null
  mark: 'bold' | 'italic' | 'code'
  label: string
  short: string
}) {
  return (
    <button
      type="button"
      className="rich-text-editor__button"
      aria-label={label}
      aria-pressed={editor?.isActive(mark) ?? false}
      onMouseDown={(e) => {
        // Keeps the editor's selection: a click would move focus first.
        e.preventDefault()
        editor?.chain().focus().toggleMark(mark).run()
      }}
    >
      {short}
    </button>
  )
}
