import counties from 'us-atlas/counties-10m.json' with { type: 'json' }
import type { Topology } from 'topojson-specification'

/**
 * The real us-atlas county topology for tests (imported, not read with fs: this project
 * compiles without Node types). Not exported from the package.
 */
export const usCounties = counties as unknown as Topology
