import { memo, useMemo } from 'react'
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts'
import type { Dashboard, TerritoryFigures } from '../api/use-dashboard'
import { formatMoney } from '../lib/figures'
import { type TrendRow, longMonth, shortMonth, trendRows } from '../lib/trend'
import { i18n, useTranslation } from '../../../i18n'

const PLAN_COLOR = '#334155'

/**
 * Monthly sales over 24 months, the plan's on the left axis and the selected territory's
 * on the right (a territory is a small part of the plan: one axis would flatten it), each
 * continued by its 12-month forecast, dashed.
 */
export const TrendChart = memo(function TrendChart({
  months,
  summary,
  territory,
}: {
  months: readonly string[]
  summary: Dashboard['summary']
  territory: TerritoryFigures | null
}) {
  const { t } = useTranslation()
  const rows = useMemo(
    () => trendRows(months, summary, territory),
    [months, summary, territory],
  )
  const lastActual = months[months.length - 1]
  return (
    <LineChart
      className="dashboard-chart"
      responsive
      style={{ width: '100%', height: 220 }}
      data={rows}
      margin={{ top: 18, right: territory ? 0 : 12, bottom: 0, left: 0 }}
      accessibilityLayer
    >
      <CartesianGrid vertical={false} stroke="#e5e7eb" />
      <XAxis
        dataKey="month"
        tickFormatter={shortMonth}
        tick={{ fontSize: 11 }}
        interval={5}
      />
      <YAxis
        yAxisId="plan"
        tickFormatter={formatMoney}
        tick={{ fontSize: 11 }}
        // As wide as the labels: `1040 M US$` needs more room than `$1.04B`.
        width="auto"
      />
      {territory ? (
        <YAxis
          yAxisId="territory"
          orientation="right"
          tickFormatter={formatMoney}
          tick={{ fontSize: 11, fill: territory.color }}
          width="auto"
        />
      ) : null}
      <Tooltip content={Tip} />
      {lastActual ? (
        <ReferenceLine
          yAxisId="plan"
          x={lastActual}
          stroke="#9ca3af"
          strokeDasharray="2 3"
          label={{
            value: t('dashboard.chart.forecastArrow'),
            position: 'top',
            fontSize: 11,
            fill: '#6b7280',
          }}
        />
      ) : null}
      <Line
        yAxisId="plan"
        dataKey="plan"
        name={t('dashboard.chart.plan')}
        stroke={PLAN_COLOR}
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
      />
      <Line
        yAxisId="plan"
        dataKey="planForecast"
        // Each forecast line is named as its series: the tooltip shows one name per series.
        name={t('dashboard.chart.plan')}
        stroke={PLAN_COLOR}
        strokeWidth={2}
        strokeDasharray="5 4"
        dot={false}
        isAnimationActive={false}
      />
      {territory ? (
        <>
          <Line
            yAxisId="territory"
            dataKey="territory"
            name={territory.name}
            stroke={territory.color}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            yAxisId="territory"
            dataKey="territoryForecast"
            name={territory.name}
            stroke={territory.color}
            strokeWidth={2}
            strokeDasharray="5 4"
            dot={false}
            isAnimationActive={false}
          />
        </>
      ) : null}
    </LineChart>
  )
})

function Tip({ active, payload, label }: TooltipContentProps) {
  if (!active || !payload?.length) return null
  const row = payload[0]!.payload as TrendRow
  const forecast = row.plan === null
  return (
    <div className="dashboard-tip">
      <strong>
        {longMonth(String(label))}
        {forecast ? i18n.t('dashboard.chart.forecastSuffix') : ''}
      </strong>
      {payload
        .filter((p) => p.value !== null && p.value !== undefined)
        // The last actual month carries both lines; its actual figure is enough.
        .filter((p) => forecast || !String(p.dataKey).endsWith('Forecast'))
        .map((p) => (
          <span key={String(p.dataKey)} style={{ color: p.color }}>
            {String(p.name)}: {formatMoney(Number(p.value))}
          </span>
        ))}
    </div>
  )
}
