import { MapView, type PickingInfo } from '@deck.gl/core'
import { useCallback, useRef, useState } from 'react'
import type { UnitHitTest } from '../lib/hit-test'
import type { Point } from '../lib/planar'
import { type TerritoryPaint, territoryIdOfUnit } from '../lib/territory-paint'
import type { UnitGeometry } from '../lib/unit-geometry'
import {
  type UnitAnchors,
  boxOf,
  unitsInBox,
  unitsInLasso,
} from '../lib/unit-selection'

/**
 * What a drag on the map does. `select` pans; `paint` moves units into the selected
 * territory; `rectangle` and `lasso` select units. Names match the presence vocabulary.
 */
export type MapTool = 'select' | 'paint' | 'rectangle' | 'lasso'
export type SelectMode = 'replace' | 'add' | 'toggle'

/** The shape being drawn, in screen pixels relative to the map. */
export type SelectionDraft =
  | { kind: 'rectangle'; from: Point; to: Point }
  | { kind: 'lasso'; points: Point[] }

const MAP_VIEW = new MapView({ id: 'map', controller: true, repeat: false })
// Drawing tools: a drag draws instead of panning; zoom, keyboard and double-click stay.
const DRAW_VIEW = new MapView({
  id: 'map',
  controller: { dragPan: false, dragRotate: false },
  repeat: false,
})

/** Lasso points closer than this (pixels) to the last one add nothing but work. */
const LASSO_STEP_PX = 3

interface PointerToolOptions {
  tool: MapTool
  /** Which unit is at a place: the tools ask the CPU, never WebGL picking. */
  hitTest: UnitHitTest | null
  geometry: UnitGeometry | undefined
  paint: TerritoryPaint | null
  anchors: UnitAnchors | null
  onSelectTerritory: (territoryId: string | null) => void
  onSelectUnits?: (unitIds: string[], mode: SelectMode) => void
  /** The shape just drawn with the rectangle or lasso, as a [lon, lat] ring. */
  onShapeDrawn?: (ring: [number, number][]) => void
  onPaint?: (unitIds: string[]) => void
  onPaintEnd?: () => void
  /** Set while the user is placing something (a comment pin): a click gives its place. */
  onPickLocation?: (pick: LocationPick) => void
}

/** A place clicked on the map: where, and the unit and territory there (if any). */
export interface LocationPick {
  lonLat: Point
  unitId: string | null
  territoryId: string | null
}

interface GestureEvent {
  srcEvent?: { shiftKey?: boolean }
}
const shiftOf = (event: unknown) =>
  Boolean((event as GestureEvent | undefined)?.srcEvent?.shiftKey)
const lonLatOf = (info: PickingInfo): Point | null =>
  info.coordinate && info.coordinate.length >= 2
    ? [info.coordinate[0]!, info.coordinate[1]!]
    : null

/**
 * The map's pointer handlers for the current tool, for deck's `onClick` and `onDrag*`.
 * The brush and the selection shapes hit-test on the CPU (see UnitHitTest, unit-selection):
 * GPU picking costs a render per question, which software renderers feel.
 */
