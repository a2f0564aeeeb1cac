export { RFM_SEGMENTS, rfmFeatures, rfmSegments } from './rfm.js'
export type { RfmFeatures, RfmResult, RfmSegment } from './rfm.js'
