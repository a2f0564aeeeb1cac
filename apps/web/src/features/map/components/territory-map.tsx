import { type PickingInfo, WebMercatorViewport } from '@deck.gl/core'
import { DeckGL } from '@deck.gl/react'
import type { Rep, TerritoryRecord, Unit } from '@tessera/domain'
import {
  type ReactNode,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useElementSize } from '../../../hooks/use-element-size'
import {
  type AccountsFilter,
  useAccountsInView,
} from '../hooks/use-accounts-in-view'
import { useMapCamera } from '../hooks/use-map-camera'
import { useBaseLines } from '../hooks/use-base-lines'
import { homeBounds } from '../lib/base-lines'
import { type UnitStat, useMapHover } from '../hooks/use-map-hover'
import {
  useDensityLayer,
  useSelectedUnitLayers,
  useTerritoryLabels,
} from '../hooks/use-map-overlays'
import {
  type LocationPick,
  type MapTool,
  type SelectMode,
  usePointerTools,
} from '../hooks/use-pointer-tools'
import { useThemeFill } from '../hooks/use-theme-fill'
import { usePlanOutlines } from '../hooks/use-plan-outlines'
import { useUnitSelection } from '../hooks/use-unit-selection'
import { usePaintProbe } from '../hooks/use-paint-probe'
import { useBaseMap } from '../hooks/use-base-map'
import { type ThreadMarker, ThreadMarkers } from './thread-markers'
import { unitRings } from '../lib/base-map'
import { simplifyLines, zoomLevelTolerance } from '../lib/simplify-lines'
import { buildArcIndex, unitBorderSegments } from '../lib/arc-index'
import { fillDetail } from '../lib/fill-detail'
import {
  type LineSet,
  hairlinesLayer,
  lineSegments,
} from '../lib/hairline-layer'
import { useUnitLayer } from '../hooks/use-unit-layer'
import {
  accountLayer,
  targetLayer,
  accountRadiusScale,
  fillColorOf,
  lineLayer,
  previewLayers,
  type RemoteCursor,
  remoteCursorLayers,
  unitColorTable,
  unitFillLayer,
  unitHighlightLayer,
  unitLineOpacity,
} from '../lib/map-layers'
import {
  type TerritoryPaint,
  buildTerritoryPaint,
  paintAfterDelta,
} from '../lib/territory-paint'
import { changesBetween } from '../../../lib/plan-record'
import type { UnitFeature, UnitGeometry } from '../lib/unit-geometry'
import type { MapTheme } from '../lib/themes'
import { buildUnitAnchors } from '../lib/unit-selection'
import { CONTIGUOUS_US, unionBounds, viewBBox } from '../lib/view'
import { MapControls } from './map-controls'
import { MapLegend } from './map-legend'
import { MapTooltip } from './map-tooltip'
import { SelectionOverlay } from './selection-overlay'
import { isSoftwareRenderer } from '../lib/software-renderer'
import { UnitHitTest, nearestAccount } from '../lib/hit-test'
import { mercatorProjector } from '../lib/base-map'
import '../map.css'

export type { UnitStat } from '../hooks/use-map-hover'
export type {
  LocationPick,
  MapTool,
  SelectMode,
} from '../hooks/use-pointer-tools'
import { i18n } from '../../../i18n'
export type { MapTheme } from '../lib/themes'
export { applyUnitSelection } from '../lib/unit-selection'

