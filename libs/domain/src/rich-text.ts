import { z } from 'zod'
import { err, ok, type Result } from './errors.js'

/**
 * Rich text: comments, task descriptions and notes, written with tiptap (StarterKit, Link,
 * Mention) and stored as its ProseMirror document JSON. The editor is not a trust boundary —
 * any client can post any JSON — so the server runs `sanitizeRichText` before storing, and the
 * browser renders the stored tree node by node, never as HTML. What comes out is a fresh
 * document in ProseMirror's own JSON shape (empty `content`/`marks` left out), so it can be
 * fed straight back into the editor.
 */

/** The document's JSON size limit, counted in UTF-8 bytes as it travels and is stored. */
export const RICH_TEXT_MAX_BYTES = 64 * 1024
/**
 * Nesting levels of nodes, the doc being level 1. 16 leaves room for six levels of nested
 * lists and still stops hostile nesting long before a recursive renderer would overflow.
 */
export const RICH_TEXT_MAX_DEPTH = 16
export const RICH_TEXT_MAX_HREF_LENGTH = 2_000

export type RichTextMark =
  | { type: 'bold' }
  | { type: 'italic' }
  | { type: 'strike' }
  | { type: 'code' }
  | { type: 'link'; attrs: { href: string } }

export type RichTextText = {
  type: 'text'
  text: string
  marks?: RichTextMark[]
}
export type RichTextMention = {
  type: 'mention'
  attrs: { id: string; label: string | null }
}
export type RichTextHardBreak = { type: 'hardBreak' }
export type RichTextInline = RichTextText | RichTextMention | RichTextHardBreak

export type RichTextParagraph = {
  type: 'paragraph'
  content?: RichTextInline[]
}
export type RichTextHeading = {
  type: 'heading'
  attrs: { level: 1 | 2 | 3 }
  content?: RichTextInline[]
}
export type RichTextCodeBlock = {
  type: 'codeBlock'
  attrs: { language: string | null }
  /** Code is plain text: no marks, no mentions. */
  content?: { type: 'text'; text: string }[]
}
export type RichTextBlockquote = {
  type: 'blockquote'
  content: RichTextBlock[]
}
export type RichTextBulletList = {
  type: 'bulletList'
  content: RichTextListItem[]
}
export type RichTextOrderedList = {
  type: 'orderedList'
  attrs: { start: number }
  content: RichTextListItem[]
}
export type RichTextListItem = {
  type: 'listItem'
  /** A paragraph first, as in tiptap's `paragraph block*`. */
  content: [RichTextParagraph, ...RichTextBlock[]]
}
export type RichTextHorizontalRule = { type: 'horizontalRule' }
export type RichTextBlock =
  | RichTextParagraph
  | RichTextHeading
  | RichTextBulletList
  | RichTextOrderedList
  | RichTextCodeBlock
  | RichTextBlockquote
  | RichTextHorizontalRule
export type RichTextDoc = { type: 'doc'; content: RichTextBlock[] }
export type RichTextNode =
  RichTextDoc | RichTextBlock | RichTextListItem | RichTextInline

export type SanitizedRichText = {
  doc: RichTextDoc
  /** Mentioned user ids, each once, in order of first appearance. */
  mentions: string[]
  /** Link marks removed because their href was not a safe URL. */
  neutralisedLinks: number
  plainText: string
}

type NodeType = RichTextNode['type']
type MarkType = RichTextMark['type']

// Sets, not object keys: a node typed "constructor" or "__proto__" must not find anything.
const nodeTypes: ReadonlySet<string> = new Set<NodeType>([
  'doc',
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'codeBlock',
  'blockquote',
  'hardBreak',
  'horizontalRule',
  'text',
  'mention',
])
const markTypes: ReadonlySet<string> = new Set<MarkType>([
  'bold',
  'italic',
  'strike',
  'code',
  'link',
])

const blockTypes = [
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'codeBlock',
  'blockquote',
  'horizontalRule',
] as const
const inlineTypes = ['text', 'mention', 'hardBreak'] as const

/**
 * Attributes tiptap writes that we accept but never store: the link's target/rel/class are
 * the renderer's decision, the rest are editor bookkeeping.
 */
const dropped = z.string().nullish()

