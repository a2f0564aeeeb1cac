/**
 * Territory colours: 40+ must stay distinguishable side by side. The first
 * `PALETTE_SIZE` colours are chosen greedily, each the candidate farthest (CIELAB ΔE) from
 * every colour before it, among mid-light, mid-saturated colours that white borders and dark
 * labels read on; the first ones are therefore the most distinct. Past that, hues step by
 * the golden angle with lightness cycling in three bands. Deterministic: the same index is
 * always the same colour.
 */
export function territoryColor(index: number): string {
  const i = Math.max(0, Math.floor(index))
  const palette = greedyPalette()
  if (i < palette.length) return palette[i]!
  const hue = (i * 137.508 + 20) % 360
  const band = i % 3
  return hslToHex(hue, [0.62, 0.5, 0.72][band]!, [0.55, 0.42, 0.66][band]!)
}

export const PALETTE_SIZE = 64

let cached: string[] | null = null

function greedyPalette(): string[] {
  if (cached) return cached
  const candidates: { hex: string; lab: [number, number, number] }[] = []
  for (let h = 0; h < 360; h += 6)
    for (const [s, l] of [
      [0.58, 0.52],
      [0.5, 0.4],
      [0.62, 0.64],
      [0.42, 0.72],
      [0.5, 0.32],
    ] as const) {
      const hex = hslToHex(h, s, l)
      candidates.push({ hex, lab: labOf(hexToRgb(hex)) })
    }
  // Start from a calm blue, then always take the candidate farthest from those taken.
  const chosen = [
    candidates.findIndex((c) => c.hex === hslToHex(210, 0.58, 0.52)),
  ]
  const nearest = candidates.map((c) =>
    deltaE(c.lab, candidates[chosen[0]!]!.lab),
  )
  while (chosen.length < PALETTE_SIZE) {
    let best = -1
    for (let k = 0; k < candidates.length; k++)
      if (best < 0 || nearest[k]! > nearest[best]!) best = k
    chosen.push(best)
    for (let k = 0; k < candidates.length; k++)
      nearest[k] = Math.min(
        nearest[k]!,
        deltaE(candidates[k]!.lab, candidates[best]!.lab),
      )
  }
  cached = chosen.map((k) => candidates[k]!.hex)
  return cached
}

/** CIE76 colour difference: plain distance in CIELAB, enough to rank candidates. */
export function deltaE(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!)
}

/** sRGB (0–255) to CIELAB under D65. */
export function labOf([r, g, b]: readonly [number, number, number]): [
  number,
  number,
  number,
] {
  const lin = (v: number) => {
    const c = v / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const [R, G, B] = [lin(r), lin(g), lin(b)]
  const x = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047
  const y = 0.2126 * R + 0.7152 * G + 0.0722 * B
  const z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883
  const f = (t: number) =>
    t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
}

function hslToHex(h: number, s: number, l: number): string {
  const c = (1 - Math.abs(2 * l - 1)) * s
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1))
  const m = l - c / 2
  const [r, g, b] =
    h < 60
      ? [c, x, 0]
      : h < 120
        ? [x, c, 0]
        : h < 180
          ? [0, c, x]
          : h < 240
            ? [0, x, c]
            : h < 300
              ? [x, 0, c]
              : [c, 0, x]
  const hex = (v: number) =>
    Math.round((v + m) * 255)
      .toString(16)
      .padStart(2, '0')
  return `#${hex(r)}${hex(g)}${hex(b)}`
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}
