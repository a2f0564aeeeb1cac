import { useId, useMemo, useState } from 'react'
import { formatMoney } from '../../../lib/format'
import { useTranslation } from '../../../i18n'
import type { MyChange } from './my-changes-page'

type AccountMove = MyChange['gained'][number]

/** How many accounts show before "Show all": enough to see the big ones on a phone. */
const FIRST = 5

/**
 * The accounts that come to the rep or leave them, largest potential first, with their
 * potential and last-12-month sales; long lists show the first few and a "Show all".
 */
export function AccountMoves({
  title,
  moves,
  kind,
}: {
  title: string
  moves: readonly AccountMove[]
  kind: 'gained' | 'lost'
}) {
  const { t } = useTranslation()
  const id = useId()
  const [all, setAll] = useState(false)
  const sorted = useMemo(
    () =>
      [...moves].sort(
        (a, b) =>
          b.potential - a.potential ||
          b.sales12m - a.sales12m ||
          a.name.localeCompare(b.name),
      ),
    [moves],
  )
  const total = useMemo(
    () => moves.reduce((sum, m) => sum + m.potential, 0),
    [moves],
  )
  const shown = all ? sorted : sorted.slice(0, FIRST)

  return (
    <section
      className={`account-moves account-moves--${kind}`}
      aria-labelledby={`${id}-title`}
      data-testid={`accounts-${kind}`}
    >
      <h3 id={`${id}-title`} className="account-moves__title">
        {title}{' '}
        <span className="account-moves__total">
          {t('common.count.account', { count: moves.length })}
          {moves.length > 0
            ? t('myChanges.moves.total', { potential: formatMoney(total) })
            : ''}
        </span>
      </h3>
      {moves.length === 0 ? (
        <p className="account-moves__none">{t('myChanges.moves.none')}</p>
      ) : (
        <>
          <table className="account-moves__table" id={`${id}-table`}>
            <thead>
              <tr>
                <th scope="col">{t('myChanges.moves.account')}</th>
                <th scope="col" className="num">
                  {t('myChanges.moves.potential')}
                </th>
                <th scope="col" className="num">
                  {t('myChanges.moves.sales')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => (
                <tr key={m.accountId} data-testid="account-move">
                  <th scope="row" className="account-moves__name">
                    {m.name}
                  </th>
                  <td
                    className="num"
                    data-label={t('myChanges.moves.potential')}
                  >
                    {formatMoney(m.potential)}
                  </td>
                  <td className="num" data-label={t('myChanges.moves.sales')}>
                    {formatMoney(m.sales12m)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {sorted.length > FIRST ? (
            <button
              type="button"
              className="button button--ghost account-moves__toggle"
              aria-expanded={all}
              aria-controls={`${id}-table`}
              onClick={() => setAll((v) => !v)}
            >
              {all
                ? t('myChanges.moves.showFewer')
                : t('myChanges.moves.showAll', { count: sorted.length })}
            </button>
          ) : null}
        </>
      )}
    </section>
  )
}
