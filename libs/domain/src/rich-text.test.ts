import { describe, expect, it } from 'vitest'
import {
  RICH_TEXT_MAX_BYTES,
  RICH_TEXT_MAX_DEPTH,
  isSafeHref,
  richTextFromPlain,
  richTextPlain,
  sanitizeRichText,
  type RichTextDoc,
  type SanitizedRichText,
} from './rich-text.js'
import { xssPayloads } from './xss-payloads.js'

/** What tiptap's editor.getJSON() gives for a comment using StarterKit, Link and Mention. */
function tiptapDoc() {
  return {
    type: 'doc',
    content: [
      {
        type: 'heading',
        attrs: { level: 2 },
        content: [{ type: 'text', text: 'West region' }],
      },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Hi ' },
          {
            type: 'mention',
            attrs: { id: 'usr_ada', label: 'Ada', mentionSuggestionChar: '@' },
          },
          { type: 'text', text: ', please check ' },
          {
            type: 'text',
            marks: [{ type: 'bold' }, { type: 'italic' }],
            text: 'Nevada',
          },
          { type: 'text', text: ' against ' },
          {
            type: 'text',
            marks: [
              {
                type: 'link',
                attrs: {
                  href: 'https://example.com/report?q=1#top',
                  target: '_blank',
                  rel: 'noopener noreferrer nofollow',
                  class: null,
                },
              },
            ],
            text: 'the report',
          },
          { type: 'hardBreak' },
          { type: 'text', marks: [{ type: 'code' }], text: 'ter_42' },
          { type: 'text', text: ' is ' },
          { type: 'text', marks: [{ type: 'strike' }], text: 'done' },
        ],
      },
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [
              {
                type: 'paragraph',
                content: [{ type: 'text', text: 'Reno' }],
              },
              {
                type: 'bulletList',
                content: [
                  {
                    type: 'listItem',
                    content: [
                      {
                        type: 'paragraph',
                        content: [
                          { type: 'text', text: 'ask ' },
                          {
                            type: 'mention',
                            attrs: {
                              id: 'usr_bob',
                              label: 'Bob',
                              mentionSuggestionChar: '@',
                            },
                          },
                        ],
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        type: 'orderedList',
        attrs: { start: 3, type: null },
        content: [
          {
            type: 'listItem',
            content: [
              {
                type: 'paragraph',
                content: [{ type: 'text', text: 'Las Vegas' }],
              },
            ],
          },
        ],
      },
      {
        type: 'codeBlock',
        attrs: { language: 'sql' },
        content: [{ type: 'text', text: 'select 1;\nselect 2;' }],
      },
      {
        type: 'blockquote',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'See ' },
              {
                type: 'mention',
                attrs: {
                  id: 'usr_ada',
                  label: 'Ada',
                  mentionSuggestionChar: '@',
                },
              },
            ],
          },
        ],
      },
      { type: 'horizontalRule' },
      { type: 'paragraph' },
    ],
  }
}

function sanitized(input: unknown): SanitizedRichText {
  const result = sanitizeRichText(input)
  if (!result.ok) throw new Error(`rejected: ${result.error.message}`)
  return result.value
}

function rejection(input: unknown): string {
  const result = sanitizeRichText(input)
  if (result.ok) throw new Error('expected a rejection')
  expect(result.error.code).toBe('BAD_INPUT')
  return result.error.message
}

function paragraphDoc(...inline: unknown[]) {
  return { type: 'doc', content: [{ type: 'paragraph', content: inline }] }
}

function linked(href: unknown, text = 'click me') {
  return paragraphDoc({
    type: 'text',
    text,
    marks: [{ type: 'link', attrs: { href, target: '_blank' } }],
  })
}

/** A paragraph in `levels - 1` nested blockquotes: its text is `levels + 2` nodes deep. */
function nestedQuotes(levels: number) {
  let node: unknown = {
    type: 'paragraph',
    content: [{ type: 'text', text: 'deep' }],
  }
  for (let i = 1; i < levels; i++)
    node = { type: 'blockquote', content: [node] }
  return { type: 'doc', content: [node] }
}

