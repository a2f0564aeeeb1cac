import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { useTRPC } from '../../../lib/trpc'
import type { AccountsFilter } from '../hooks/use-accounts-in-view'
import { SEGMENTS } from '../lib/segments'
import { useTranslation } from '../../../i18n'

const SIZE_BANDS = ['small', 'mid', 'large', 'enterprise'] as const

/** The map's account filters: behavioural segment, industry and size band. */
export function AccountFilters({
  filter,
  onFilter,
}: {
  filter: AccountsFilter
  onFilter: (filter: AccountsFilter) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const trpc = useTRPC()
  const industries = useQuery(
    trpc.accounts.industries.queryOptions(undefined, { staleTime: 300_000 }),
  )
  const set = (key: keyof AccountsFilter, value: string) =>
    onFilter({ ...filter, [key]: value || null })
  return (
    <div className="map-legend__filters">
      <label htmlFor={`${id}-segment`}>{t('map.filters.accounts')}</label>
      <select
        id={`${id}-segment`}
        value={filter.segment ?? ''}
        onChange={(e) => set('segment', e.target.value)}
        data-testid="map-segment"
      >
        <option value="">{t('map.filters.allSegments')}</option>
        {SEGMENTS.map((s) => (
          <option key={s.id} value={s.id}>
            {t(`common.segments.${s.id}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('map.filters.industry')}
        value={filter.industry ?? ''}
        onChange={(e) => set('industry', e.target.value)}
        data-testid="map-industry"
      >
        <option value="">{t('map.filters.allIndustries')}</option>
        {(industries.data ?? []).map((i) => (
          <option key={i.industry} value={i.industry}>
            {i.industry}
          </option>
        ))}
      </select>
      <select
        aria-label={t('map.filters.sizeBand')}
        value={filter.sizeBand ?? ''}
        onChange={(e) => set('sizeBand', e.target.value)}
        data-testid="map-size"
      >
        <option value="">{t('map.filters.allSizes')}</option>
        {SIZE_BANDS.map((b) => (
          <option key={b} value={b}>
            {t(`common.sizeBands.${b}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
