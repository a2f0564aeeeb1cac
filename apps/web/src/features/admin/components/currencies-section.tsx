import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { formatWhen } from '../../../lib/dates'
import { formatDecimal } from '../../../lib/format'
import { useTRPC } from '../../../lib/trpc'
import { useTranslation } from '../../../i18n'

/**
 * Money and distances (admins): the base currency every amount is stored in, the default
 * distance unit, and the rates regions shown in other currencies are converted with (and
 * imports in other currencies converted by). A region's own currency and unit are set in
 * the plan's Regions tab.
 */
export function CurrenciesSection({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const settings = useQuery({
    ...trpc.settings.currencies.queryOptions(),
    enabled,
  })
  const refresh = () =>
    void queryClient.invalidateQueries({
      queryKey: trpc.settings.currencies.queryKey(),
    })
  const setUnits = useMutation(
    trpc.settings.setUnits.mutationOptions({ onSettled: refresh }),
  )
  const setRate = useMutation(
    trpc.settings.setRate.mutationOptions({
      onSuccess: () => {
        setCode('')
        setPerBase('')
      },
      onSettled: refresh,
    }),
  )
  const removeRate = useMutation(
    trpc.settings.removeRate.mutationOptions({ onSettled: refresh }),
  )
  const [code, setCode] = useState('')
  const [perBase, setPerBase] = useState('')
  const [base, setBase] = useState('')
  const failed =
    settings.error ?? setUnits.error ?? setRate.error ?? removeRate.error
  const data = settings.data
  const rate = Number(perBase.replace(',', '.'))

  return (
    <section
      className="integrations-section"
      aria-labelledby="currencies-title"
    >
      <h3 id="currencies-title">{t('admin.currencies.title')}</h3>
      <p className="admin-muted">{t('admin.currencies.intro')}</p>
      {data ? (
        <div className="admin-dialog__row">
          <label className="admin-field">
            <span>{t('admin.currencies.base')}</span>
            <input
              value={base || data.base}
              maxLength={3}
              onChange={(e) => setBase(e.target.value.toUpperCase())}
              data-testid="base-currency"
            />
          </label>
          <button
            type="button"
            className="button button--ghost"
            disabled={!base || base === data.base || setUnits.isPending}
            onClick={() =>
              setUnits.mutate(
                { baseCurrency: base },
                { onSuccess: () => setBase('') },
              )
            }
          >
            {t('admin.currencies.change')}
          </button>
          <label className="admin-field">
            <span>{t('admin.currencies.distances')}</span>
            <select
              value={data.distanceUnit}
              onChange={(e) =>
                setUnits.mutate({
                  distanceUnit: e.target.value as 'km' | 'mi',
                })
              }
              data-testid="distance-unit"
            >
              <option value="km">{t('admin.currencies.km')}</option>
              <option value="mi">{t('admin.currencies.mi')}</option>
            </select>
          </label>
        </div>
      ) : null}
      <table className="admin-table" data-testid="currency-rates">
        <thead>
          <tr>
            <th>{t('admin.currencies.currency')}</th>
            <th className="num">
              {t('admin.currencies.perBase', { base: data?.base ?? '' })}
            </th>
            <th>{t('admin.currencies.set')}</th>
            <th aria-label={t('admin.actions')} />
          </tr>
        </thead>
        <tbody>
          {(data?.rateList ?? []).map((r) => (
            <tr key={r.currency} data-testid="currency-rate">
              <td>{r.currency}</td>
              <td className="num">{formatDecimal(r.perBase, 6)}</td>
              <td>{formatWhen(r.setAt)}</td>
              <td>
                <button
                  type="button"
                  className="button button--ghost"
                  aria-label={t('admin.currencies.removeLabel', {
                    currency: r.currency,
                  })}
                  onClick={() => removeRate.mutate({ currency: r.currency })}
                >
                  {t('admin.currencies.remove')}
                </button>
              </td>
            </tr>
          ))}
          {data && data.rateList.length === 0 ? (
            <tr>
              <td colSpan={4} className="admin-muted">
                {t('admin.currencies.none')}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <form
        className="admin-dialog__row"
        onSubmit={(e) => {
          e.preventDefault()
          if (code && rate > 0)
            setRate.mutate({ currency: code, perBase: rate })
        }}
      >
        <label className="admin-field">
          <span>{t('admin.currencies.currency')}</span>
          <input
            value={code}
            maxLength={3}
            placeholder="GBP"
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            data-testid="rate-currency"
          />
        </label>
        <label className="admin-field">
          <span>
            {t('admin.currencies.unitsPer', { base: data?.base ?? '' })}
          </span>
          <input
            value={perBase}
            inputMode="decimal"
            placeholder="0.86"
            onChange={(e) => setPerBase(e.target.value)}
            data-testid="rate-value"
          />
        </label>
        <button
          type="submit"
          className="button button--primary"
          disabled={!code || !(rate > 0) || setRate.isPending}
          data-testid="rate-save"
        >
          {t('admin.currencies.setRate')}
        </button>
      </form>
      {perBase.trim() && !(rate > 0) ? (
        <p className="error-box" role="status">
          {t('admin.currencies.badRate')}
        </p>
      ) : null}
      {failed ? (
        <p className="error-box" role="alert">
          {failed.message}
        </p>
      ) : null}
    </section>
  )
}