export function usePointerTools(options: PointerToolOptions) {
  const { tool, hitTest, geometry, paint, anchors } = options
  const {
    onSelectTerritory,
    onSelectUnits,
    onPaint,
    onPaintEnd,
    onShapeDrawn,
  } = options
  const { onPickLocation } = options
  const idsOf = useCallback(
    (indices: Iterable<number>) =>
      geometry
        ? [...indices].flatMap((i) => {
            const id = geometry.unitIds[i]
            return id === undefined ? [] : [id]
          })
        : [],
    [geometry],
  )

  // The brush fills the gaps between pointer events, so a quick stroke paints every unit
  // it crosses.
  const lastPaint = useRef<{ x: number; y: number; lonLat: Point } | null>(null)
  const paintAt = useCallback(
    (info: PickingInfo) => {
      const here = lonLatOf(info)
      if (!hitTest || !here) return
      const prev = lastPaint.current
      const steps = prev ? Math.hypot(info.x - prev.x, info.y - prev.y) / 4 : 0
      const hit = hitTest.unitsAlong(prev?.lonLat ?? here, here, steps)
      lastPaint.current = { x: info.x, y: info.y, lonLat: here }
      if (hit.size > 0) onPaint?.(idsOf(hit))
    },
    [hitTest, idsOf, onPaint],
  )
  const endPaint = useCallback(() => {
    lastPaint.current = null
    onPaintEnd?.()
  }, [onPaintEnd])

  // The selection shape: screen points to draw, lon/lat points to test.
  const [draft, setDraft] = useState<SelectionDraft | null>(null)
  const shape = useRef<{ screen: Point[]; lonLat: Point[] } | null>(null)
  const startShape = useCallback((info: PickingInfo) => {
    const lonLat = lonLatOf(info)
    shape.current = lonLat
      ? { screen: [[info.x, info.y]], lonLat: [lonLat] }
      : null
    setDraft(null)
  }, [])
  const extendShape = useCallback(
    (info: PickingInfo) => {
      const s = shape.current
      const lonLat = lonLatOf(info)
      if (!s || !lonLat) return
      const here: Point = [info.x, info.y]
      if (tool === 'rectangle') {
        s.screen = [s.screen[0]!, here]
        s.lonLat = [s.lonLat[0]!, lonLat]
        setDraft({ kind: 'rectangle', from: s.screen[0]!, to: here })
        return
      }
      const last = s.screen[s.screen.length - 1]!
      if (Math.hypot(here[0] - last[0], here[1] - last[1]) < LASSO_STEP_PX)
        return
      s.screen.push(here)
      s.lonLat.push(lonLat)
      setDraft({ kind: 'lasso', points: [...s.screen] })
    },
    [tool],
  )
  const finishShape = useCallback(
    (info: PickingInfo, event: unknown) => {
      extendShape(info)
      const s = shape.current
      shape.current = null
      setDraft(null)
      if (!s || !geometry) return
      const hit =
        tool === 'rectangle'
          ? s.lonLat.length === 2
            ? unitsInBox(geometry, boxOf(s.lonLat[0]!, s.lonLat[1]!))
            : []
          : anchors
            ? unitsInLasso(anchors.points, s.lonLat)
            : []
      // Called even with nothing inside, so the page can say "Nothing selected".
      onSelectUnits?.(idsOf(hit), shiftOf(event) ? 'add' : 'replace')
      if (onShapeDrawn) {
        if (tool === 'rectangle' && s.lonLat.length === 2) {
          const [[x0, y0], [x1, y1]] = s.lonLat as [
            [number, number],
            [number, number],
          ]
          onShapeDrawn([
            [x0, y0],
            [x1, y0],
            [x1, y1],
            [x0, y1],
          ])
        } else if (tool === 'lasso' && s.lonLat.length >= 3)
          onShapeDrawn(s.lonLat.map(([x, y]) => [x, y] as [number, number]))
      }
    },
    [extendShape, geometry, anchors, tool, onSelectUnits, idsOf, onShapeDrawn],
  )

  /** The unit under a click: the picked polygon, or (over an account dot) the CPU test. */
  const unitAt = useCallback(
    (info: PickingInfo): number => {
      const c = lonLatOf(info)
      return c && hitTest ? hitTest.unitAt(c[0], c[1]) : -1
    },
    [hitTest],
  )

  const onClick = useCallback(
    (info: PickingInfo, event: unknown) => {
      if (onPickLocation) {
        const lonLat = lonLatOf(info)
        if (!lonLat) return
        const unit = unitAt(info)
        onPickLocation({
          lonLat,
          unitId: (unit >= 0 && geometry?.unitIds[unit]) || null,
          territoryId:
            unit >= 0 && paint
              ? (territoryIdOfUnit(paint, unit) ?? null)
              : null,
        })
        return
      }
      if (tool === 'paint') {
        lastPaint.current = null
        paintAt(info)
        endPaint()
        return
      }
      const unit = unitAt(info)
      const unitId = unit >= 0 ? geometry?.unitIds[unit] : undefined
      const shift = shiftOf(event)
      // Shift adds to or takes from the unit selection and leaves the territory alone.
      if (shift) {
        if (unitId) onSelectUnits?.([unitId], 'toggle')
        return
      }
      if (tool === 'select')
        onSelectTerritory(
          unit >= 0 && paint ? (territoryIdOfUnit(paint, unit) ?? null) : null,
        )
      onSelectUnits?.(unitId ? [unitId] : [], 'replace')
    },
    [
      onPickLocation,
      tool,
      paintAt,
      endPaint,
      unitAt,
      geometry,
      paint,
      onSelectTerritory,
      onSelectUnits,
    ],
  )

  const drawing = tool === 'rectangle' || tool === 'lasso'
  const handlers =
    tool === 'paint'
      ? {
          onDragStart: (info: PickingInfo) => {
            lastPaint.current = null
            paintAt(info)
          },
          onDrag: paintAt,
          onDragEnd: endPaint,
        }
      : drawing
        ? {
            onDragStart: startShape,
            onDrag: extendShape,
            onDragEnd: finishShape,
          }
        : {}

  return {
    view: tool === 'select' || onPickLocation ? MAP_VIEW : DRAW_VIEW,
    onClick,
    // Placing a pin pans like the select tool: only a click places it.
    ...(onPickLocation ? {} : handlers),
    draft,
    cursor: tool === 'select' && !onPickLocation ? null : 'crosshair',
  }
}