const attrSchemas = {
  none: z.strictObject({}),
  heading: z.strictObject({ level: z.int().min(1).max(3).default(1) }),
  // tiptap's input rule turns "0. " into a list starting at 0, and a pasted <ol start="x">
  // gives NaN, which JSON turns into null: both must survive a save.
  orderedList: z.strictObject({
    start: z.int().min(0).nullish(),
    type: dropped,
  }),
  codeBlock: z.strictObject({
    language: z
      .string()
      .regex(/^[a-z0-9+#-]{0,20}$/i)
      .nullish(),
  }),
  mention: z.strictObject({
    id: z.string().min(1).max(100),
    label: z.string().max(200).nullish(),
    mentionSuggestionChar: dropped,
  }),
  link: z.strictObject({
    href: z.string().nullish(),
    target: dropped,
    rel: dropped,
    class: dropped,
    title: dropped,
  }),
}

/** What each attribute must be, for messages a person can act on. */
const attrRules: Record<string, string> = {
  level: 'it must be 1, 2 or 3',
  start: 'it must be a whole number, 0 or more',
  language: 'it must be null or up to 20 of a-z, 0-9, "+", "#" and "-"',
  id: 'it must be a user id of 1 to 100 characters',
  label: 'it must be null or text of up to 200 characters',
  href: 'it must be text',
}

/** A thrown rejection unwinds the walk in one step; it never leaves this module. */
class Rejection {
  constructor(readonly message: string) {}
}

type Walk = {
  mentions: string[]
  mentioned: Set<string>
  neutralisedLinks: number
}

/**
 * Validates tiptap JSON and returns a new, normalised document: only known keys are copied,
 * unsafe links lose their link mark (the text stays), and anything else that does not fit
 * the schema rejects the whole document with a message naming the problem and where it is.
 */
export function sanitizeRichText(input: unknown): Result<SanitizedRichText> {
  if (!isRecord(input)) {
    return err(
      'BAD_INPUT',
      `The rich text must be a document object, got ${describe(input)}.`,
    )
  }
  let json: string
  try {
    json = JSON.stringify(input)
  } catch {
    // Cycles, BigInts and nesting deep enough to exhaust JSON.stringify's own stack.
    return err(
      'BAD_INPUT',
      'The rich text is not JSON data, or it is nested far too deeply.',
    )
  }
  const bytes = utf8Length(json)
  if (bytes > RICH_TEXT_MAX_BYTES) {
    return err('BAD_INPUT', tooLongMessage(bytes))
  }
  if (own(input, 'type') !== 'doc') {
    const type = own(input, 'type')
    return err(
      'BAD_INPUT',
      `The root node must be "doc", got ${typeof type === 'string' ? quote(type) : describe(type)}.`,
    )
  }
  const walk: Walk = { mentions: [], mentioned: new Set(), neutralisedLinks: 0 }
  try {
    const doc = readDoc(input, walk)
    return ok({
      doc,
      mentions: walk.mentions,
      neutralisedLinks: walk.neutralisedLinks,
      plainText: richTextPlain(doc),
    })
  } catch (e) {
    if (e instanceof Rejection) return err('BAD_INPUT', e.message)
    throw e
  }
}

function readDoc(node: Record<string, unknown>, walk: Walk): RichTextDoc {
  readAttrs(attrSchemas.none, node, 'doc', '')
  const here = { type: 'doc', path: '', depth: 1 }
  const content = readChildren(node, here, blockTypes, walk)
  // An empty doc is what tiptap shows as one empty paragraph; store it that way too.
  return {
    type: 'doc',
    content: content.length ? content : [{ type: 'paragraph' }],
  }
}

function readNode(
  value: unknown,
  path: string,
  depth: number,
  walk: Walk,
  parent: string,
  allowed: readonly string[],
): RichTextNode {
  if (depth > RICH_TEXT_MAX_DEPTH) {
    throw new Rejection(
      `The document is nested too deeply at ${path}: the limit is ${RICH_TEXT_MAX_DEPTH} levels.`,
    )
  }
  if (!isRecord(value)) {
    throw new Rejection(`Expected a node at ${path}, got ${describe(value)}.`)
  }
  const type = own(value, 'type')
  if (typeof type !== 'string') {
    throw new Rejection(`The node at ${path} has no "type".`)
  }
  if (!nodeTypes.has(type)) {
    throw new Rejection(`Unknown node type ${quote(type)} at ${path}.`)
  }
  // Checked before descending, so the message names the misplaced node, not its insides.
  if (!allowed.includes(type)) {
    throw new Rejection(
      `A ${quote(type)} node can't be inside ${quote(parent)}, at ${path}.`,
    )
  }
  const t = type as NodeType
  const here: Place = { type: t, path, depth }
  switch (t) {
    case 'doc':
      // No parent allows a doc; the case keeps the switch exhaustive.
      throw new Rejection(`A "doc" can only be the root, not at ${path}.`)
    case 'paragraph': {
      readAttrs(attrSchemas.none, value, t, path)
      const content = readChildren(value, here, inlineTypes, walk)
      return content.length ? { type: t, content } : { type: t }
    }
    case 'heading': {
      const { level } = readAttrs(attrSchemas.heading, value, t, path)
      const attrs = { level: level as 1 | 2 | 3 }
      const content = readChildren(value, here, inlineTypes, walk)
      return content.length ? { type: t, attrs, content } : { type: t, attrs }
    }
    case 'bulletList': {
      readAttrs(attrSchemas.none, value, t, path)
      const content = readChildren(value, here, ['listItem'], walk, true)
      return { type: t, content }
    }
    case 'orderedList': {
      const { start } = readAttrs(attrSchemas.orderedList, value, t, path)
      const content = readChildren(value, here, ['listItem'], walk, true)
      return { type: t, attrs: { start: start ?? 1 }, content }
    }
    case 'listItem': {
      readAttrs(attrSchemas.none, value, t, path)
      const content = readChildren(value, here, blockTypes, walk, true)
      const [first, ...rest] = content
      if (first?.type !== 'paragraph') {
        throw new Rejection(
          `A "listItem" must start with a paragraph, at ${path}.content[0].`,
        )
      }
      return { type: t, content: [first, ...rest] }
    }
    case 'codeBlock': {
      const { language } = readAttrs(attrSchemas.codeBlock, value, t, path)
      const attrs = { language: language ? language.toLowerCase() : null }
      const content = readChildren(value, here, ['text'], walk)
      const code = content.map((text, i) => {
        if (text.marks) {
          throw new Rejection(
            `Text in a code block can't have marks, at ${path}.content[${i}].`,
          )
        }
        return { type: text.type, text: text.text }
      })
      return code.length
        ? { type: t, attrs, content: code }
        : { type: t, attrs }
    }
    case 'blockquote': {
      readAttrs(attrSchemas.none, value, t, path)
      const content = readChildren(value, here, blockTypes, walk, true)
      return { type: t, content }
    }
    case 'horizontalRule':
      readLeaf(value, t, path)
      return { type: t }
    case 'hardBreak':
      readLeaf(value, t, path)
      // tiptap keeps marks on a break typed inside bold text; they mean nothing there.
      readMarks(value, path, { neutralisedLinks: 0 })
      return { type: t }
    case 'mention': {
      readLeaf(value, t, path)
      const { id, label } = readAttrs(attrSchemas.mention, value, t, path)
      readMarks(value, path, { neutralisedLinks: 0 })
      if (!walk.mentioned.has(id)) {
        walk.mentioned.add(id)
        walk.mentions.push(id)
      }
      return { type: t, attrs: { id, label: label ?? null } }
    }
    case 'text': {
      if (own(value, 'content') !== undefined) {
        throw new Rejection(`A "text" node can't have content, at ${path}.`)
      }
      readAttrs(attrSchemas.none, value, t, path)
      const text = own(value, 'text')
      if (typeof text !== 'string' || text === '') {
        throw new Rejection(
          `A "text" node must have non-empty text, at ${path}.`,
        )
      }
      const marks = readMarks(value, path, walk)
      return marks.length ? { type: t, text, marks } : { type: t, text }
    }
  }
}

/** Where a node is, for its children's paths and messages. */
type Place = { type: string; path: string; depth: number }

function readChildren<T extends NodeType>(
  node: Record<string, unknown>,
  { type, path, depth }: Place,
  allowed: readonly T[],
  walk: Walk,
  required = false,
): Extract<RichTextNode, { type: T }>[] {
  const content = own(node, 'content')
  const items = content ?? []
  if (!Array.isArray(items)) {
    throw new Rejection(
      `The content of ${quote(type)} at ${at(path)} must be a list, got ${describe(content)}.`,
    )
  }
  if (required && items.length === 0) {
    throw new Rejection(`A ${quote(type)} can't be empty, at ${at(path)}.`)
  }
  const prefix = path === '' ? '' : `${path}.`
  return items.map((item, i) => {
    const childPath = `${prefix}content[${i}]`
    const child = readNode(item, childPath, depth + 1, walk, type, allowed)
    return child as Extract<RichTextNode, { type: T }>
  })
}

/** Leaves carry no content; content on one is a malformed document, not something to drop. */
function readLeaf(node: Record<string, unknown>, type: string, path: string) {
  if (own(node, 'content') !== undefined) {
    throw new Rejection(`A ${quote(type)} node can't have content, at ${path}.`)
  }
  if (type !== 'mention') readAttrs(attrSchemas.none, node, type, path)
}

function readMarks(
  node: Record<string, unknown>,
  path: string,
  walk: Pick<Walk, 'neutralisedLinks'>,
): RichTextMark[] {
  const marks = own(node, 'marks') ?? []
  if (!Array.isArray(marks)) {
    throw new Rejection(
      `The marks at ${path} must be a list, got ${describe(marks)}.`,
    )
  }
  const out: RichTextMark[] = []
  const seen = new Set<string>()
  marks.forEach((mark: unknown, i) => {
    const markPath = `${path}.marks[${i}]`
    if (!isRecord(mark)) {
      throw new Rejection(
        `Expected a mark at ${markPath}, got ${describe(mark)}.`,
      )
    }
    const type = own(mark, 'type')
    if (typeof type !== 'string') {
      throw new Rejection(`The mark at ${markPath} has no "type".`)
    }
    if (!markTypes.has(type)) {
      throw new Rejection(`Unknown mark type ${quote(type)} at ${markPath}.`)
    }
    if (seen.has(type)) {
      throw new Rejection(`The mark ${quote(type)} appears twice at ${path}.`)
    }
    seen.add(type)
    const t = type as MarkType
    if (t !== 'link') {
      readAttrs(attrSchemas.none, mark, t, markPath)
      out.push({ type: t })
      return
    }
    const { href } = readAttrs(attrSchemas.link, mark, t, markPath)
    const safe = href == null ? null : cleanHref(href)
    if (safe === null) walk.neutralisedLinks++
    else out.push({ type: t, attrs: { href: safe } })
  })
  return out
}

function readAttrs<S extends z.ZodType>(
  schema: S,
  node: Record<string, unknown>,
  type: string,
  path: string,
): z.output<S> {
  const attrs = own(node, 'attrs') ?? {}
  if (!isRecord(attrs)) {
    throw new Rejection(
      `The attributes of ${quote(type)} at ${at(path)} must be an object, got ${describe(attrs)}.`,
    )
  }
  const parsed = schema.safeParse(attrs)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  if (issue.code === 'unrecognized_keys') {
    throw new Rejection(
      `Unknown attribute ${quote(issue.keys[0] ?? '')} on ${quote(type)} at ${at(path)}.`,
    )
  }
  const name = String(issue.path[0] ?? '')
  if (own(attrs, name) === undefined) {
    throw new Rejection(
      `Missing attribute ${quote(name)} on ${quote(type)} at ${at(path)}.`,
    )
  }
  throw new Rejection(
    `Invalid attribute ${quote(name)} on ${quote(type)} at ${at(path)}: ${attrRules[name] ?? 'it must be text or null'}.`,
  )
}

type UrlLike = { readonly protocol: string; readonly origin: string }
// libs/domain is type-checked without the DOM and Node typings, yet WHATWG URL is a global in
// every runtime it ships to (browsers, Node).
const WhatwgUrl = (
  globalThis as unknown as { URL: new (url: string, base?: string) => UrlLike }
).URL
const RELATIVE_BASE = 'https://x.invalid'

/**
 * The href as it will be stored, or null when it is not a safe link target. Control
 * characters are removed everywhere (browsers drop tabs and newlines even inside the
 * scheme, so `java\tscript:` runs) and the result is what gets stored, so what was checked
 * is exactly what a browser will see. Safe means http, https, mailto, a same-site path or a
 * fragment — an allow-list, because the deny-list of schemes (javascript:, vbscript:,
 * data:, …) is never complete.
 */
function cleanHref(href: string): string | null {
  if (href.length > RICH_TEXT_MAX_HREF_LENGTH) return null
  let cleaned = ''
  for (const char of href) {
    const code = char.codePointAt(0)!
    if (code > 0x1f && code !== 0x7f) cleaned += char
  }
  cleaned = cleaned.trim()
  if (cleaned.startsWith('#')) return cleaned
  if (cleaned.startsWith('/')) {
    // `//host` and `/\host` both leave the site.
    if (cleaned[1] === '/' || cleaned[1] === '\\') return null
    return parseUrl(cleaned, RELATIVE_BASE)?.origin === RELATIVE_BASE
      ? cleaned
      : null
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase()
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'mailto') {
    return null
  }
  return parseUrl(cleaned)?.protocol === `${scheme}:` ? cleaned : null
}

function parseUrl(href: string, base?: string): UrlLike | null {
  try {
    return new WhatwgUrl(href, base)
  } catch {
    return null
  }
}

/** Whether a link to `href` may be kept: http(s), mailto, a same-site path or a fragment. */
export function isSafeHref(href: string): boolean {
  return cleanHref(href) !== null
}

/**
 * The document as plain text, for notification one-liners and the activity feed: one line
 * per paragraph, heading or code block, mentions as `@label`. With `maxLength`, the text is
 * cut to at most that many characters, ending in an ellipsis.
 */
export function richTextPlain(doc: RichTextDoc, maxLength?: number): string {
  const lines: string[] = []
  collectLines(doc.content, lines)
  const text = lines.join('\n')
  if (maxLength === undefined || text.length <= maxLength) return text
  const max = Math.floor(maxLength)
  if (!(max >= 1)) return ''
  let cut = max - 1
  // Never split a surrogate pair: half an emoji renders as a replacement box.
  const last = text.charCodeAt(cut - 1)
  if (cut > 0 && last >= 0xd800 && last <= 0xdbff) cut--
  return `${text.slice(0, cut).trimEnd()}…`
}

function collectLines(blocks: readonly RichTextNode[], lines: string[]) {
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
      case 'codeBlock':
        lines.push((block.content ?? []).map(inlineText).join(''))
        break
      case 'doc':
      case 'blockquote':
      case 'bulletList':
      case 'orderedList':
      case 'listItem':
        collectLines(block.content, lines)
        break
      case 'horizontalRule':
      case 'text':
      case 'mention':
      case 'hardBreak':
        break
    }
  }
}

