import { memo, useMemo } from 'react'
import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  Rectangle,
  ReferenceLine,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts'
import type { TerritoryFigures } from '../api/use-dashboard'
import { formatAttainment, formatMoney } from '../lib/figures'
import { i18n } from '../../../i18n'

interface Row {
  territoryId: string
  name: string
  color: string
  /** Attainment in percent (the axis unit); 0 without a quota. */
  pct: number
  figures: TerritoryFigures
}

const ROW_HEIGHT = 18
/** Beyond this the axis stops growing (the bar runs off its end; the tooltip has the figure). */
const AXIS_CAP = 200

/**
 * Attainment per territory as horizontal bars in the territory's colour, best first, with
 * the 100 % line; a click on a bar focuses that territory on the map.
 */
export const AttainmentChart = memo(function AttainmentChart({
  territories,
  selectedId,
  onSelect,
}: {
  territories: readonly TerritoryFigures[]
  selectedId: string | null
  onSelect: (territoryId: string) => void
}) {
  const rows = useMemo(
    (): Row[] =>
      territories
        .map((t) => ({
          territoryId: t.territoryId,
          name: t.name,
          color: t.color,
          pct: (t.attainment ?? 0) * 100,
          figures: t,
        }))
        .sort((a, b) => b.pct - a.pct || a.name.localeCompare(b.name)),
    [territories],
  )
  const top = Math.min(
    AXIS_CAP,
    Math.max(120, ...rows.map((r) => Math.ceil(r.pct / 10) * 10)),
  )
  const shape = (props: BarShapeProps) => {
    const row = props.payload as Row
    const selected = row.territoryId === selectedId
    return (
      <Rectangle
        {...props}
        fill={row.color}
        stroke={selected ? '#111827' : 'none'}
        strokeWidth={selected ? 2 : 0}
        style={{ cursor: 'pointer' }}
      />
    )
  }
  return (
    <BarChart
      className="dashboard-chart"
      responsive
      style={{ width: '100%', height: rows.length * ROW_HEIGHT + 44 }}
      data={rows}
      layout="vertical"
      margin={{ top: 16, right: 16, bottom: 4, left: 0 }}
      barCategoryGap={3}
      accessibilityLayer
    >
      <CartesianGrid horizontal={false} stroke="#e5e7eb" />
      <XAxis
        type="number"
        domain={[0, top]}
        allowDataOverflow
        tickFormatter={(v: number) => `${v}%`}
        tick={{ fontSize: 11 }}
        tickCount={Math.min(8, top / 20 + 1)}
      />
      <YAxis
        type="category"
        dataKey="name"
        width={112}
        tick={{ fontSize: 11 }}
        interval={0}
      />
      <Tooltip cursor={{ fill: 'rgb(79 70 229 / 0.06)' }} content={Tip} />
      <ReferenceLine
        x={100}
        stroke="#111827"
        strokeDasharray="4 3"
        label={{ value: '100 %', position: 'top', fontSize: 11 }}
      />
      <Bar
        dataKey="pct"
        shape={shape}
        isAnimationActive={false}
        onClick={(bar) => onSelect((bar.payload as Row).territoryId)}
      />
    </BarChart>
  )
})

function Tip({ active, payload }: TooltipContentProps) {
  const row = active ? (payload?.[0]?.payload as Row | undefined) : undefined
  if (!row) return null
  const f = row.figures
  const t = i18n.t
  return (
    <div className="dashboard-tip">
      <strong>{f.name}</strong>
      <span>{f.repName ?? t('dashboard.table.noRep')}</span>
      <span>
        {t('dashboard.chart.ofQuota', {
          attainment: formatAttainment(f.attainment),
          sales: formatMoney(f.sales12m),
          quota: formatMoney(f.quota),
        })}
        {f.quotaIsDefault ? t('dashboard.chart.defaultQuota') : ''}
      </span>
      <span className="dashboard-tip__hint">
        {t('dashboard.chart.clickToShow')}
      </span>
    </div>
  )
}
