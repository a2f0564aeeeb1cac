import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query'
import type { BBox } from '@tessera/domain'
import { useDebouncedValue } from '../../../hooks/use-debounced-value'
import { useTRPC } from '../../../lib/trpc'

/**
 * How many accounts one view asks for; the API returns the biggest potential first. A
 * country-wide view shows fewer: thousands of overlapping dots say less than the density
 * layer does, and each dot is vertices every frame (software renderers feel them).
 */
export function accountsPerView(zoom: number): number {
  return zoom < 5 ? 1000 : 2500
}
const DEBOUNCE_MS = 300

function sameBox(a: BBox | null, b: BBox | null): boolean {
  return a === b || (a !== null && b !== null && a.every((v, i) => v === b[i]))
}

/**
 * The accounts inside the visible map area. The box is debounced so a pan or a zoom asks
 * once when it settles, and the previous points stay on screen while the next page loads.
 */
/** Which accounts the map's dots show; each absent field means "any". */
export interface AccountsFilter {
  segment?: string | null
  industry?: string | null
  sizeBand?: string | null
}

export function useAccountsInView(
  layerId: string,
  bbox: BBox | null,
  zoom: number,
  filter: AccountsFilter = {},
) {
  const trpc = useTRPC()
  const settled = useDebouncedValue(bbox, DEBOUNCE_MS, sameBox)
  return useQuery(
    trpc.accounts.inBBox.queryOptions(
      settled
        ? {
            bbox: settled,
            // Each account's unit in the plan's own layer (an organization may have several).
            layerId,
            limit: accountsPerView(zoom),
            ...(filter.segment ? { segments: [filter.segment] } : {}),
            ...(filter.industry ? { industries: [filter.industry] } : {}),
            ...(filter.sizeBand ? { sizeBands: [filter.sizeBand] } : {}),
          }
        : skipToken,
      {
        placeholderData: keepPreviousData,
        staleTime: 5 * 60_000,
      },
    ),
  )
}
