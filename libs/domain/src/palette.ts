/**
 * Territory colours: 40+ must stay distinguishable side by side. Hues step by the golden
 * angle so neighbours in creation order are far apart on the wheel; lightness and
 * saturation cycle in three bands so hue collisions between distant indices still differ.
 */
export function territoryColor(index: number): string {
  const hue = (index * 137.508 + 20) % 360
  const band = index % 3
  const s = [0.62, 0.5, 0.72][band] as number
  const l = [0.55, 0.42, 0.66][band] as number
  return hslToHex(hue, s, l)
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
