/**
 * A quota as people type it: `1200000`, `1,200,000`, `$1.2M`, `850k`. Whole dollars are
 * enough for a yearly quota, so the result is rounded. Returns null for an empty field (the
 * default applies again) and `'invalid'` for anything else that is not a number ≥ 0.
 */
export function parseQuota(text: string): number | null | 'invalid' {
  const t = text
    .trim()
    .replace(/[$,\s]/g, '')
    .toLowerCase()
  if (t === '') return null
  const m = /^(\d+(?:\.\d*)?|\.\d+)([km]?)$/.exec(t)
  if (!m) return 'invalid'
  const scale = m[2] === 'k' ? 1e3 : m[2] === 'm' ? 1e6 : 1
  const value = Math.round(Number(m[1]) * scale)
  return Number.isFinite(value) && value <= 1e13 ? value : 'invalid'
}