const allowedNodeTypes = new Set([
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
const allowedMarkTypes = new Set(['bold', 'italic', 'strike', 'code', 'link'])

/**
 * An oracle independent of isSafeHref: after dropping whitespace and control characters
 * (as browsers do), the href must start with an allowed scheme, a fragment or a same-site path.
 */
function hrefLooksSafe(href: string): boolean {
  const squashed = [...href]
    .filter((c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .toLowerCase()
  return /^(https?:|mailto:|#|\/(?![/\\]))/.test(squashed)
}

/** Every node type, mark type and href anywhere in the output. */
function inventory(doc: unknown) {
  const nodeTypes: unknown[] = []
  const markTypes: unknown[] = []
  const hrefs: unknown[] = []
  const visit = (value: unknown, inMarks: boolean) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, inMarks)
      return
    }
    if (typeof value !== 'object' || value === null) return
    const record = value as Record<string, unknown>
    if ('type' in record) (inMarks ? markTypes : nodeTypes).push(record.type)
    for (const [key, child] of Object.entries(record)) {
      if (key === 'href') hrefs.push(child)
      visit(child, key === 'marks' || (inMarks && key === 'attrs'))
    }
  }
  visit(doc, false)
  return { nodeTypes, markTypes, hrefs }
}

function objectsIn(value: unknown, found = new Set<object>()): Set<object> {
  if (typeof value === 'object' && value !== null) {
    found.add(value)
    for (const child of Object.values(value)) objectsIn(child, found)
  }
  return found
}

describe('sanitizeRichText: a real tiptap document', () => {
  it('passes and comes back equal, minus the attributes we drop', () => {
    const input = tiptapDoc()
    const expected = JSON.parse(JSON.stringify(input))
    const paragraph = expected.content[1].content
    delete paragraph[1].attrs.mentionSuggestionChar
    paragraph[5].marks[0].attrs = { href: 'https://example.com/report?q=1#top' }
    delete expected.content[2].content[0].content[1].content[0].content[0]
      .content[1].attrs.mentionSuggestionChar
    delete expected.content[3].attrs.type
    delete expected.content[5].content[0].content[1].attrs.mentionSuggestionChar

    const out = sanitized(input)
    expect(out.doc).toEqual(expected)
    expect(out.neutralisedLinks).toBe(0)
    // The output is canonical: sanitizing it again changes nothing.
    expect(sanitized(out.doc).doc).toEqual(out.doc)
  })

  it('collects mentioned user ids once each, in order of first appearance', () => {
    expect(sanitized(tiptapDoc()).mentions).toEqual(['usr_ada', 'usr_bob'])
    const doc = paragraphDoc(
      { type: 'mention', attrs: { id: 'usr_c', label: null } },
      { type: 'mention', attrs: { id: 'usr_a' } },
      { type: 'mention', attrs: { id: 'usr_c', label: 'C' } },
      { type: 'mention', attrs: { id: 'usr_b', label: 'B' } },
    )
    expect(sanitized(doc).mentions).toEqual(['usr_c', 'usr_a', 'usr_b'])
  })

  it('gives the plain text with it', () => {
    expect(sanitized(tiptapDoc()).plainText).toBe(
      [
        'West region',
        'Hi @Ada, please check Nevada against the report',
        'ter_42 is done',
        'Reno',
        'ask @Bob',
        'Las Vegas',
        'select 1;\nselect 2;',
        'See @Ada',
        '',
      ].join('\n'),
    )
  })

  it('fills in the defaults tiptap leaves out', () => {
    const out = sanitized({
      type: 'doc',
      content: [
        { type: 'heading', content: [{ type: 'text', text: 'h' }] },
        {
          type: 'orderedList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
        },
        { type: 'codeBlock', attrs: { language: '' } },
        { type: 'codeBlock', attrs: { language: 'TypeScript' } },
        {
          type: 'paragraph',
          content: [{ type: 'mention', attrs: { id: 'usr_a' } }],
        },
      ],
    })
    expect(out.doc.content).toEqual([
      {
        type: 'heading',
        attrs: { level: 1 },
        content: [{ type: 'text', text: 'h' }],
      },
      {
        type: 'orderedList',
        attrs: { start: 1 },
        content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
      },
      { type: 'codeBlock', attrs: { language: null } },
      { type: 'codeBlock', attrs: { language: 'typescript' } },
      {
        type: 'paragraph',
        content: [{ type: 'mention', attrs: { id: 'usr_a', label: null } }],
      },
    ])
  })

  it('stores an empty document as one empty paragraph, like the editor shows it', () => {
    expect(sanitized({ type: 'doc' }).doc).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph' }],
    })
    expect(sanitized({ type: 'doc', content: [] }).plainText).toBe('')
  })

  it('accepts the ordered-list starts tiptap can produce (0 from "0. ", null from NaN)', () => {
    const list = (start: unknown) => ({
      type: 'doc',
      content: [
        {
          type: 'orderedList',
          attrs: { start, type: null },
          content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
        },
      ],
    })
    const start = (doc: RichTextDoc) =>
      doc.content[0]?.type === 'orderedList' ? doc.content[0].attrs.start : -1
    expect(start(sanitized(list(0)).doc)).toBe(0)
    expect(start(sanitized(list(null)).doc)).toBe(1)
    expect(rejection(list(-1))).toContain('"start"')
    expect(rejection(list(1.5))).toContain('"start"')
  })

  it('drops marks on a hard break or mention, which tiptap keeps inside bold text', () => {
    const out = sanitized(
      paragraphDoc(
        { type: 'text', text: 'a', marks: [{ type: 'bold' }] },
        { type: 'hardBreak', marks: [{ type: 'bold' }] },
        { type: 'mention', attrs: { id: 'usr_a' }, marks: [{ type: 'bold' }] },
      ),
    )
    expect(out.doc.content[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'a', marks: [{ type: 'bold' }] },
        { type: 'hardBreak' },
        { type: 'mention', attrs: { id: 'usr_a', label: null } },
      ],
    })
    expect(
      rejection(
        paragraphDoc({ type: 'hardBreak', marks: [{ type: 'underline' }] }),
      ),
    ).toBe('Unknown mark type "underline" at content[0].content[0].marks[0].')
  })
})

