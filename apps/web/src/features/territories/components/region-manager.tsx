import type { TerritoryRecord } from '@tessera/domain'
import { useMemo, useState } from 'react'
import { useTranslation } from '../../../i18n'
import { useMoneyUnits } from '../../../lib/region-units'
import { InlineRename, NameField } from './territory-editor-name'
import {
  type EditAccess,
  blockedReason,
  regionsByName,
  useEdit,
} from './territory-editor-ops'
import '../territory-editor.css'

interface RegionManagerProps extends EditAccess {
  territories: readonly TerritoryRecord[]
}

/** The plan's regions: add one, rename one in place, delete one (its territories stay). */
export function RegionManager(props: RegionManagerProps) {
  const { territories, ops } = props
  const { t } = useTranslation()
  const edit = useEdit(props)
  const reason = blockedReason(props)
  const disabled = reason !== null
  const regions = useMemo(() => regionsByName(territories), [territories])
  const counts = useMemo(() => {
    const n = new Map<string, number>()
    for (const t of territories)
      if (t.kind === 'territory' && t.parentId)
        n.set(t.parentId, (n.get(t.parentId) ?? 0) + 1)
    return n
  }, [territories])
  const units = useMoneyUnits()
  const [confirming, setConfirming] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [touched, setTouched] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const check = ops.checkName(territories, name, {
    kind: 'region',
    parentId: null,
  })
  const error = refusal ?? (touched && !check.ok ? check.message : null)

  const create = (e: React.FormEvent) => {
    e.preventDefault()
    setTouched(true)
    if (!check.ok) return
    const outcome = edit((plan) => ops.createRegion(plan, check.name), {
      quiet: true,
    })
    if (!outcome) return
    if (!outcome.ok) {
      setRefusal(outcome.message)
      return
    }
    props.onMessage(t('territories.regions.added', { name: check.name }))
    setName('')
    setTouched(false)
  }
  const remove = (region: TerritoryRecord) => {
    const outcome = edit((plan) => ops.deleteRegion(plan, region.id))
    setConfirming(null)
    if (outcome?.ok)
      props.onMessage(
        t('territories.regions.deleted', {
          name: region.name,
          territories: t('common.count.territory', {
            count: outcome.territories,
          }),
        }),
      )
  }

  return (
    <section
      className="region-manager"
      aria-labelledby="region-manager-title"
      data-testid="region-manager"
    >
      <h3 id="region-manager-title" className="te-section__title">
        {t('territories.regions.title')}
      </h3>
      {reason ? <p className="te-readonly">{reason}</p> : null}
      {regions.length === 0 ? (
        <p className="te-hint">{t('territories.regions.none')}</p>
      ) : (
        <ul className="region-manager__list">
          {regions.map((r) => (
            <li
              key={r.id}
              className="region-manager__row"
              data-testid="region-row"
              data-region-id={r.id}
            >
              <span
                className="swatch"
                style={{ background: r.color }}
                aria-hidden
              />
              <div className="region-manager__name">
                <InlineRename
                  label={t('territories.regions.nameOf', { name: r.name })}
                  value={r.name}
                  validate={(typed) =>
                    ops.checkName(territories, typed, {
                      kind: 'region',
                      parentId: null,
                      exceptId: r.id,
                    })
                  }
                  onCommit={(next) =>
                    edit((plan) => ops.renameRegion(plan, r.id, next), {
                      quiet: true,
                    })
                  }
                  disabled={disabled}
                  testId="region-name"
                />
              </div>
              <RegionUnitsPicker
                region={r}
                base={units.base}
                baseUnit={units.distanceUnit}
                rated={units.rated}
                disabled={disabled}
                onChange={(choice) =>
                  edit((plan) => ops.setRegionUnits(plan, r.id, choice))
                }
              />
              <span className="te-hint region-manager__count">
                {t('common.count.territory', {
                  count: counts.get(r.id) ?? 0,
                })}
              </span>
              {confirming === r.id ? (
                <span className="te-actions">
                  <button
                    type="button"
                    className="button button--primary te-button te-button--danger-solid"
                    onClick={() => remove(r)}
                    data-testid="region-delete-confirm"
                  >
                    {t('common.delete')}
                  </button>
                  <button
                    type="button"
                    className="button button--ghost te-button"
                    onClick={() => setConfirming(null)}
                  >
                    {t('territories.regions.keep')}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--ghost te-button"
                  disabled={disabled}
                  aria-label={t('territories.regions.deleteLabel', {
                    name: r.name,
                  })}
                  onClick={() => setConfirming(r.id)}
                  data-testid="region-delete"
                >
                  {t('territories.restructure.delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="region-manager__new" onSubmit={create}>
        <NameField
          label={t('territories.regions.newRegion')}
          value={name}
          onChange={(v) => {
            setName(v)
            setTouched(true)
            setRefusal(null)
          }}
          error={error}
          disabled={disabled}
          placeholder={t('territories.regions.placeholder')}
          testId="region-new-name"
        />
        <button
          type="submit"
          className="button button--secondary te-button"
          disabled={disabled}
          data-testid="region-create"
        >
          {t('territories.regions.add')}
        </button>
      </form>
    </section>
  )
}

/**
 * A region's currency and distance unit. Only currencies with a rate are offered (an
 * admin sets rates under Settings and integrations); a region keeping one whose rate was
 * removed shows it, marked, and its figures read in the base currency meanwhile.
 */
function RegionUnitsPicker({
  region,
  base,
  baseUnit,
  rated,
  disabled,
  onChange,
}: {
  region: TerritoryRecord
  base: string
  baseUnit: 'km' | 'mi'
  rated: readonly string[]
  disabled: boolean
  onChange: (choice: {
    currency?: string | null
    distanceUnit?: 'km' | 'mi' | null
  }) => void
}) {
  const { t } = useTranslation()
  const own = region.currency
  const orphan = own && own !== base && !rated.includes(own) ? own : null
  return (
    <span className="region-manager__units">
      <select
        aria-label={t('territories.regions.currencyOf', { name: region.name })}
        value={own && own !== base ? own : ''}
        disabled={disabled}
        onChange={(e) => onChange({ currency: e.target.value || null })}
        data-testid="region-currency"
      >
        <option value="">{base}</option>
        {rated
          .filter((c) => c !== base)
          .map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        {orphan ? (
          <option value={orphan}>
            {t('territories.regions.noRate', { code: orphan })}
          </option>
        ) : null}
      </select>
      <select
        aria-label={t('territories.regions.distanceOf', { name: region.name })}
        value={region.distanceUnit ?? ''}
        disabled={disabled}
        onChange={(e) =>
          onChange({
            distanceUnit: (e.target.value || null) as 'km' | 'mi' | null,
          })
        }
        data-testid="region-distance-unit"
      >
        <option value="">{baseUnit}</option>
        {(['km', 'mi'] as const)
          .filter((u) => u !== baseUnit)
          .map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
      </select>
    </span>
  )
}
