import {
  type RichTextBlock,
  type RichTextDoc,
  type RichTextInline,
  type RichTextListItem,
  type RichTextMark,
  isSafeHref,
} from '@tessera/domain'
import type { ReactNode } from 'react'

/**
 * A comment, task or note as React elements, never as HTML: every string becomes a text
 * node, so nothing in it can run. The server already cleaned the document
 * (`sanitizeRichText`); links are checked again here, so a row written some other way cannot
 * bring a `javascript:` link either.
 */
export function RichTextView({
  doc,
  className,
}: {
  doc: RichTextDoc | null | undefined
  className?: string
}) {
  if (!doc || doc.type !== 'doc' || !Array.isArray(doc.content)) return null
  return (
    <div className={['rich-text', className].filter(Boolean).join(' ')}>
      {doc.content.map((b, i) => (
        <Block key={i} node={b} />
      ))}
    </div>
  )
}

function Block({ node }: { node: RichTextBlock }): ReactNode {
  switch (node.type) {
    case 'paragraph':
      return <p>{inlines(node.content)}</p>
    case 'heading': {
      const H = (['h4', 'h5', 'h6'] as const)[node.attrs.level - 1] ?? 'h6'
      return <H>{inlines(node.content)}</H>
    }
    case 'bulletList':
      return <ul>{items(node.content)}</ul>
    case 'orderedList':
      return <ol start={node.attrs.start}>{items(node.content)}</ol>
    case 'codeBlock':
      return (
        <pre>
          <code>{(node.content ?? []).map((t) => t.text).join('')}</code>
        </pre>
      )
    case 'blockquote':
      return (
        <blockquote>
          {node.content.map((b, i) => (
            <Block key={i} node={b} />
          ))}
        </blockquote>
      )
    case 'horizontalRule':
      return <hr />
    default:
      return null
  }
}

function items(list: readonly RichTextListItem[]) {
  return list.map((item, i) => (
    <li key={i}>
      {item.content.map((b, j) => (
        <Block key={j} node={b} />
      ))}
    </li>
  ))
}

function inlines(content: readonly RichTextInline[] | undefined) {
  return (content ?? []).map((n, i) => <Inline key={i} node={n} />)
}

function Inline({ node }: { node: RichTextInline }): ReactNode {
  if (node.type === 'hardBreak') return <br />
  if (node.type === 'mention')
    return (
      <span className="mention" data-user-id={node.attrs.id}>
        @{node.attrs.label ?? node.attrs.id}
      </span>
    )
  if (node.type !== 'text') return null
  return (node.marks ?? []).reduceRight<ReactNode>(
    (inner, mark) => wrap(mark, inner),
    node.text,
  )
}

function wrap(mark: RichTextMark, inner: ReactNode): ReactNode {
  switch (mark.type) {
    case 'bold':
      return <strong>{inner}</strong>
    case 'italic':
      return <em>{inner}</em>
    case 'strike':
      return <s>{inner}</s>
    case 'code':
      return <code>{inner}</code>
    case 'link':
      return isSafeHref(mark.attrs.href) ? (
        <a
          href={mark.attrs.href}
          target="_blank"
          rel="noopener noreferrer nofollow"
        >
          {inner}
        </a>
      ) : (
        inner
      )
    default:
      return inner
  }
}