describe('sanitizeRichText: rejections', () => {
  it.each([
    'iframe',
    'script',
    'image',
    'taskList',
    'constructor',
    '__proto__',
  ])('rejects the unknown node type %s, naming it and its path', (type) => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph' },
        { type: 'paragraph' },
        { type, attrs: { src: 'https://evil.example' } },
      ],
    }
    expect(rejection(doc)).toBe(
      `Unknown node type ${JSON.stringify(type)} at content[2].`,
    )
  })

  it.each(['underline', 'highlight', 'textStyle', 'toString'])(
    'rejects the unknown mark type %s',
    (type) => {
      const doc = paragraphDoc(
        { type: 'text', text: 'ok' },
        { type: 'text', text: 'x', marks: [{ type: 'bold' }, { type }] },
      )
      expect(rejection(doc)).toBe(
        `Unknown mark type ${JSON.stringify(type)} at content[0].content[1].marks[1].`,
      )
    },
  )

  it('rejects a mention without an id, or with an empty or too long one', () => {
    expect(
      rejection(paragraphDoc({ type: 'mention', attrs: { label: 'Ada' } })),
    ).toBe('Missing attribute "id" on "mention" at content[0].content[0].')
    expect(rejection(paragraphDoc({ type: 'mention' }))).toContain('"id"')
    expect(
      rejection(paragraphDoc({ type: 'mention', attrs: { id: '' } })),
    ).toContain('user id')
    expect(
      rejection(
        paragraphDoc({ type: 'mention', attrs: { id: 'u'.repeat(101) } }),
      ),
    ).toContain('user id')
    expect(
      rejection(
        paragraphDoc({
          type: 'mention',
          attrs: { id: 'usr_a', label: 'x'.repeat(201) },
        }),
      ),
    ).toContain('"label"')
  })

  it('rejects heading levels outside 1-3', () => {
    for (const level of [0, 4, 7, 2.5, '2']) {
      const doc = {
        type: 'doc',
        content: [{ type: 'heading', attrs: { level } }],
      }
      expect(rejection(doc)).toBe(
        'Invalid attribute "level" on "heading" at content[0]: it must be 1, 2 or 3.',
      )
    }
  })

  it('rejects unknown attributes instead of storing them', () => {
    expect(
      rejection({
        type: 'doc',
        content: [{ type: 'paragraph', attrs: { style: 'color:red' } }],
      }),
    ).toBe('Unknown attribute "style" on "paragraph" at content[0].')
    expect(
      rejection(
        paragraphDoc({
          type: 'text',
          text: 'x',
          marks: [{ type: 'link', attrs: { href: '/a', onclick: 'alert(1)' } }],
        }),
      ),
    ).toBe(
      'Unknown attribute "onclick" on "link" at content[0].content[0].marks[0].',
    )
    expect(
      rejection({ type: 'doc', content: [{ type: 'paragraph', attrs: [] }] }),
    ).toContain('must be an object')
  })

  it('rejects a code block language that could break out of a class name', () => {
    const doc = {
      type: 'doc',
      content: [{ type: 'codeBlock', attrs: { language: 'js" onclick="x' } }],
    }
    expect(rejection(doc)).toContain('"language"')
  })

  it('rejects a text node with empty or missing text', () => {
    expect(rejection(paragraphDoc({ type: 'text', text: '' }))).toBe(
      'A "text" node must have non-empty text, at content[0].content[0].',
    )
    expect(rejection(paragraphDoc({ type: 'text' }))).toContain('non-empty')
    expect(rejection(paragraphDoc({ type: 'text', text: 42 }))).toContain(
      'non-empty',
    )
  })

  it('rejects nodes in the wrong place', () => {
    expect(
      rejection({ type: 'doc', content: [{ type: 'text', text: 'loose' }] }),
    ).toBe('A "text" node can\'t be inside "doc", at content[0].')
    expect(
      rejection({
        type: 'doc',
        content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
      }),
    ).toBe('A "listItem" node can\'t be inside "doc", at content[0].')
    expect(
      rejection({
        type: 'doc',
        content: [{ type: 'bulletList', content: [{ type: 'paragraph' }] }],
      }),
    ).toBe(
      'A "paragraph" node can\'t be inside "bulletList", at content[0].content[0].',
    )
    expect(rejection(paragraphDoc({ type: 'paragraph' }))).toBe(
      'A "paragraph" node can\'t be inside "paragraph", at content[0].content[0].',
    )
    expect(
      rejection({
        type: 'doc',
        content: [
          {
            type: 'codeBlock',
            content: [{ type: 'mention', attrs: { id: 'usr_a' } }],
          },
        ],
      }),
    ).toContain('"mention" node can\'t be inside "codeBlock"')
    expect(
      rejection({
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'doc' }] }],
      }),
    ).toContain('"doc" node can\'t be inside "paragraph"')
  })

  it('rejects marks inside a code block', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'codeBlock',
          content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] }],
        },
      ],
    }
    expect(rejection(doc)).toBe(
      "Text in a code block can't have marks, at content[0].content[0].",
    )
  })

  it('rejects malformed lists, list items and quotes', () => {
    expect(
      rejection({
        type: 'doc',
        content: [{ type: 'bulletList', content: [] }],
      }),
    ).toBe('A "bulletList" can\'t be empty, at content[0].')
    expect(rejection({ type: 'doc', content: [{ type: 'blockquote' }] })).toBe(
      'A "blockquote" can\'t be empty, at content[0].',
    )
    expect(
      rejection({
        type: 'doc',
        content: [
          {
            type: 'bulletList',
            content: [
              { type: 'listItem', content: [{ type: 'horizontalRule' }] },
            ],
          },
        ],
      }),
    ).toBe(
      'A "listItem" must start with a paragraph, at content[0].content[0].content[0].',
    )
  })

  it('rejects wrong shapes with the path', () => {
    expect(rejection({ type: 'doc', content: 'hello' })).toBe(
      'The content of "doc" at the root must be a list, got text.',
    )
    expect(rejection({ type: 'doc', content: [null] })).toBe(
      'Expected a node at content[0], got null.',
    )
    expect(rejection({ type: 'doc', content: [{ text: 'x' }] })).toBe(
      'The node at content[0] has no "type".',
    )
    expect(
      rejection(paragraphDoc({ type: 'text', text: 'x', marks: 'bold' })),
    ).toContain('marks at content[0].content[0] must be a list')
    expect(
      rejection(paragraphDoc({ type: 'text', text: 'x', marks: ['bold'] })),
    ).toContain('Expected a mark at content[0].content[0].marks[0]')
    expect(
      rejection(
        paragraphDoc({
          type: 'text',
          text: 'x',
          marks: [{ type: 'bold' }, { type: 'bold' }],
        }),
      ),
    ).toContain('appears twice')
    expect(
      rejection(
        paragraphDoc({ type: 'text', text: 'x', content: [{ type: 'text' }] }),
      ),
    ).toContain("can't have content")
    expect(rejection({ type: 'paragraph' })).toBe(
      'The root node must be "doc", got "paragraph".',
    )
    expect(rejection({ content: [] })).toBe(
      'The root node must be "doc", got nothing.',
    )
  })

  it.each([
    [null, 'null'],
    ['{"type":"doc"}', 'text'],
    [[{ type: 'doc' }], 'a list'],
    [42, 'a number'],
    [undefined, 'nothing'],
  ])('rejects the non-object input %j', (input, got) => {
    expect(rejection(input)).toBe(
      `The rich text must be a document object, got ${got}.`,
    )
  })

  it('rejects a 1 MB document, saying how big it is and what the limit is', () => {
    const text = 'x'.repeat(1024 * 1024)
    expect(rejection(paragraphDoc({ type: 'text', text }))).toBe(
      'The text is too long: 1 MB, the limit is 64 KB.',
    )
  })

  it('counts the size in UTF-8 bytes, not characters', () => {
    // 30,000 three-byte characters: under the limit in characters, over it in bytes.
    const text = '€'.repeat(30_000)
    expect(text.length).toBeLessThan(RICH_TEXT_MAX_BYTES)
    expect(rejection(paragraphDoc({ type: 'text', text }))).toMatch(
      /^The text is too long: 88 KB, the limit is 64 KB\.$/,
    )
  })

  it('gives exact byte counts just over the limit, where KB would read the same', () => {
    const shell = JSON.stringify(paragraphDoc({ type: 'text', text: '' }))
    const text = 'x'.repeat(RICH_TEXT_MAX_BYTES - shell.length + 1)
    expect(rejection(paragraphDoc({ type: 'text', text }))).toBe(
      'The text is too long: 65,537 bytes, the limit is 65,536 bytes.',
    )
    const fits = paragraphDoc({ type: 'text', text: text.slice(1) })
    expect(sanitizeRichText(fits).ok).toBe(true)
  })

  it('accepts the deepest allowed nesting and rejects one level more', () => {
    // doc + quotes + paragraph + text = levels + 2 nodes deep.
    expect(sanitizeRichText(nestedQuotes(RICH_TEXT_MAX_DEPTH - 2)).ok).toBe(
      true,
    )
    expect(rejection(nestedQuotes(RICH_TEXT_MAX_DEPTH - 1))).toContain(
      'nested too deeply',
    )
  })

  it('rejects 200-deep nesting without overflowing the stack', () => {
    const message = rejection(nestedQuotes(200))
    expect(message).toMatch(
      /^The document is nested too deeply at (content\[0\]\.){15}content\[0\]: the limit is 16 levels\.$/,
    )
    let list: unknown = { type: 'paragraph' }
    for (let i = 0; i < 100; i++) {
      list = {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [{ type: 'paragraph' }, list] }],
      }
    }
    expect(rejection({ type: 'doc', content: [list] })).toContain(
      'nested too deeply',
    )
  })

  it('rejects nesting deep enough to break JSON.stringify, and cycles, without throwing', () => {
    expect(rejection(nestedQuotes(200_000))).toContain('nested far too deeply')
    const cyclic: Record<string, unknown> = { type: 'doc', content: [] }
    ;(cyclic.content as unknown[]).push(cyclic)
    expect(rejection(cyclic)).toContain('not JSON data')
  })
})

