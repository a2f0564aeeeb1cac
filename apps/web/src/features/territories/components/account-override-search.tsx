import { useEffect, useState } from 'react'
import { useDebouncedValue } from '../../../hooks/use-debounced-value'
import { useTranslation } from '../../../i18n'
import { useLatest } from './territory-editor-ops'

/** An account as the search lists it. */
export interface AccountHit {
  id: string
  name: string
  externalId: string
  unitId: string | null
}

const SEARCH_DELAY_MS = 200

/** Where the type-ahead search stands. */
export type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; hits: AccountHit[] }
  | { status: 'error' }

/** The search's answers as a list to pick from, or what it is doing instead. */
export function SearchResults({
  id,
  search,
  query,
  placementOf,
  nameOf,
  onPick,
}: {
  id: string
  search: SearchState
  query: string
  placementOf: (accountId: string) => string | undefined
  nameOf: (territoryId: string) => string
  onPick: (hit: AccountHit) => void
}) {
  const { t } = useTranslation()
  if (search.status === 'idle') return null
  if (search.status === 'loading')
    return <p className="te-hint">{t('territories.placement.searching')}</p>
  if (search.status === 'error')
    return (
      <p className="te-field__error" role="alert">
        {t('territories.placement.searchFailed')}
      </p>
    )
  if (search.hits.length === 0)
    return (
      <p className="te-hint" data-testid="account-search-empty">
        {t('territories.placement.noMatch', { query: query.trim() })}
      </p>
    )
  return (
    <ul
      id={id}
      className="account-override__results"
      aria-label={t('territories.placement.found')}
    >
      {search.hits.map((hit) => {
        const placed = placementOf(hit.id)
        return (
          <li key={hit.id}>
            <button
              type="button"
              className="account-override__hit"
              onClick={() => onPick(hit)}
              data-testid="account-search-result"
            >
              <span className="account-override__name">{hit.name}</span>
              <span className="te-hint">
                {hit.externalId}
                {placed
                  ? t('territories.placement.placedElsewhere', {
                      name: nameOf(placed),
                    })
                  : ''}
              </span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}

/** The search's answer for `query` once typing pauses; a late answer to an old query is dropped. */
export function useAccountSearch(
  query: string,
  searchAccounts: (q: string) => Promise<AccountHit[]>,
): SearchState {
  const settled = useDebouncedValue(query.trim(), SEARCH_DELAY_MS)
  const search = useLatest(searchAccounts)
  const [state, setState] = useState<SearchState>({ status: 'idle' })
  useEffect(() => {
    if (settled === '') {
      setState({ status: 'idle' })
      return
    }
    let current = true
    setState({ status: 'loading' })
    search.current(settled).then(
      (hits) => current && setState({ status: 'done', hits }),
      () => current && setState({ status: 'error' }),
    )
    return () => {
      current = false
    }
  }, [settled, search])
  return query.trim() === '' ? { status: 'idle' } : state
}
