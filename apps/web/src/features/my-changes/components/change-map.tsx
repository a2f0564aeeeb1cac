import { skipToken, useQuery } from '@tanstack/react-query'
import { useId, useMemo } from 'react'
import { useTranslation } from '../../../i18n'
import { useTRPC } from '../../../lib/trpc'
import { indexUnitShapes } from '../../../lib/svg-map'
import { buildChangeMap } from '../lib/change-map'

/** Used when the territory has no colour of its own. */
const FALLBACK_COLOR = '#6172f3'

/**
 * The rep's territory before and after, as an SVG: kept units in the territory's colour,
 * gained ones hatched green, lost ones red; the old outline dashed over the new solid one,
 * so where they coincide the border simply looks solid. The layer's geometry is the map's
 * own download (same query, cached for the session), so opening the map later costs nothing.
 */
export function ChangeMap({
  planId,
  unitsBefore,
  unitsAfter,
  color,
}: {
  planId: string
  unitsBefore: readonly string[]
  unitsAfter: readonly string[]
  color: string | undefined
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  // SVG ids must be unique on the page and valid in `url(#…)`.
  const patternId = `gained-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
  const plans = useQuery(trpc.plans.list.queryOptions())
  const layerId = plans.data?.find((p) => p.id === planId)?.unitLayerId
  const layer = useQuery(
    trpc.geo.layer.queryOptions(layerId ? { layerId } : skipToken, {
      staleTime: Infinity,
      gcTime: Infinity,
    }),
  )
  const shapes = useMemo(
    () =>
      layer.data
        ? indexUnitShapes(layer.data.topology, layer.data.unitsObject)
        : null,
    [layer.data],
  )
  const drawing = useMemo(
    () => (shapes ? buildChangeMap(shapes, unitsBefore, unitsAfter) : null),
    [shapes, unitsBefore, unitsAfter],
  )

  const failed = plans.error ?? layer.error
  if (failed || (plans.data && !layerId) || (layer.data && !drawing))
    return (
      <figure className="change-map change-map--empty">
        <p className="change-map__message">
          {failed ? t('myChanges.map.failed') : t('myChanges.map.none')}
        </p>
      </figure>
    )
  if (!drawing)
    return (
      <figure className="change-map change-map--empty" aria-busy="true">
        <p className="change-map__message" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the map…
        </p>
      </figure>
    )

  const { counts } = drawing
  const fill = color ?? FALLBACK_COLOR
  return (
    <figure className="change-map" data-testid="change-map">
      <svg
        className="change-map__svg"
        viewBox={`0 0 ${drawing.width} ${drawing.height}`}
        role="img"
        aria-label={t('myChanges.map.label', {
          kept: counts.kept,
          gained: counts.gained,
          lost: counts.lost,
        })}
      >
        <defs>
          <pattern
            id={patternId}
            width="7"
            height="7"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="7" height="7" className="change-map__hatch-bg" />
            <rect width="3" height="7" className="change-map__hatch-line" />
          </pattern>
        </defs>
        {drawing.units.map((u) => (
          <path
            key={u.id}
            d={u.d}
            className={`change-map__unit change-map__unit--${u.change}`}
            fill={
              u.change === 'kept'
                ? fill
                : u.change === 'gained'
                  ? `url(#${patternId})`
                  : undefined
            }
            data-unit={u.id}
            data-change={u.change}
          />
        ))}
        <path
          d={drawing.afterOutline}
          className="change-map__outline change-map__outline--after"
        />
        <path
          d={drawing.beforeOutline}
          className="change-map__outline change-map__outline--before"
        />
      </svg>
      <figcaption className="change-map__legend">
        <span className="change-map__key">
          <span
            className="change-map__swatch"
            style={{ background: fill }}
            aria-hidden="true"
          />
          Kept {counts.kept}
        </span>
        <span className="change-map__key">
          <span
            className="change-map__swatch change-map__swatch--gained"
            aria-hidden="true"
          />
          {t('myChanges.map.gained', { count: counts.gained })}
        </span>
        <span className="change-map__key">
          <span
            className="change-map__swatch change-map__swatch--lost"
            aria-hidden="true"
          />
          {t('myChanges.map.lost', { count: counts.lost })}
        </span>
        <span className="change-map__key">
          <span
            className="change-map__line change-map__line--before"
            aria-hidden="true"
          />
          {t('myChanges.map.oldOutline')}
        </span>
        <span className="change-map__key">
          <span
            className="change-map__line change-map__line--after"
            aria-hidden="true"
          />
          {t('myChanges.map.newOutline')}
        </span>
        {drawing.missing.length > 0 ? (
          <span className="change-map__missing">
            {t('myChanges.map.missing', {
              units: t('common.count.unit', { count: drawing.missing.length }),
            })}
          </span>
        ) : null}
      </figcaption>
    </figure>
  )
}