describe('sanitizeRichText: copying', () => {
  it('drops unknown keys on nodes and marks instead of copying them', () => {
    const out = sanitized({
      type: 'doc',
      version: 3,
      content: [
        {
          type: 'paragraph',
          id: 'p1',
          onclick: 'alert(1)',
          marks: [{ type: 'bold' }],
          content: [
            {
              type: 'text',
              text: 'hi',
              html: '<b>hi</b>',
              marks: [{ type: 'bold', data: 1 }],
            },
          ],
        },
      ],
    })
    expect(out.doc).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'hi', marks: [{ type: 'bold' }] }],
        },
      ],
    })
    expect(Object.keys(out.doc.content[0]!)).toEqual(['type', 'content'])
  })

  it('ignores properties inherited from a prototype', () => {
    const inherited = Object.create({ type: 'iframe', text: 'x' }) as object
    expect(rejection({ type: 'doc', content: [inherited] })).toBe(
      'The node at content[0] has no "type".',
    )
  })

  it('shares no object with the input: mutating the input later changes nothing', () => {
    const input = tiptapDoc()
    const out = sanitized(input)
    const snapshot = JSON.stringify(out)
    const inputObjects = objectsIn(input)
    for (const object of objectsIn(out.doc)) {
      expect(inputObjects.has(object)).toBe(false)
    }
    const mutable = input as unknown as {
      content: { type: string; content: { text?: string }[] }[]
    }
    mutable.content[1]!.content[0]!.text = 'changed'
    mutable.content[0]!.type = 'iframe'
    mutable.content.length = 0
    expect(JSON.stringify(out)).toBe(snapshot)
  })
})