export interface TerritoryMapProps {
  layerId: string
  /** unitId → territoryId */
  assignments: Readonly<Record<string, string>>
  territories: readonly TerritoryRecord[]
  reps: readonly Rep[]
  units: readonly Unit[]
  unitStats: readonly UnitStat[]
  selectedTerritoryId: string | null
  /**
   * Ask the map to fly to a territory, or to a [west, south, east, north] box (e.g. the
   * accounts an import just added); a new `seq` asks again for the same one.
   */
  focus:
    | { territoryId: string; seq: number }
    | { box: [number, number, number, number]; seq: number }
    | null
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
   * the map; the wheel still zooms. `onPaintEnd` closes a stroke. `rectangle` / `lasso`:
   * dragging draws a shape and hands the units inside to `onSelectUnits`.
   */
  tool?: MapTool
  onPaint?: (unitIds: string[]) => void
  onPaintEnd?: () => void
  /**
   * Units picked with the selection tools (or shift-click), drawn highlighted. Leave it
   * out and the map keeps the selection itself (`onSelectUnits` is still called).
   */
  selectedUnitIds?: ReadonlySet<string>
  /**
   * The user picked units: a click (`replace`, or `toggle` with shift), a rectangle or a
   * lasso (`replace`, or `add` with shift). An empty list means "nothing there".
   */
  onSelectUnits?: (unitIds: string[], mode: SelectMode) => void
  /** The shape just drawn with the rectangle or lasso, as a [lon, lat] ring. */
  onShapeDrawn?: (ring: [number, number][]) => void
  /** Accounts to mark above the others (a campaign's selection), at most a few thousand. */
  highlight?: readonly (readonly [number, number])[] | null
  /** territoryId → deviation from its target as a fraction (0.12 = 12 % over), for the balance theme. */
  territoryDeviations?: ReadonlyMap<string, number>
  /** Deviation still counted as balanced (fraction); the balance theme shows it neutral. */
  tolerance?: number
  /** Drawn over the map (the editing toolbar, a message). */
  overlay?: ReactNode
  /** Comment threads to show where they sit; a click opens one. */
  threads?: readonly MapThread[]
  onOpenThread?: (threadId: string) => void
  /**
   * Set while a comment pin is being placed: a click on the map gives the place (and the
   * map pans but neither selects nor paints).
   */
  onPickLocation?: (pick: LocationPick) => void
  /** A pin being placed, drawn where it will go. */
  draftPin?: [number, number] | null
  /** A proposed move to show: these units in the colour of where they would go. */
  preview?: {
    unitIds: readonly string[]
    color: [number, number, number]
  } | null
}

export type { RemoteCursor } from '../lib/map-layers'

// Multisampling is nearly free on a GPU and costs a third of every frame in a software
// renderer, where the edges it smooths matter least (see lib/software-renderer). The map is
// flat and drawn in layer order, so it needs no depth buffer (one less buffer to clear).
// Asked on the first map, not when the module loads (the question opens a WebGL context).
let deviceProps: { type: 'webgl'; webgl: WebGLContextAttributes } | undefined
const mapDeviceProps = () =>
  (deviceProps ??= {
    type: 'webgl',
    webgl: { antialias: !isSoftwareRenderer(), depth: false },
  })

/** A comment thread as the map places it: at its pin, its unit or its territory's label. */
export interface MapThread {
  threadId: string
  anchor: string
  territoryId: string | null
  unitId: string | null
  lonLat: [number, number] | null
  label: string
  resolved: boolean
}

/**
 * The plan on a map: units filled by territory colour (or by a data theme), territory
 * borders and labels, state and country outlines, and the accounts in view. Geometry is
 * built once per layer; an edit to the assignments repaints colours and redraws borders,
 * nothing more.
 */
