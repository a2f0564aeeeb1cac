import { skipToken, useQuery } from '@tanstack/react-query'
import { type RichTextDoc, richTextPlain } from '@tessera/domain'
import { useMemo } from 'react'
import { useTRPC } from '../../../lib/trpc'

/**
 * The plan's open threads as the map shows them: those of this scenario or of none, each
 * with where it sits and a one-line label. Shares its query (and its live refetches) with
 * the discussion panel's "open" list.
 */
export function useMapThreads(
  planId: string | null,
  scenarioId: string | null,
) {
  const trpc = useTRPC()
  const threads = useQuery(
    trpc.comments.threads.queryOptions(
      planId ? { planId, status: 'open' } : skipToken,
    ),
  )
  return useMemo(
    () =>
      (threads.data ?? [])
        .filter((t) => t.scenarioId === null || t.scenarioId === scenarioId)
        .filter((t) => t.anchor !== 'scenario' && t.anchor !== 'change')
        .map((t) => ({
          threadId: t.id,
          anchor: t.anchor,
          territoryId: t.territoryId,
          unitId: t.unitId,
          lonLat: t.lonLat,
          label: `${t.authorName}: ${t.body ? richTextPlain(t.body as RichTextDoc, 60) : ''}`,
          resolved: t.resolvedAt !== null,
        })),
    [threads.data, scenarioId],
  )
}
