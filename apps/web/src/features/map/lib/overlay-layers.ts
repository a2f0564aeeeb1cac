import { SolidPolygonLayer, TextLayer } from '@deck.gl/layers'
import { RAMPS, rampColor } from './color-ramps'
import type { DensityCell, DensityGrid } from './density'
import { lineLayer, unitHighlightLayer } from './map-layers'
import {
  LABEL_NAME_PX,
  LABEL_REP_PX,
  type TerritoryLabel,
} from './territory-labels'
import type { UnitFeature } from './unit-geometry'

/** The selection's colour: the toolbar's active indigo, with a white halo over any fill. */
export const SELECTION_RGB: [number, number, number] = [79, 70, 229]

/**
 * Units picked with the selection tools: lightened (a white veil reads over every territory
 * colour, dark or light) and ringed as one shape, so a block of 30 counties reads as one.
 */
export function selectedUnitLayers(
  features: readonly UnitFeature[],
  outline: GeoJSON.MultiLineString | null,
) {
  if (features.length === 0) return []
  return [
    unitHighlightLayer('selected-units', features, {
      fill: [255, 255, 255, 105],
      line: [...SELECTION_RGB, 120],
      width: 0.75,
    }),
    lineLayer('selected-units-halo', outline, [255, 255, 255, 235], 5),
    lineLayer('selected-units-outline', outline, [...SELECTION_RGB, 255], 2.25),
  ]
}

// SDF glyphs, so the labels get a halo that reads over any fill colour.
const LABEL_FONT = {
  sdf: true,
  fontSize: 64,
  buffer: 8,
  radius: 16,
  cutoff: 0.25,
}
const LABEL_TEXT = {
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  // Names are typed by planners: build the glyph atlas from the text itself.
  characterSet: 'auto' as const,
  fontSettings: LABEL_FONT,
  outlineWidth: 7,
  outlineColor: [255, 255, 255, 235] as [number, number, number, number],
  sizeUnits: 'pixels' as const,
  billboard: true,
  getTextAnchor: 'middle' as const,
  getAlignmentBaseline: 'center' as const,
}

const NO_LAYERS: never[] = []

/** Territory names, with the rep's name smaller beneath. */
export function territoryLabelLayers(labels: readonly TerritoryLabel[]) {
  // The same empty list every time: a new one would be a new layer list for deck.gl, and
  // so a frame, on every edit that moved a label nobody sees at this zoom.
  if (labels.length === 0) return NO_LAYERS
  const withRep = labels.filter((l) => l.repName)
  return [
    new TextLayer<TerritoryLabel>({
      ...LABEL_TEXT,
      id: 'territory-labels',
      data: labels,
      getPosition: (l) => l.position,
      getText: (l) => l.name,
      getSize: LABEL_NAME_PX,
      fontWeight: 700,
      getColor: [15, 23, 42, 255],
      getPixelOffset: (l) => [0, l.repName ? -7 : 0],
    }),
    new TextLayer<TerritoryLabel>({
      ...LABEL_TEXT,
      id: 'territory-rep-labels',
      data: withRep,
      getPosition: (l) => l.position,
      getText: (l) => l.repName ?? '',
      getSize: LABEL_REP_PX,
      fontWeight: 500,
      getColor: [51, 65, 85, 255],
      getPixelOffset: [0, 8],
    }),
  ]
}

/** Account density: translucent cells, hotter where more accounts are. */
export function densityLayer(grid: DensityGrid) {
  const top = grid.top
  return new SolidPolygonLayer<DensityCell>({
    id: 'account-density',
    data: grid.cells,
    getPolygon: (c) => c.polygon,
    getFillColor: (c) => {
      // Square root, as for money: a few metro cells would otherwise hide everything else.
      const t = top > 0 ? Math.sqrt(Math.min(1, c.count / top)) : 0
      return [...rampColor(RAMPS.density, t), Math.round(150 + 95 * t)]
    },
    updateTriggers: { getFillColor: top },
  })
}
