import { MapView, type PickingInfo } from '@deck.gl/core'
import { DeckGL } from '@deck.gl/react'
import type { Rep, TerritoryRecord, Unit } from '@tessera/domain'
import { type ReactNode, useCallback, useEffect, useMemo, useRef } from 'react'
import { useElementSize } from '../../../hooks/use-element-size'
import { useAccountsInView } from '../hooks/use-accounts-in-view'
import { useMapCamera } from '../hooks/use-map-camera'
import { type UnitStat, useMapHover } from '../hooks/use-map-hover'
import { useUnitLayer } from '../hooks/use-unit-layer'
import {
  accountLayer,
  accountRadiusScale,
  lineLayer,
  previewLayers,
  type RemoteCursor,
  remoteCursorLayers,
  unitFillLayer,
  unitLineOpacity,
} from '../lib/map-layers'
import { UnitHitTest } from '../lib/hit-test'
import { buildTerritoryPaint, territoryIdOfUnit } from '../lib/territory-paint'
import {
  territoryBorders,
  territoryOutline,
  type UnitFeature,
} from '../lib/unit-geometry'
import { unionBounds, viewBBox } from '../lib/view'
import { MapControls } from './map-controls'
import { MapLegend } from './map-legend'
import { MapTooltip } from './map-tooltip'
import '../map.css'

export type { UnitStat } from '../hooks/use-map-hover'

export interface TerritoryMapProps {
  layerId: string
  /** unitId → territoryId */
  assignments: Readonly<Record<string, string>>
  territories: readonly TerritoryRecord[]
  reps: readonly Rep[]
  units: readonly Unit[]
  unitStats: readonly UnitStat[]
  selectedTerritoryId: string | null
  /** Ask the map to fly to a territory; a new `seq` asks again for the same one. */
  focus: { territoryId: string; seq: number } | null
  onSelectTerritory: (territoryId: string | null) => void
  /** Collaborators' pointers, drawn with their names. */
  remoteCursors?: readonly RemoteCursor[]
  /** Territories collaborators have selected, outlined in their colour. */
  remoteSelections?: readonly {
    territoryId: string
    color: [number, number, number]
  }[]
  /** The pointer moved over the map (lon, lat), or left it (null): shared as presence. */
  onPointer?: (lonLat: [number, number] | null) => void
  /**
   * `paint`: dragging (or clicking) over units hands them to `onPaint` instead of panning
   * the map; the wheel still zooms. `onPaintEnd` closes a stroke.
   */
  tool?: 'select' | 'paint'
  onPaint?: (unitIds: string[]) => void
  onPaintEnd?: () => void
  /** Drawn over the map (the editing toolbar, a message). */
  overlay?: ReactNode
  /** A proposed move to show: these units in the colour of where they would go. */
  preview?: {
    unitIds: readonly string[]
    color: [number, number, number]
  } | null
}

export type { RemoteCursor } from '../lib/map-layers'

const MAP_VIEW = new MapView({ id: 'map', controller: true, repeat: false })
// Painting: a drag paints instead of panning; zoom, keyboard and double-click stay.
const PAINT_VIEW = new MapView({
  id: 'map',
  controller: { dragPan: false, dragRotate: false },
  repeat: false,
})

/**
 * The plan on a map: units filled by territory colour, territory borders, state and
 * country outlines, and the accounts in view. Geometry is built once per layer; an edit to
 * the assignments repaints colours and redraws borders, nothing more.
 */
