import {
  GeoJsonLayer,
  PathLayer,
  ScatterplotLayer,
  TextLayer,
} from '@deck.gl/layers'
import type { Account } from '@tessera/domain'
import { CachedFillLayer } from './cached-fill-layer'
import { DotLayer } from './dot-layer'
import { type FillMesh, buildFillMesh } from './fill-mesh'
import { isSoftwareRenderer } from './software-renderer'
import { type Rgba, type TerritoryPaint, unitFill } from './territory-paint'
import { type ThemeFill, themeColor } from './themes'
import type { UnitFeature } from './unit-geometry'
import { unionBounds } from './view'
import { SEGMENT_COLORS } from './segments'

type Path = GeoJSON.Position[]

/** Point radius in pixels: area grows with potential, so a 4× account looks 4× as big. */
export function accountRadius(potential: number, maxPotential: number): number {
  if (!(maxPotential > 0) || !(potential > 0)) return 1.75
  return 1.75 + 6.5 * Math.sqrt(Math.min(1, potential / maxPotential))
}

/**
 * The unit polygons, filled by territory (the plan) or, with `theme`, by a data theme.
 * The polygons are tessellated once per zoom level; an edit, a selection or a theme switch
 * only recomputes colours; fading is the layer's opacity. Under a software renderer the fill
 * is cached offscreen and an edit repaints only the units that changed (CachedFillLayer).
 */
export function unitFillLayer(
  features: readonly UnitFeature[],
  paint: TerritoryPaint,
  selectedTerritory: number,
  theme: ThemeFill | null = null,
  faded = false,
  /** The colour table, when the caller has it already (software renderers). */
  colors: Uint8Array | null = null,
) {
  const colorOf = fillColorOf(paint, selectedTerritory, theme)
  // Under the density layer the fill steps back, so the density colours read true.
  const opacity = faded ? 0.4 : 1
  if (isSoftwareRenderer()) {
    return new CachedFillLayer({
      id: 'units',
      opacity,
      features,
      ...fillMeshOf(features),
      unitColors: colors ?? unitColorTable(features.length, colorOf),
    })
  }
  return new GeoJsonLayer<UnitFeature['properties']>({
    id: 'units',
    opacity,
    data: features as unknown as GeoJSON.Feature<
      GeoJSON.Geometry,
      UnitFeature['properties']
    >[],
    filled: true,
    stroked: false,
    getFillColor: (f) => colorOf(f.properties.unitIndex),
    updateTriggers: {
      getFillColor: theme ? [theme] : [paint, selectedTerritory],
    },
  })
}

/** A unit's fill colour: its territory's (the selected one stands out), or a data theme's. */
export function fillColorOf(
  paint: TerritoryPaint,
  selectedTerritory: number,
  theme: ThemeFill | null,
): (unitIndex: number) => Rgba {
  return theme
    ? (i) => themeColor(theme, i)
    : (i) => unitFill(paint, i, selectedTerritory)
}

interface MeshData {
  mesh: FillMesh
  /** The vertices as deck.gl binary data; the same object for as long as the mesh lives. */
  data: {
    length: number
    attributes: {
      getPosition: { value: Float64Array; size: 2 }
      getUnit: { value: Float32Array; size: 1 }
    }
  }
}
const meshes = new WeakMap<readonly UnitFeature[], MeshData>()

/** One triangulation per polygon set (a zoom level's), kept while the set is alive. */
function fillMeshOf(features: readonly UnitFeature[]): MeshData {
  let known = meshes.get(features)
  if (!known) {
    const mesh = buildFillMesh(features)
    known = {
      mesh,
      data: {
        length: mesh.positions.length / 2,
        attributes: {
          getPosition: { value: mesh.positions, size: 2 },
          getUnit: { value: mesh.vertexUnit, size: 1 },
        },
      },
    }
    meshes.set(features, known)
  }
  return known
}

/** RGBA per unit, in one array (what CachedFillLayer diffs to find the units to repaint). */
export function unitColorTable(
  units: number,
  colorOf: (unitIndex: number) => ArrayLike<number>,
): Uint8Array {
  const out = new Uint8Array(units * 4)
  for (let i = 0; i < units; i++) {
    const c = colorOf(i)
    out[i * 4] = c[0] ?? 0
    out[i * 4 + 1] = c[1] ?? 0
    out[i * 4 + 2] = c[2] ?? 0
    out[i * 4 + 3] = c[3] ?? 255
  }
  return out
}

export function lineLayer(
  id: string,
  lines: GeoJSON.MultiLineString | null,
  color: [number, number, number, number],
  width: number,
  opacity = 1,
) {
  return new PathLayer<Path>({
    id,
    opacity,
    visible: opacity > 0,
    data: lines?.coordinates ?? [],
    getPath: (p) => p as [number, number][],
    getColor: color,
    getWidth: width,
    widthUnits: 'pixels',
    jointRounded: true,
    capRounded: true,
  })
}

/**
 * Points shrink as the map zooms out, so a country view shows where accounts are rather than
 * a carpet of dots; at territory scale they reach full size.
 */
export function accountRadiusScale(zoom: number): number {
  return (
    Math.round(Math.min(1, Math.max(0.45, 0.45 + (zoom - 2) * 0.18)) * 20) / 20
  )
}

