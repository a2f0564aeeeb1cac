import type { Account } from '@tessera/domain'
import { useTranslation } from '../../../i18n'
import { useMoneyUnits } from '../../../lib/region-units'
import {
  formatCount,
  formatPercent,
  formatSignedPercent,
} from '../../../lib/format'

export interface UnitTooltipData {
  kind: 'unit'
  name: string
  area: string | undefined
  /** Money is shown in this territory's region's currency. */
  territoryId?: string | undefined
  territoryName: string | undefined
  territoryColor: string | undefined
  repName: string | undefined
  accounts: number
  potential: number
  /** Last-12-month sales; undefined when the server does not send them. */
  sales?: number
  topIndustry?: string
  /** Potential the forecast does not expect to capture; share of accounts buying. */
  whiteSpace?: number
  coverage?: number | undefined
  /** The territory's deviation from its target, when the page knows it. */
  deviation?: number
}

export interface AccountTooltipData {
  kind: 'account'
  account: Account
  /** The territory of the account's unit: money is shown in its region's currency. */
  territoryId?: string | undefined
}

export type TooltipData = UnitTooltipData | AccountTooltipData

interface MapTooltipProps {
  x: number
  y: number
  /** The map's size, so the card flips to stay inside it near the right and bottom edges. */
  bounds: { width: number; height: number }
  data: TooltipData
}

const OFFSET = 14
const CARD_WIDTH = 240
const CARD_HEIGHT = 200

export function MapTooltip({ x, y, bounds, data }: MapTooltipProps) {
  const left =
    x + OFFSET + CARD_WIDTH > bounds.width
      ? Math.max(4, x - OFFSET - CARD_WIDTH)
      : x + OFFSET
  const top =
    y + OFFSET + CARD_HEIGHT > bounds.height
      ? Math.max(4, y - OFFSET - CARD_HEIGHT)
      : y + OFFSET
  return (
    <div
      className="map-tooltip"
      style={{ left, top }}
      role="tooltip"
      data-testid="map-tooltip"
    >
      {data.kind === 'unit' ? (
        <UnitCard data={data} />
      ) : (
        <AccountCard account={data.account} territoryId={data.territoryId} />
      )}
    </div>
  )
}

function UnitCard({ data }: { data: UnitTooltipData }) {
  const { t } = useTranslation()
  const units = useMoneyUnits()
  const money = (value: number) => units.money(value, data.territoryId)
  return (
    <>
      <div className="map-tooltip__title">
        {data.name}
        {data.area ? (
          <span className="map-tooltip__subtle">, {data.area}</span>
        ) : null}
      </div>
      <div className="map-tooltip__territory">
        <span
          className="swatch"
          style={{ background: data.territoryColor ?? 'var(--unassigned)' }}
          aria-hidden
        />
        <span>{data.territoryName ?? t('map.tooltip.unassigned')}</span>
      </div>
      <dl className="map-tooltip__facts">
        <dt>{t('map.tooltip.rep')}</dt>
        <dd>{data.repName ?? '—'}</dd>
        <dt>{t('map.tooltip.accounts')}</dt>
        <dd>{formatCount(data.accounts)}</dd>
        <dt>{t('map.tooltip.potential')}</dt>
        <dd>{money(data.potential)}</dd>
        {data.sales !== undefined ? (
          <>
            <dt>{t('map.tooltip.sales')}</dt>
            <dd>{money(data.sales)}</dd>
          </>
        ) : null}
        {data.whiteSpace !== undefined ? (
          <>
            <dt>{t('map.tooltip.whiteSpace')}</dt>
            <dd>{money(data.whiteSpace)}</dd>
          </>
        ) : null}
        {data.coverage !== undefined ? (
          <>
            <dt>{t('map.tooltip.buying')}</dt>
            <dd>
              {t('map.tooltip.ofAccounts', {
                percent: formatPercent(data.coverage),
              })}
            </dd>
          </>
        ) : null}
        {data.topIndustry ? (
          <>
            <dt>{t('map.tooltip.mainIndustry')}</dt>
            <dd>{data.topIndustry}</dd>
          </>
        ) : null}
        {data.deviation !== undefined ? (
          <>
            <dt>{t('map.tooltip.vsTarget')}</dt>
            <dd>{formatSignedPercent(data.deviation)}</dd>
          </>
        ) : null}
      </dl>
    </>
  )
}

function AccountCard({
  account,
  territoryId,
}: {
  account: Account
  territoryId: string | undefined
}) {
  const { t } = useTranslation()
  const units = useMoneyUnits()
  const money = (value: number) => units.money(value, territoryId)
  const segments: Record<string, string> = t('common.segments', {
    returnObjects: true,
  })
  const segment =
    'segment' in account ? (account.segment as string | null) : undefined
  return (
    <>
      <div className="map-tooltip__title">{account.name}</div>
      <div className="map-tooltip__subtle">
        {account.industry} · {t(`common.sizeBands.${account.sizeBand}`)}
      </div>
      <dl className="map-tooltip__facts">
        <dt>{t('map.tooltip.potential')}</dt>
        <dd>{money(account.potential)}</dd>
        <dt>{t('map.tooltip.revenue')}</dt>
        <dd>{money(account.annualRevenue)}</dd>
        <dt>{t('map.tooltip.visits')}</dt>
        <dd>
          {t('map.tooltip.minutesPerWeek', {
            minutes: formatCount(account.workloadMinutes),
          })}
        </dd>
        {segment !== undefined ? (
          <>
            <dt>{t('map.tooltip.segment')}</dt>
            <dd>{(segment && segments[segment]) || segments['none']}</dd>
          </>
        ) : null}
      </dl>
    </>
  )
}
