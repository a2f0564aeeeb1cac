import { RFM_SEGMENTS } from '@tessera/engine'

/**
 * The behavioural (RFM) segments' colours on the map: green for the best customers,
 * blue for steady ones, amber for room to grow, red for slipping, grey for no sales.
 * Chosen to stay apart for the common colour-vision deficiencies by lightness too.
 */
export const SEGMENT_COLORS: Record<string, [number, number, number]> = {
  champions: [21, 128, 61],
  loyal: [37, 99, 235],
  growing: [217, 119, 6],
  'at-risk': [220, 38, 38],
  dormant: [107, 114, 128],
}

export const SEGMENTS = RFM_SEGMENTS.map((s) => ({
  ...s,
  color: SEGMENT_COLORS[s.id]!,
}))

export function segmentLabel(id: string | null | undefined): string {
  return SEGMENTS.find((s) => s.id === id)?.label ?? 'Not segmented'
}
