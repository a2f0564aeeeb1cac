import { useEffect, useId, useMemo, useState } from 'react'
import { useTranslation } from '../../../i18n'
import { entriesOf } from '../../../lib/plan-record'
import {
  type AccountHit,
  SearchResults,
  useAccountSearch,
} from './account-override-search'
import {
  type EditAccess,
  type PlanView,
  blockedReason,
  territoriesByName,
  useEdit,
  useLatest,
} from './territory-editor-ops'
import '../territory-editor.css'

export type { AccountHit } from './account-override-search'

interface AccountOverrideProps extends EditAccess {
  plan: PlanView
  /** The selected territory: the default target, and whose placed accounts are listed. */
  territoryId: string | null
  /** Type-ahead search by name or CRM id (the API's `accounts.search`). */
  searchAccounts: (query: string) => Promise<AccountHit[]>
  /** Names for account ids (the API's `accounts.byIds`). */
  lookupAccounts: (ids: string[]) => Promise<AccountHit[]>
}

/** Placed accounts listed at most; the rest are counted. */
const LIST_LIMIT = 200

/**
 * Places one account in a territory apart from its unit (a key account kept with its rep
 * after a redraw), and lists the accounts placed in the selected territory, each with a way
 * to let it follow its unit again.
 */
export function AccountOverride(props: AccountOverrideProps) {
  const { plan, territoryId, ops } = props
  const { t } = useTranslation()
  const edit = useEdit(props)
  const reason = blockedReason(props)
  const disabled = reason !== null
  const id = useId()
  const territories = useMemo(
    () => territoriesByName(plan.territories),
    [plan.territories],
  )
  const nameOf = (tid: string) =>
    plan.territories.find((r) => r.id === tid)?.name ??
    t('territories.placement.deletedTerritory')

  const [query, setQuery] = useState('')
  const search = useAccountSearch(query, props.searchAccounts)
  const [chosen, setChosen] = useState<AccountHit | null>(null)
  const [targetId, setTargetId] = useState(territoryId ?? '')
  useEffect(() => setTargetId(territoryId ?? ''), [territoryId])
  const target = territories.find((t) => t.id === targetId && !t.locked)

  const placedIds = useMemo(
    () =>
      // (Not `Object.entries`: see plan-record, a proxy answers it key by key.)
      [...entriesOf(plan.accountOverrides)]
        .filter(([, t]) => t === territoryId)
        .map(([a]) => a)
        .sort(),
    [plan.accountOverrides, territoryId],
  )
  const names = useAccountNames(
    placedIds.slice(0, LIST_LIMIT),
    props.lookupAccounts,
  )

  const apply = () => {
    if (!chosen || !target) return
    const outcome = edit((doc) =>
      ops.setAccountOverride(doc, chosen.id, target.id),
    )
    if (!outcome?.ok) return
    props.onMessage(
      t('territories.placement.nowBelongs', {
        account: chosen.name,
        territory: target.name,
      }),
    )
    setChosen(null)
    setQuery('')
  }
  const follow = (accountId: string, name: string) => {
    const outcome = edit((doc) => ops.setAccountOverride(doc, accountId, null))
    if (outcome?.ok)
      props.onMessage(
        t('territories.placement.followsAgain', { account: name }),
      )
  }

  return (
    <section
      className="account-override"
      aria-labelledby={`${id}-title`}
      data-testid="account-override"
    >
      <h3 id={`${id}-title`} className="te-section__title">
        {t('territories.placement.title')}
      </h3>
      {reason ? <p className="te-readonly">{reason}</p> : null}
      <div className="te-field">
        <label htmlFor={`${id}-q`} className="te-field__label">
          {t('territories.placement.account')}
        </label>
        <input
          id={`${id}-q`}
          className="te-input"
          type="search"
          value={query}
          placeholder={t('territories.placement.searchPlaceholder')}
          maxLength={100}
          autoComplete="off"
          disabled={disabled}
          aria-controls={`${id}-results`}
          onChange={(e) => {
            setQuery(e.target.value)
            setChosen(null)
          }}
          data-testid="account-search"
        />
      </div>
      {chosen ? null : (
        <SearchResults
          id={`${id}-results`}
          search={search}
          query={query}
          placementOf={(a) => plan.accountOverrides[a]}
          nameOf={nameOf}
          onPick={(hit) => {
            setChosen(hit)
            setQuery(hit.name)
          }}
        />
      )}
      {chosen ? (
        <p className="te-hint" data-testid="account-chosen">
          {plan.accountOverrides[chosen.id]
            ? t('territories.placement.chosenPlaced', {
                name: chosen.name,
                id: chosen.externalId,
                territory: nameOf(plan.accountOverrides[chosen.id]!),
              })
            : t('territories.placement.chosenFollows', {
                name: chosen.name,
                id: chosen.externalId,
              })}
        </p>
      ) : null}
      <div className="te-field">
        <label htmlFor={`${id}-target`} className="te-field__label">
          {t('territories.placement.territory')}
        </label>
        <select
          id={`${id}-target`}
          className="te-input"
          value={targetId}
          disabled={disabled}
          onChange={(e) => setTargetId(e.target.value)}
          data-testid="account-override-target"
        >
          <option value="">
            {t('territories.restructure.chooseTerritory')}
          </option>
          {territories.map((r) => (
            <option key={r.id} value={r.id} disabled={r.locked}>
              {r.locked
                ? t('territories.placement.lockedOption', { name: r.name })
                : r.name}
            </option>
          ))}
        </select>
      </div>
      <div className="te-actions">
        <button
          type="button"
          className="button button--primary te-button"
          disabled={disabled || !chosen || !target}
          onClick={apply}
          data-testid="account-override-apply"
        >
          {t('territories.placement.apply')}
        </button>
      </div>
      {territoryId ? (
        <div className="te-section">
          <h4 className="te-section__title">
            {t('territories.placement.placedIn', { name: nameOf(territoryId) })}
          </h4>
          {placedIds.length === 0 ? (
            <p className="te-hint">{t('territories.placement.none')}</p>
          ) : (
            <ul className="account-override__list">
              {placedIds.slice(0, LIST_LIMIT).map((a) => {
                const hit = names.get(a)
                const label = hit?.name ?? a
                return (
                  <li
                    key={a}
                    className="account-override__row"
                    data-testid="account-override-row"
                  >
                    <span className="account-override__name">
                      {label}
                      {hit ? (
                        <span className="te-hint"> {hit.externalId}</span>
                      ) : null}
                    </span>
                    <button
                      type="button"
                      className="button button--ghost te-button"
                      disabled={disabled}
                      onClick={() => follow(a, label)}
                      data-testid="account-override-clear"
                    >
                      {t('territories.placement.followAgain')}
                    </button>
                  </li>
                )
              })}
            </ul>
          )}
          {placedIds.length > LIST_LIMIT ? (
            <p className="te-hint">
              {t('territories.placement.more', {
                count: placedIds.length - LIST_LIMIT,
              })}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}

/** Names for these account ids, fetched when the set changes (ids stay shown meanwhile). */
function useAccountNames(
  ids: readonly string[],
  lookupAccounts: (ids: string[]) => Promise<AccountHit[]>,
): ReadonlyMap<string, AccountHit> {
  const key = ids.join('\n')
  const lookup = useLatest(lookupAccounts)
  const [names, setNames] = useState<ReadonlyMap<string, AccountHit>>(new Map())
  useEffect(() => {
    const wanted = key === '' ? [] : key.split('\n')
    if (wanted.length === 0) return
    let current = true
    lookup.current(wanted).then(
      (hits) => {
        if (current) setNames(new Map(hits.map((h) => [h.id, h])))
      },
      // Without names the ids still show and every action still works.
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [key, lookup])
  return names
}
