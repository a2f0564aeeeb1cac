import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { formatWhen } from '../../../lib/dates'
import { useTRPC } from '../../../lib/trpc'

/**
 * Money and distances (admins): the base currency every amount is stored in, the default
 * distance unit, and the rates regions shown in other currencies are converted with (and
 * imports in other currencies converted by). A region's own currency and unit are set in
 * the plan's Regions tab.
 */
export function CurrenciesSection({ enabled }: { enabled: boolean }) {
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
      <h3 id="currencies-title">Currencies and distances</h3>
      <p className="admin-muted">
        Amounts are stored in the base currency. A region shown in another
        currency is converted with the rate set here, and so is an import whose
        rows name another currency; without a rate, figures stay in the base
        currency.
      </p>
      {data ? (
        <div className="currencies-units">
          <label className="field">
            <span>Base currency</span>
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
            Change
          </button>
          <label className="field">
            <span>Distances in</span>
            <select
              value={data.distanceUnit}
              onChange={(e) =>
                setUnits.mutate({
                  distanceUnit: e.target.value as 'km' | 'mi',
                })
              }
              data-testid="distance-unit"
            >
              <option value="km">kilometres</option>
              <option value="mi">miles</option>
            </select>
          </label>
        </div>
      ) : null}
      <table className="admin-table" data-testid="currency-rates">
        <thead>
          <tr>
            <th>Currency</th>
            <th>Per {data?.base ?? 'base'}</th>
            <th>Set</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {(data?.rateList ?? []).map((r) => (
            <tr key={r.currency} data-testid="currency-rate">
              <td>{r.currency}</td>
              <td>{r.perBase}</td>
              <td>{formatWhen(r.setAt)}</td>
              <td>
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => removeRate.mutate({ currency: r.currency })}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
          {data && data.rateList.length === 0 ? (
            <tr>
              <td colSpan={4} className="admin-muted">
                No other currency yet.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <form
        className="currencies-add"
        onSubmit={(e) => {
          e.preventDefault()
          if (code && rate > 0)
            setRate.mutate({ currency: code, perBase: rate })
        }}
      >
        <label className="field">
          <span>Currency</span>
          <input
            value={code}
            maxLength={3}
            placeholder="GBP"
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            data-testid="rate-currency"
          />
        </label>
        <label className="field">
          <span>Units per {data?.base ?? 'base'}</span>
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
          Set rate
        </button>
      </form>
      {failed ? (
        <p className="error-box" role="alert">
          {failed.message}
        </p>
      ) : null}
    </section>
  )
}