export function TerritoryMap(props: TerritoryMapProps) {
  const { layerId, assignments, territories, selectedTerritoryId, focus } =
    props
  const containerRef = useRef<HTMLDivElement>(null)
  const size = useElementSize(containerRef)
  const { geometry, error, isLoading, refetch } = useUnitLayer(layerId)
  const camera = useMapCamera(size)
  const { view, flyTo } = camera

  const paint = useMemo(
    () =>
      geometry
        ? buildTerritoryPaint(geometry.unitIds, assignments, territories)
        : null,
    [geometry, assignments, territories],
  )
  const territoryOf = useCallback(
    (unitId: string) => assignments[unitId],
    [assignments],
  )
  const borders = useMemo(
    () => (geometry ? territoryBorders(geometry, territoryOf) : null),
    [geometry, territoryOf],
  )
  const selectedOutline = useMemo(
    () =>
      geometry && selectedTerritoryId
        ? territoryOutline(geometry, territoryOf, selectedTerritoryId)
        : null,
    [geometry, territoryOf, selectedTerritoryId],
  )
  const { remoteSelections } = props
  const remoteOutlines = useMemo(
    () =>
      geometry && remoteSelections
        ? remoteSelections
            .filter((r) => r.territoryId !== selectedTerritoryId)
            .map((r) => ({
              ...r,
              outline: territoryOutline(geometry, territoryOf, r.territoryId),
            }))
        : [],
    [geometry, territoryOf, remoteSelections, selectedTerritoryId],
  )
  const { preview } = props
  const previewFeatures = useMemo(
    () =>
      geometry && preview
        ? preview.unitIds.flatMap((id) => {
            const i = geometry.indexOf.get(id)
            const f = i === undefined ? undefined : geometry.features[i]
            return f ? [f] : []
          })
        : [],
    [geometry, preview],
  )
  const selectedIndex = selectedTerritoryId
    ? (paint?.territoryIndex.get(selectedTerritoryId) ?? -1)
    : -1

  // Fly to a territory when asked. Only a new request moves the camera, not an edit.
  const focusSeq = focus?.seq
  useEffect(() => {
    if (!focus || !geometry) return
    const box = unionBounds(
      geometry.bounds.filter(
        (_, i) => assignments[geometry.unitIds[i] ?? ''] === focus.territoryId,
      ),
    )
    if (box) flyTo(box)
  }, [focusSeq, geometry])

  const bbox = useMemo(
    () =>
      size.width > 0 && size.height > 0
        ? viewBBox(view, size.width, size.height)
        : null,
    [view, size.width, size.height],
  )
  const accountsQuery = useAccountsInView(bbox)
  const accounts = accountsQuery.data?.accounts

  const unitOpacity = unitLineOpacity(view.zoom)
  const radiusScale = accountRadiusScale(view.zoom)
  const layers = useMemo(() => {
    if (!geometry || !paint) return []
    // Layers with nothing to draw are left out, not hidden: each live layer costs GPU
    // set-up, which software renderers (headless browsers, old laptops) feel.
    const white: [number, number, number, number] = [255, 255, 255, 190]
    return [
      unitFillLayer(geometry, paint, selectedIndex),
      unitOpacity > 0 &&
        lineLayer('unit-lines', geometry.unitLines, white, 0.6, unitOpacity),
      lineLayer('state-lines', geometry.stateLines, white, 0.9),
      lineLayer('territory-borders', borders, [30, 41, 59, 215], 1.25),
      lineLayer('nation-outline', geometry.nationLines, [71, 85, 105, 255], 1),
      selectedOutline &&
        lineLayer('selected-halo', selectedOutline, [255, 255, 255, 235], 5),
      selectedOutline &&
        lineLayer('selected-outline', selectedOutline, [15, 23, 42, 255], 2.25),
      ...remoteOutlines.map((r) =>
        lineLayer(
          `remote-selection-${r.territoryId}`,
          r.outline,
          [...r.color, 255],
          3,
        ),
      ),
      ...(previewFeatures.length > 0 && preview && geometry
        ? previewLayers(
            previewFeatures,
            previewFeatures.map(
              (f) => geometry.bounds[f.properties.unitIndex]!,
            ),
            preview.color,
          )
        : []),
      accountLayer(accounts ?? [], radiusScale),
      ...remoteCursorLayers(props.remoteCursors ?? []),
    ].filter((layer) => layer !== false && layer !== null)
  }, [
    geometry,
    paint,
    selectedIndex,
    borders,
    selectedOutline,
    accounts,
    unitOpacity,
    radiusScale,
    remoteOutlines,
    props.remoteCursors,
    previewFeatures,
    preview,
  ])

  const { hover, onHover: onHoverTooltip } = useMapHover({
    ...props,
    geometry,
    paint,
  })
  const { onPointer } = props
  const onHover = useCallback(
    (info: PickingInfo) => {
      onHoverTooltip(info)
      const c = info.coordinate
      onPointer?.(c && c.length >= 2 ? [c[0]!, c[1]!] : null)
    },
    [onHoverTooltip, onPointer],
  )

  const { onSelectTerritory, tool = 'select', onPaint, onPaintEnd } = props
  const painting = tool === 'paint'
  // The brush hit-tests on the CPU (see UnitHitTest) and fills the gaps between pointer
  // events, so a quick stroke paints every unit it crosses.
  const hitTest = useMemo(
    () => (geometry ? new UnitHitTest(geometry) : null),
    [geometry],
  )
  const lastPaint = useRef<{
    x: number
    y: number
    lonLat: [number, number]
  } | null>(null)
  const paintAt = useCallback(
    (info: PickingInfo) => {
      const c = info.coordinate
      if (!hitTest || !geometry || !c || c.length < 2) return
      const here: [number, number] = [c[0]!, c[1]!]
      const prev = lastPaint.current
      const steps = prev ? Math.hypot(info.x - prev.x, info.y - prev.y) / 4 : 0
      const hit = hitTest.unitsAlong(prev?.lonLat ?? here, here, steps)
      lastPaint.current = { x: info.x, y: info.y, lonLat: here }
      if (hit.size > 0)
        onPaint?.([...hit].map((i) => geometry.unitIds[i]!).filter(Boolean))
    },
    [hitTest, geometry, onPaint],
  )
  const endPaint = useCallback(() => {
    lastPaint.current = null
    onPaintEnd?.()
  }, [onPaintEnd])
  const onClick = useCallback(
    (info: PickingInfo) => {
      if (painting) {
        lastPaint.current = null
        paintAt(info)
        endPaint()
        return
      }
      const feature =
        info.layer?.id === 'units' ? (info.object as UnitFeature) : null
      onSelectTerritory(
        feature && paint
          ? (territoryIdOfUnit(paint, feature.properties.unitIndex) ?? null)
          : null,
      )
    },
    [paint, onSelectTerritory, painting, paintAt, endPaint],
  )

  return (
    <div
      className="map"
      ref={containerRef}
      data-testid="map"
      aria-label="Territory map"
      role="region"
    >
      <DeckGL
        views={painting ? PAINT_VIEW : MAP_VIEW}
        viewState={view}
        onViewStateChange={camera.onViewStateChange}
        layers={layers}
        onHover={onHover}
        onClick={onClick}
        onDragStart={
          painting
            ? (info: PickingInfo) => {
                lastPaint.current = null
                paintAt(info)
              }
            : undefined
        }
        onDrag={painting ? paintAt : undefined}
        onDragEnd={painting ? endPaint : undefined}
        getCursor={({ isDragging, isHovering }) =>
          painting
            ? 'crosshair'
            : isDragging
              ? 'grabbing'
              : isHovering
                ? 'pointer'
                : 'grab'
        }
      />
      {props.overlay}
      {hover ? (
        <MapTooltip x={hover.x} y={hover.y} bounds={size} data={hover.data} />
      ) : null}
      <MapControls
        onZoomIn={() => camera.zoomBy(1)}
        onZoomOut={() => camera.zoomBy(-1)}
        onReset={camera.fitCountry}
      />
      {geometry ? (
        <MapLegend
          shown={accounts?.length ?? 0}
          truncated={accountsQuery.data?.truncated ?? false}
          loading={accountsQuery.isFetching}
          failed={accountsQuery.isError}
        />
      ) : null}
      {isLoading ? (
        <div className="map__overlay" role="status">
          <span className="spinner" aria-hidden />
          Loading map…
        </div>
      ) : error ? (
        <div className="map__overlay map__overlay--error" role="alert">
          <p>The map could not be loaded.</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={refetch}
          >
            Try again
          </button>
        </div>
      ) : null}
    </div>
  )
}
