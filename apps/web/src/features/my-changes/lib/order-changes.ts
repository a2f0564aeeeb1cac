/** What ordering needs of a change: its round's status and submission time. */
interface Ordered {
  round: { status: string; submittedAt: string }
}

/**
 * The changes as the page lists them: rounds still open first (those ask for an answer),
 * then the decided ones; newest submission first within each.
 */
export function orderChanges<T extends Ordered>(changes: readonly T[]): T[] {
  const open = (c: T) => (c.round.status === 'open' ? 0 : 1)
  return [...changes].sort(
    (a, b) =>
      open(a) - open(b) ||
      b.round.submittedAt.localeCompare(a.round.submittedAt),
  )
}
