import { memo, useMemo } from 'react'
import { useTranslation } from '../../../i18n'
import { indexUnitShapes } from '../../../lib/svg-map'
import { buildReportMap, declutterLabels } from '../lib/report-map'

/** The labels' size in the drawing's units (it is 1,000 wide). */
const LABEL_SIZE = 12

interface ReportMapProps {
  /** The layer's geometry as `geo.layer` answers it; undefined while it loads. */
  layer: { topology?: unknown; unitsObject: string } | undefined
  failed: boolean
  assignments: Readonly<Record<string, string>>
  territories: readonly { id: string; name: string; color: string }[]
}

/**
 * The scenario's alignment as an SVG: each territory's units in its colour, thin lines
 * between units, thick ones between territories, names on the larger territories, far-off
 * units in insets. Vector, so it prints sharp on paper and in a PDF.
 */
export const ReportMap = memo(function ReportMap({
  layer,
  failed,
  assignments,
  territories,
}: ReportMapProps) {
  const { t } = useTranslation()
  const shapes = useMemo(
    () => (layer ? indexUnitShapes(layer.topology, layer.unitsObject) : null),
    [layer],
  )
  const colors = useMemo(
    () => new Map(territories.map((r) => [r.id, r.color])),
    [territories],
  )
  const names = useMemo(
    () => new Map(territories.map((r) => [r.id, r.name])),
    [territories],
  )
  const drawing = useMemo(
    () => (shapes ? buildReportMap(shapes, assignments, colors) : null),
    [shapes, assignments, colors],
  )
  const labels = useMemo(
    () =>
      drawing
        ? declutterLabels(
            drawing.labels,
            (l) => names.get(l.territoryId) ?? '',
            LABEL_SIZE,
          )
        : [],
    [drawing, names],
  )

  if (!drawing)
    return (
      <figure className="report-map report-map--empty">
        {failed || layer ? (
          <p>{t('report.map.failed')}</p>
        ) : (
          <p role="status">
            <span className="spinner" aria-hidden="true" />{' '}
            {t('report.map.drawing')}
          </p>
        )}
      </figure>
    )

  return (
    <figure className="report-map" data-testid="report-map">
      <svg
        className="report-map__svg"
        viewBox={`0 0 ${drawing.width} ${drawing.height}`}
        role="img"
        aria-label={t('report.map.label', {
          territories: t('common.count.territory', {
            count: drawing.territoryIds.length,
          }),
        })}
      >
        {drawing.frames.map((f, i) => (
          <g
            key={i}
            transform={`translate(${f.x} ${f.y})`}
            data-frame={f.inset ? 'inset' : 'main'}
          >
            {f.inset ? (
              <rect
                className="report-map__inset-frame"
                width={f.width}
                height={f.height}
              />
            ) : null}
            {f.fills.map((fill) => (
              <path
                key={fill.territoryId ?? ''}
                d={fill.d}
                className={
                  fill.color
                    ? 'report-map__fill'
                    : 'report-map__fill report-map__fill--none'
                }
                fill={fill.color ?? undefined}
                data-territory-id={fill.territoryId ?? undefined}
              />
            ))}
            <path className="report-map__units" d={f.unitBorders} />
            <path className="report-map__borders" d={f.territoryBorders} />
            <path className="report-map__outline" d={f.outline} />
          </g>
        ))}
        <g className="report-map__labels" fontSize={LABEL_SIZE}>
          {labels.map((l) => (
            <text key={l.territoryId} x={l.x} y={l.y}>
              {names.get(l.territoryId)}
            </text>
          ))}
        </g>
      </svg>
      {drawing.unassignedUnits > 0 || drawing.missing > 0 ? (
        <figcaption className="report-map__caption">
          {drawing.unassignedUnits > 0 ? (
            <span>
              <span
                className="report-map__swatch report-map__swatch--none"
                aria-hidden="true"
              />
              {t('report.map.unassigned', {
                units: t('common.count.unit', {
                  count: drawing.unassignedUnits,
                }),
              })}
            </span>
          ) : null}
          {drawing.missing > 0 ? (
            <span>
              {t('report.map.missing', {
                units: t('common.count.unit', { count: drawing.missing }),
              })}
            </span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  )
})
