/** The documents the hub serves: a scenario's plan, or one territory's rich-text notes. */
export type DocRef =
  | { kind: 'scenario'; scenarioId: string }
  | { kind: 'notes'; scenarioId: string; territoryId: string }

const ID = /^[A-Za-z0-9_-]{1,64}$/

/** The document name of a reference: the inverse of {@link parseDocName}. */
export function docNameOf(doc: DocRef): string {
  return doc.kind === 'scenario'
    ? `scenario:${doc.scenarioId}`
    : `notes:${doc.scenarioId}:${doc.territoryId}`
}

/**
 * Parses `/yjs/<docName>` (or a bare doc name) into what it refers to, or null for anything
 * else, so the hub never creates a room for an arbitrary string a client sends.
 */
export function parseDocName(pathOrName: string): DocRef | null {
  let name = pathOrName.startsWith('/yjs/')
    ? pathOrName.slice('/yjs/'.length)
    : pathOrName
  name = name.split('?')[0] ?? ''
  try {
    name = decodeURIComponent(name)
  } catch {
    return null
  }
  const parts = name.split(':')
  if (
    parts[0] === 'scenario' &&
    parts.length === 2 &&
    ID.test(parts[1] ?? '')
  ) {
    return { kind: 'scenario', scenarioId: parts[1] as string }
  }
  if (
    parts[0] === 'notes' &&
    parts.length === 3 &&
    ID.test(parts[1] ?? '') &&
    ID.test(parts[2] ?? '')
  ) {
    return {
      kind: 'notes',
      scenarioId: parts[1] as string,
      territoryId: parts[2] as string,
    }
  }
  return null
}