describe('links', () => {
  it.each([
    'https://example.com',
    'http://example.com/a?b=c#d',
    'HTTPS://EXAMPLE.COM/',
    'mailto:ada@example.com?subject=Plan',
    '/plans/pln_1/scenarios/scn_2',
    '/',
    '#comments',
    '#',
  ])('keeps the safe href %s', (href) => {
    expect(isSafeHref(href)).toBe(true)
    const out = sanitized(linked(href))
    expect(out.neutralisedLinks).toBe(0)
    expect(out.doc.content[0]).toEqual({
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: 'click me',
          marks: [{ type: 'link', attrs: { href } }],
        },
      ],
    })
  })

  it('stores the href as checked: trimmed, without control characters', () => {
    const out = sanitized(linked('  https://exa\tmple.com/\npath  '))
    expect(inventory(out.doc).hrefs).toEqual(['https://example.com/path'])
  })

  it.each([
    '',
    '   ',
    'ftp://example.com/file',
    'tel:+15555550100',
    'file:///etc/passwd',
    'relative/path',
    './relative',
    '?q=1',
    'https://',
    'http://[::1',
    `https://example.com/${'a'.repeat(2_000)}`,
  ])('neutralises the href %j, which is not on the allow-list', (href) => {
    expect(isSafeHref(href)).toBe(false)
    expect(sanitized(linked(href)).neutralisedLinks).toBe(1)
  })

  it('neutralises a link without an href', () => {
    expect(sanitized(linked(null)).neutralisedLinks).toBe(1)
    const noHref = paragraphDoc({
      type: 'text',
      text: 'x',
      marks: [{ type: 'link' }],
    })
    expect(sanitized(noHref).doc.content[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'x' }],
    })
    expect(rejection(linked(42))).toContain('"href"')
  })

  it.each(xssPayloads.map((p) => [p]))(
    'neutralises the payload %j as a link: the mark goes, the text and other marks stay',
    (payload) => {
      expect(isSafeHref(payload)).toBe(false)
      const out = sanitized(
        paragraphDoc(
          { type: 'text', text: 'before ' },
          {
            type: 'text',
            text: 'click me',
            marks: [
              { type: 'bold' },
              { type: 'link', attrs: { href: payload, rel: 'noopener' } },
            ],
          },
        ),
      )
      expect(out.neutralisedLinks).toBe(1)
      expect(out.doc.content[0]).toEqual({
        type: 'paragraph',
        content: [
          { type: 'text', text: 'before ' },
          { type: 'text', text: 'click me', marks: [{ type: 'bold' }] },
        ],
      })
      expect(out.plainText).toBe('before click me')
    },
  )

  it('counts every neutralised link', () => {
    const bad = (text: string) => ({
      type: 'text',
      text,
      marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
    })
    const out = sanitized({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [bad('a'), bad('b')] },
        { type: 'heading', attrs: { level: 1 }, content: [bad('c')] },
      ],
    })
    expect(out.neutralisedLinks).toBe(3)
  })

  it('includes every javascript: disguise in the shared payload list', () => {
    expect(new Set(xssPayloads).size).toBe(xssPayloads.length)
    expect(xssPayloads.length).toBeGreaterThanOrEqual(25)
    for (const needle of [
      '<script>',
      'onerror',
      'onload',
      'JaVaScRiPt:',
      'java\tscript:',
      '&#58;',
      'data:text/html',
      'vbscript:',
      '"><script>',
      'srcdoc',
      'expression(',
      'constructor.constructor',
    ]) {
      expect(xssPayloads.some((p) => p.includes(needle))).toBe(true)
    }
  })
})