export function TerritoryMap(props: TerritoryMapProps) {
  const { layerId, assignments, territories, selectedTerritoryId, focus } =
    props
  const containerRef = useRef<HTMLDivElement>(null)
  const size = useElementSize(containerRef)
  const { geometry, error, isLoading, refetch } = useUnitLayer(layerId)
  // Where the map opens: the contiguous US for the counties, else the layer's own extent.
  const home = useMemo(
    () =>
      geometry && !geometry.nationLines
        ? homeBounds(geometry.bounds, CONTIGUOUS_US)
        : CONTIGUOUS_US,
    [geometry],
  )
  const baseLines = useBaseLines(geometry, home)
  const camera = useMapCamera(size, home)
  const { view, flyTo } = camera

  // An edit changes a few keys of the assignments (see patchRecord): the paint follows
  // those units alone, so an edit's cost does not grow with the map (nor when a render
  // skipped a version or two).
  const lastPaint = useRef<{
    paint: TerritoryPaint
    geometry: UnitGeometry
    assignments: Readonly<Record<string, string>>
    territories: readonly TerritoryRecord[]
  } | null>(null)
  const paint = useMemo(() => {
    if (!geometry) return null
    const prev = lastPaint.current
    const changed =
      prev && prev.geometry === geometry && prev.territories === territories
        ? changesBetween(prev.assignments, assignments)
        : undefined
    const next =
      prev && changed
        ? paintAfterDelta(prev.paint, geometry.indexOf, changed, assignments)
        : buildTerritoryPaint(geometry.unitIds, assignments, territories)
    lastPaint.current = { paint: next, geometry, assignments, territories }
    return next
  }, [geometry, assignments, territories])
  const { preview } = props
  const selectedIndex = selectedTerritoryId
    ? (paint?.territoryIndex.get(selectedTerritoryId) ?? -1)
    : -1

  // Fly to a territory when asked. Only a new request moves the camera, not an edit.
  const focusSeq = focus?.seq
  useEffect(() => {
    if (!focus || !geometry) return
    if ('box' in focus) {
      // A handful of points (or one) still deserves some country around it.
      const [w, s, e, n] = focus.box
      const pad = Math.max(0.05, (e - w) * 0.1, (n - s) * 0.1)
      flyTo([w - pad, s - pad, e + pad, n + pad])
      return
    }
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
  // Which accounts the dots show (a behavioural segment, or all) and how they are coloured.
  const [accountFilter, setAccountFilter] = useState<AccountsFilter>({})
  const [accountColours, setAccountColours] = useState<'plain' | 'segment'>(
    'plain',
  )
  const accountsQuery = useAccountsInView(
    layerId,
    bbox,
    view.zoom,
    accountFilter,
  )
  const accounts = accountsQuery.data?.accounts

  const { units, unitStats, territoryDeviations, tolerance } = props
  const [theme, setTheme] = useState<MapTheme>('territories')
  const [densityOn, setDensityOn] = useState(false)
  const themeFill = useThemeFill(
    theme,
    geometry,
    paint,
    unitStats,
    territoryDeviations,
    tolerance,
  )
  const anchors = useMemo(
    () => (geometry ? buildUnitAnchors(geometry) : null),
    [geometry],
  )
  // Labels follow an edit a moment after the colours, in a render React can interrupt:
  // placing them walks every territory, and most edits move none.
  const labelPaint = useDeferredValue(paint)
  const { layers: labelLayers, labels } = useTerritoryLabels(
    geometry,
    anchors,
    labelPaint,
    territories,
    props.reps,
    view.zoom,
  )
  // Where each thread sits: a pin's point, a unit's inside point, a territory's label.
  const threadMarkers = useMemo((): ThreadMarker[] => {
    const byTerritory = new Map(labels.map((l) => [l.territoryId, l.position]))
    return (props.threads ?? []).flatMap((t) => {
      const unit = t.unitId ? geometry?.indexOf.get(t.unitId) : undefined
      const at =
        t.lonLat ??
        (unit !== undefined ? anchors?.points[unit] : undefined) ??
        (t.territoryId ? byTerritory.get(t.territoryId) : undefined)
      return at
        ? [
            {
              threadId: t.threadId,
              lonLat: [at[0], at[1]] as [number, number],
              label: t.label,
              resolved: t.resolved,
            },
          ]
        : []
    })
  }, [props.threads, labels, anchors, geometry])
  const density = useDensityLayer(densityOn, units, unitStats, view.zoom)
  const { selectedUnitIds, selectUnits } = useUnitSelection(
    props.selectedUnitIds,
    props.onSelectUnits,
  )

  const unitOpacity = unitLineOpacity(view.zoom)
  const radiusScale = accountRadiusScale(view.zoom)
  // Lines with no detail finer than half a pixel at this zoom level (see simplify-lines).
  const lineTolerance = zoomLevelTolerance(view.zoom)
  const stateLines = useMemo(
    () =>
      lineSegments(
        simplifyLines(
          geometry?.stateLines ?? baseLines?.stateLines ?? null,
          lineTolerance,
        ),
      ),
    [geometry, baseLines, lineTolerance],
  )
  const nationLines = useMemo(
    () =>
      lineSegments(
        simplifyLines(
          geometry?.nationLines ?? baseLines?.countryLines ?? null,
          lineTolerance,
        ),
      ),
    [geometry, baseLines, lineTolerance],
  )
  const detail = useMemo(
    () => (geometry ? fillDetail(geometry) : null),
    [geometry],
  )
  const fillLevel = Math.floor(view.zoom)
  const levelDetail = useMemo(
    () => detail?.(fillLevel) ?? null,
    [detail, fillLevel],
  )
  const fillFeatures = levelDetail?.features ?? []
  const arcIndex = useMemo(
    () => (geometry ? buildArcIndex(geometry) : null),
    [geometry],
  )
  const { borders, selectedOutline, remoteOutlines, previewFeatures } =
    usePlanOutlines(
      geometry,
      arcIndex,
      levelDetail,
      paint,
      selectedTerritoryId,
      props.remoteSelections,
      props.preview,
    )
  const showUnitLines = unitOpacity > 0
  // Every border between two units, from the same simplified arcs as the fill.
  const unitLines = useMemo(
    () =>
      showUnitLines && arcIndex && levelDetail
        ? unitBorderSegments(arcIndex, levelDetail.arcs)
        : new Float64Array(0),
    [arcIndex, levelDetail, showUnitLines],
  )
  const selectionLayers = useSelectedUnitLayers(
    geometry,
    arcIndex,
    levelDetail,
    selectedUnitIds,
  )
  // Hover and clicks find units on the CPU: WebGL picking renders the scene once per
  // question, hundreds of milliseconds a move on a software renderer, which held clicks back
  // long enough to turn them into presses.
  const hitTest = useMemo(
    () => (geometry ? new UnitHitTest(geometry) : null),
    [geometry],
  )
  const accountAt = useCallback(
    (x: number, y: number) =>
      nearestAccount(
        accounts ?? [],
        mercatorProjector(view, size.width, size.height),
        x,
        y,
      ),
    [accounts, view, size.width, size.height],
  )
  const { hover, onHover: onHoverTooltip } = useMapHover({
    ...props,
    geometry,
    paint,
    hitTest,
    accountAt,
    areaNames: baseLines?.names,
  })
  // deck.gl's autoHighlight, for the fill that has none (the cached fill of software renderers).
  const hoverIndex = hover?.unitIndex
  const hoverLayer = useMemo(() => {
    const f =
      hoverIndex !== undefined && isSoftwareRenderer()
        ? levelDetail?.features[hoverIndex]
        : undefined
    return f
      ? unitHighlightLayer('hovered-unit', [f], {
          fill: [255, 255, 255, 90],
          line: [0, 0, 0, 0],
          width: 0,
        })
      : null
  }, [hoverIndex, levelDetail])
  const lineSets = useMemo<LineSet[]>(
    () => [
      {
        segments: unitLines,
        color: [255, 255, 255, 150],
        opacity: unitOpacity,
      },
      { segments: stateLines, color: [255, 255, 255, 190] },
      { segments: borders, color: [30, 41, 59, 235] },
      { segments: nationLines, color: [71, 85, 105, 255] },
    ],
    [unitLines, unitOpacity, stateLines, borders, nationLines],
  )
  // Under a software renderer the fill and lines move to a 2D canvas while the camera rests,
  // so an edit costs no WebGL frame (see useBaseMap).
  const lastColors = useRef<{
    colors: Uint8Array
    paint: TerritoryPaint
    features: readonly UnitFeature[]
    selectedIndex: number
  } | null>(null)
  const fillColors = useMemo(() => {
    if (!paint || !isSoftwareRenderer()) return null
    const prev = lastColors.current
    const colorOf = fillColorOf(paint, selectedIndex, themeFill)
    let colors: Uint8Array
    if (
      !themeFill &&
      prev &&
      paint.moved?.from === prev.paint &&
      prev.features === fillFeatures &&
      prev.selectedIndex === selectedIndex
    ) {
      // Territory colours after an edit: only the units that moved change.
      colors = prev.colors.slice()
      for (const u of paint.moved.units) colors.set(colorOf(u), u * 4)
    } else colors = unitColorTable(fillFeatures.length, colorOf)
    lastColors.current = themeFill
      ? null
      : { colors, paint, features: fillFeatures, selectedIndex }
    return colors
  }, [fillFeatures, paint, selectedIndex, themeFill])
  const baseUnits = useMemo(
    () => (isSoftwareRenderer() ? unitRings(fillFeatures) : null),
    [fillFeatures],
  )
  const baseScene = useMemo(
    () =>
      fillColors && paint && baseUnits
        ? {
            units: baseUnits,
            colors: fillColors,
            owners: paint.territoryOfUnit,
            fillOpacity: densityOn ? 0.4 : 1,
            lines: lineSets,
            tag: paint,
          }
        : null,
    [baseUnits, fillColors, paint, densityOn, lineSets],
  )
  // Reports repainted units to a listening benchmark (inert otherwise).
  const probe = usePaintProbe(geometry?.unitIds, paint)
  const base = useBaseMap({
    enabled: isSoftwareRenderer(),
    view,
    size,
    scene: baseScene,
    onPainted: probe.afterBase,
  })
  const baseActive = base.active
  const { afterDeck } = probe
  const onAfterRender = useCallback(
    () => afterDeck(baseActive),
    [afterDeck, baseActive],
  )
  // The fill and the line layer are built only when their own inputs change, not on every
  // hover or collaborator's cursor move: each build makes new arrays that deck.gl uploads.
  // While the base shows the fill, deck.gl gets the picking layer, which does not follow the
  // plan: an edit must leave deck.gl's layers as they are (a new layer list is a WebGL frame).
  const colourLayer = useMemo(
    () =>
      paint && !baseActive
        ? unitFillLayer(
            fillFeatures,
            paint,
            selectedIndex,
            themeFill,
            densityOn,
            fillColors,
          )
        : null,
    [
      baseActive,
      fillFeatures,
      paint,
      selectedIndex,
      themeFill,
      densityOn,
      fillColors,
    ],
  )
  // While the 2D base shows the fill, WebGL draws none (hover and clicks ask the CPU hit
  // test, not WebGL picking).
  const fillLayer = colourLayer
  const linesLayer = useMemo(
    () => (baseActive ? null : hairlinesLayer('map-lines', lineSets)),
    [lineSets, baseActive],
  )
  // Its own memo: a change elsewhere in the layer list must not make a new points layer.
  const pointsLayer = useMemo(
    () =>
      accountLayer(accounts ?? [], radiusScale, accountColours === 'segment'),
    [accounts, radiusScale, accountColours],
  )
  const highlightLayer = useMemo(
    () => (props.highlight?.length ? targetLayer(props.highlight) : null),
    [props.highlight],
  )
  const layers = useMemo(() => {
    if (!geometry || !paint) return []
    // Layers with nothing to draw are left out, not hidden: each live layer costs GPU
    // set-up, which software renderers (headless browsers, old laptops) feel.
    return [
      fillLayer,
      hoverLayer,
      density.layer,
      linesLayer,
      ...selectionLayers,
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
      ...pointsLayer,
      highlightLayer,
      ...labelLayers,
      ...remoteCursorLayers(props.remoteCursors ?? []),
    ].filter((layer) => layer !== null)
  }, [
    geometry,
    fillLayer,
    hoverLayer,
    density.layer,
    linesLayer,
    selectionLayers,
    selectedOutline,
    pointsLayer,
    highlightLayer,
    remoteOutlines,
    props.remoteCursors,
    previewFeatures,
    preview,
    labelLayers,
  ])

  const { onPointer } = props
  const onHover = useCallback(
    (info: PickingInfo) => {
      onHoverTooltip(info)
      const c = info.coordinate
      onPointer?.(c && c.length >= 2 ? [c[0]!, c[1]!] : null)
    },
    [onHoverTooltip, onPointer],
  )

  const pointer = usePointerTools({
    tool: props.tool ?? 'select',
    hitTest,
    geometry,
    paint,
    anchors,
    onSelectTerritory: props.onSelectTerritory,
    onSelectUnits: selectUnits,
    onPaint: props.onPaint,
    onPaintEnd: props.onPaintEnd,
    onPickLocation: props.onPickLocation,
    onShapeDrawn: props.onShapeDrawn,
  })

  // Placing a pin takes a plain tap, read from the pointer events themselves: deck.gl calls
  // a tap a click only if the button comes up within its press time, and on a busy page the
  // two events can be handled further apart than that, which lost the click.
  const tapStart = useRef<{ x: number; y: number } | null>(null)
  const pickLocation = props.onPickLocation
  const pointerClick = pointer.onClick
  const tapHandlers = pickLocation
    ? {
        onPointerDown: (e: React.PointerEvent) => {
          tapStart.current = { x: e.clientX, y: e.clientY }
        },
        onPointerUp: (e: React.PointerEvent) => {
          const start = tapStart.current
          tapStart.current = null
          const box = containerRef.current?.getBoundingClientRect()
          if (!start || !box || size.width === 0) return
          if (Math.hypot(e.clientX - start.x, e.clientY - start.y) > 6) return
          const x = e.clientX - box.left
          const y = e.clientY - box.top
          const [lon, lat] = new WebMercatorViewport({
            ...view,
            width: size.width,
            height: size.height,
          }).unproject([x, y]) as [number, number]
          pointerClick({ coordinate: [lon, lat], x, y } as PickingInfo, e)
        },
      }
    : {}

  return (
    <div
      className="map"
      ref={containerRef}
      {...tapHandlers}
      data-testid="map"
      aria-label={i18n.t('map.label')}
      role="region"
    >
      <div
        ref={base.hostRef}
        className="map__base"
        hidden={!baseActive}
        aria-hidden
      />
      <DeckGL
        ref={(r: unknown) => {
          ;(window as unknown as Record<string, unknown>)['__deck'] = (
            r as { deck?: unknown } | null
          )?.deck
        }}
        views={pointer.view}
        deviceProps={mapDeviceProps()}
        viewState={view}
        onViewStateChange={camera.onViewStateChange}
        layers={layers}
        onHover={onHover}
        onClick={pickLocation ? undefined : pointer.onClick}
        onDragStart={pointer.onDragStart}
        onDrag={pointer.onDrag}
        onDragEnd={pointer.onDragEnd}
        onAfterRender={onAfterRender}
        getCursor={({ isDragging, isHovering }) =>
          pointer.cursor ??
          (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab')
        }
      />
      {props.threads && props.onOpenThread ? (
        <ThreadMarkers
          markers={threadMarkers}
          view={view}
          width={size.width}
          height={size.height}
          onOpen={props.onOpenThread}
          draftPin={props.draftPin ?? null}
        />
      ) : null}
      <SelectionOverlay draft={pointer.draft} />
      {props.overlay}
      {hover && !pointer.draft ? (
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
          theme={theme}
          onTheme={setTheme}
          themeKey={themeFill?.key ?? null}
          density={densityOn}
          onDensity={setDensityOn}
          densityTop={density.top}
          densityClipped={density.clipped}
          filter={accountFilter}
          onFilter={setAccountFilter}
          bySegment={accountColours === 'segment'}
          onBySegment={(on) => setAccountColours(on ? 'segment' : 'plain')}
        />
      ) : null}
      {isLoading ? (
        <div className="map__overlay" role="status">
          <span className="spinner" aria-hidden />
          {i18n.t('map.loading')}
        </div>
      ) : error ? (
        <div className="map__overlay map__overlay--error" role="alert">
          <p>{i18n.t('map.failed')}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={refetch}
          >
            {i18n.t('common.tryAgain')}
          </button>
        </div>
      ) : null}
    </div>
  )
}