export function accountLayer(
  accounts: readonly Account[],
  radiusScale = 1,
  bySegment = false,
) {
  const maxPotential = accounts.reduce((m, a) => Math.max(m, a.potential), 0)
  if (!bySegment) return [dots('accounts', accounts, radiusScale, maxPotential)]
  // One draw per segment: the dot shader takes one colour per layer.
  const groups = new Map<string, Account[]>()
  for (const a of accounts) {
    const key = (a as { segment?: string | null }).segment ?? 'none'
    let list = groups.get(key)
    if (!list) groups.set(key, (list = []))
    list.push(a)
  }
  return [...groups].map(([segment, list]) =>
    dots(
      `accounts-${segment}`,
      list,
      radiusScale,
      maxPotential,
      SEGMENT_COLORS[segment],
    ),
  )
}

/** A campaign's accounts: violet rings over the ordinary dots. */
export function targetLayer(points: readonly (readonly [number, number])[]) {
  return new DotLayer<readonly [number, number]>({
    id: 'targets',
    data: points,
    radiusScale: 1,
    radiusMinPixels: 4,
    getPosition: (p) => [p[0], p[1]],
    // Pixels: a ring a little wider than the largest account dot.
    getRadius: () => 7,
    fillColor: [124, 58, 237, 60],
    lineColor: [91, 33, 182, 255],
    lineWidth: 2,
  })
}

function dots(
  id: string,
  accounts: readonly Account[],
  radiusScale: number,
  maxPotential: number,
  color: [number, number, number] = [17, 24, 39],
) {
  return new DotLayer<Account>({
    id,
    data: accounts,
    radiusScale,
    radiusMinPixels: 1.25,
    getPosition: (a) => a.location,
    getRadius: (a) => accountRadius(a.potential, maxPotential),
    fillColor: [...color, 190],
    lineColor: [255, 255, 255, 200],
    lineWidth: 0.6,
    updateTriggers: { getRadius: maxPotential },
  })
}

/**
 * Unit borders fade in with zoom: at country scale 3,000 county lines are noise, at
 * territory scale they show what a planner paints with. Stepped to tenths so the layer
 * isn't rebuilt on every frame of a zoom.
 */
export function unitLineOpacity(zoom: number): number {
  const t = Math.min(1, Math.max(0, (zoom - 4) / 2))
  return Math.round(t * 10) / 10
}

/** A collaborator's pointer on the map, in their presence colour, with their name. */
export interface RemoteCursor {
  id: number
  name: string
  color: [number, number, number]
  position: [number, number]
}

export function remoteCursorLayers(cursors: readonly RemoteCursor[]) {
  if (cursors.length === 0) return []
  return [
    new ScatterplotLayer<RemoteCursor>({
      id: 'remote-cursors',
      data: cursors,
      getPosition: (c) => c.position,
      getFillColor: (c) => c.color,
      getLineColor: [255, 255, 255],
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      radiusUnits: 'pixels',
      getRadius: 6,
      updateTriggers: { getPosition: cursors },
    }),
    new TextLayer<RemoteCursor>({
      id: 'remote-cursor-names',
      data: cursors,
      getPosition: (c) => c.position,
      getText: (c) => c.name,
      getColor: [255, 255, 255],
      background: true,
      getBackgroundColor: (c) => [...c.color, 235],
      backgroundPadding: [5, 2],
      getSize: 12,
      getPixelOffset: [10, -12],
      getTextAnchor: 'start',
      fontFamily: 'system-ui, sans-serif',
      fontWeight: 600,
      updateTriggers: { getPosition: cursors },
    }),
  ]
}

/** Some units filled and outlined over the territory colours (a preview, a selection). */
export function unitHighlightLayer(
  id: string,
  features: readonly UnitFeature[],
  style: {
    fill: [number, number, number, number]
    line: [number, number, number, number]
    width: number
  },
) {
  return new GeoJsonLayer<UnitFeature['properties']>({
    id,
    data: features as unknown as GeoJSON.Feature<
      GeoJSON.Geometry,
      UnitFeature['properties']
    >[],
    filled: true,
    stroked: style.width > 0,
    getFillColor: style.fill,
    getLineColor: style.line,
    lineWidthUnits: 'pixels',
    getLineWidth: style.width,
  })
}

/**
 * A proposed move drawn over the map: the units filled in their new territory's colour, and
 * a ring around them that stays visible at country zoom (a county can be a few pixels).
 */
export function previewLayers(
  features: readonly UnitFeature[],
  bounds: readonly [number, number, number, number][],
  color: [number, number, number],
) {
  const box = unionBounds(bounds)
  return [
    unitHighlightLayer('move-preview', features, {
      fill: [...color, 235],
      line: [15, 23, 42, 255],
      width: 2.5,
    }),
    new ScatterplotLayer<[number, number]>({
      id: 'move-preview-ring',
      data: box ? [[(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]] : [],
      getPosition: (p) => p,
      stroked: true,
      filled: false,
      radiusUnits: 'pixels',
      getRadius: 22,
      lineWidthUnits: 'pixels',
      getLineWidth: 3,
      getLineColor: [15, 23, 42, 230],
    }),
  ]
}