describe('sanitizeRichText: every XSS payload in every position', () => {
  type Expect = 'accepted' | 'rejected' | 'either'
  const placements: [string, Expect, (payload: string) => unknown][] = [
    ['text', 'accepted', (p) => paragraphDoc({ type: 'text', text: p })],
    [
      'code text',
      'accepted',
      (p) => ({
        type: 'doc',
        content: [{ type: 'codeBlock', content: [{ type: 'text', text: p }] }],
      }),
    ],
    ['href', 'accepted', (p) => linked(p, p)],
    [
      'mention label',
      'accepted',
      (p) =>
        paragraphDoc({ type: 'mention', attrs: { id: 'usr_a', label: p } }),
    ],
    // A few payloads are longer than a user id may be.
    [
      'mention id',
      'either',
      (p) => paragraphDoc({ type: 'mention', attrs: { id: p, label: 'x' } }),
    ],
    [
      'code block language',
      'rejected',
      (p) => ({
        type: 'doc',
        content: [{ type: 'codeBlock', attrs: { language: p } }],
      }),
    ],
    ['node type', 'rejected', (p) => ({ type: 'doc', content: [{ type: p }] })],
    [
      'inline node type',
      'rejected',
      (p) => paragraphDoc({ type: p, text: 'x' }),
    ],
    [
      'mark type',
      'rejected',
      (p) => paragraphDoc({ type: 'text', text: 'x', marks: [{ type: p }] }),
    ],
    [
      'attribute name',
      'rejected',
      (p) => ({
        type: 'doc',
        content: [{ type: 'heading', attrs: { level: 1, [p]: p } }],
      }),
    ],
  ]

  it.each(placements)(
    'as %s: rejected, or no unsafe href and no unknown type in the output',
    (_, expected, place) => {
      for (const payload of xssPayloads) {
        const result = sanitizeRichText(place(payload))
        if (expected !== 'either') {
          expect(result.ok, JSON.stringify(payload)).toBe(
            expected === 'accepted',
          )
        }
        if (!result.ok) {
          expect(result.error.code).toBe('BAD_INPUT')
          continue
        }
        const { nodeTypes, markTypes, hrefs } = inventory(result.value.doc)
        for (const type of nodeTypes) {
          expect(allowedNodeTypes.has(type as string)).toBe(true)
        }
        for (const type of markTypes) {
          expect(allowedMarkTypes.has(type as string)).toBe(true)
        }
        for (const href of hrefs) {
          expect(typeof href).toBe('string')
          expect(hrefLooksSafe(href as string)).toBe(true)
          expect(isSafeHref(href as string)).toBe(true)
        }
      }
    },
  )

  it('keeps payloads that are only text as text, verbatim', () => {
    for (const payload of xssPayloads) {
      const out = sanitized(paragraphDoc({ type: 'text', text: payload }))
      expect(out.plainText).toBe(payload)
      const label = sanitized(
        paragraphDoc({ type: 'mention', attrs: { id: 'u', label: payload } }),
      )
      expect(label.plainText).toBe(`@${payload}`)
    }
  })
})