function inlineText(node: RichTextInline): string {
  switch (node.type) {
    case 'text':
      return node.text
    case 'mention':
      return `@${node.attrs.label || node.attrs.id}`
    case 'hardBreak':
      return '\n'
  }
}

/** A document of one paragraph per line: the inverse of `richTextPlain` for plain text. */
export function richTextFromPlain(text: string): RichTextDoc {
  return {
    type: 'doc',
    content: text
      .split(/\r\n|\r|\n/)
      .map((line): RichTextParagraph =>
        line === ''
          ? { type: 'paragraph' }
          : { type: 'paragraph', content: [{ type: 'text', text: line }] },
      ),
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Own properties only: a polluted Object.prototype must not supply a node's type or href. */
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return 'text'
  if (typeof value === 'object') return 'an object'
  return `a ${typeof value}`
}

/** Quoted and shortened: a type name can be anything an attacker sent. */
function quote(name: string): string {
  return JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)
}

function at(path: string): string {
  return path === '' ? 'the root' : path
}

/** UTF-8 length without TextEncoder, which the pure libs' typings don't declare. */
function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (
      code >= 0xd800 &&
      code <= 0xdbff &&
      (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    ) {
      bytes += 4
      i++
    } else bytes += 3 // a lone surrogate is encoded as U+FFFD
  }
  return bytes
}

function tooLongMessage(bytes: number): string {
  let size = formatBytes(bytes)
  let limit = formatBytes(RICH_TEXT_MAX_BYTES)
  // "64 KB, the limit is 64 KB" helps nobody: just over the limit, give exact counts.
  if (size === limit) {
    size = `${groupDigits(bytes)} bytes`
    limit = `${groupDigits(RICH_TEXT_MAX_BYTES)} bytes`
  }
  return `The text is too long: ${size}, the limit is ${limit}.`
}

function formatBytes(bytes: number): string {
  const oneDecimal = (n: number) => String(Math.round(n * 10) / 10)
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${oneDecimal(bytes / 1024)} KB`
  return `${oneDecimal(bytes / (1024 * 1024))} MB`
}

/** Locale-free thousands separators: messages must not depend on the server's locale. */
function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
