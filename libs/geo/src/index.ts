export {
  connectedComponents,
  borderAdjacency,
  proximityLinks,
} from './adjacency.js'
export {
  EARTH_RADIUS_KM,
  haversineKm,
  haversineKmXY,
  pathLengthKm,
} from './haversine.js'
export { createUnitLocator } from './locator.js'
export type { UnitLocator, UnitLocatorOptions } from './locator.js'
export { decodeArcs, defaultUnitId, readUnitShapes } from './topology.js'
export type { GeometryObject, UnitIdOf, UnitShape } from './topology.js'
export type { Topology } from 'topojson-specification'
export { buildUnitLayer } from './unit-layer.js'
export type { UnitLayer, UnitLayerOptions } from './unit-layer.js'
export { measurePolygons } from './unit-measures.js'
export type { UnitMeasures } from './unit-measures.js'
export { readNetworkxGraph } from './networkx.js'
export type { NetworkxGraph, NetworkxOptions } from './networkx.js'
export { targetArea } from './target-area.js'
export type { TargetArea, TargetAreaSpec } from './target-area.js'
export {
  H3LayerError,
  H3_MAX_CELLS,
  H3_MAX_RESOLUTION,
  buildH3Layer,
  cellCentresCovering,
  chooseH3Resolution,
  h3Locator,
  h3ResolutionOptions,
  isPlaceable,
  resolutionForArea,
} from './h3-layer.js'
export type {
  H3Layer,
  H3LayerOptions,
  H3Place,
  H3Point,
  H3ResolutionOption,
} from './h3-layer.js'
export { buildZipLayer } from './zip-layer.js'
export type { ZipLayer, ZipLayerOptions, ZipPoint } from './zip-layer.js'