describe('richTextPlain', () => {
  it('puts blocks on their own lines and mentions as @label, or @id without one', () => {
    const doc = sanitized({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'one' },
            { type: 'hardBreak' },
            { type: 'text', text: 'two ' },
            { type: 'mention', attrs: { id: 'usr_x', label: null } },
          ],
        },
        { type: 'horizontalRule' },
        {
          type: 'orderedList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'a' }] },
                { type: 'paragraph', content: [{ type: 'text', text: 'b' }] },
              ],
            },
          ],
        },
      ],
    }).doc
    expect(richTextPlain(doc)).toBe('one\ntwo @usr_x\na\nb')
  })

  it('cuts at maxLength with an ellipsis', () => {
    const doc = richTextFromPlain('Please review the West region by Friday')
    expect(richTextPlain(doc, 100)).toBe(
      'Please review the West region by Friday',
    )
    expect(richTextPlain(doc, 39)).toBe(
      'Please review the West region by Friday',
    )
    expect(richTextPlain(doc, 38)).toBe(
      'Please review the West region by Frid…',
    )
    expect(richTextPlain(doc, 14)).toBe('Please review…')
    expect(richTextPlain(doc, 14).length).toBeLessThanOrEqual(14)
    expect(richTextPlain(doc, 1)).toBe('…')
    expect(richTextPlain(doc, 0)).toBe('')
  })

  it('never cuts an emoji in half', () => {
    const doc = richTextFromPlain('ab😀cd')
    expect(richTextPlain(doc, 4)).toBe('ab…')
    expect(richTextPlain(doc, 5)).toBe('ab😀…')
  })
})

describe('richTextFromPlain', () => {
  it('makes one paragraph per line, empty lines as empty paragraphs', () => {
    expect(richTextFromPlain('a\r\n\nb')).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'a' }] },
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: 'b' }] },
      ],
    })
    expect(richTextFromPlain('')).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph' }],
    })
  })

  it('round-trips through sanitizeRichText and richTextPlain', () => {
    for (const text of ['', 'one line', 'a\n\nb\n', ...xssPayloads]) {
      const out = sanitized(richTextFromPlain(text))
      expect(out.doc).toEqual(richTextFromPlain(text))
      expect(out.plainText).toBe(text.replace(/\r\n?/g, '\n'))
    }
  })
})
