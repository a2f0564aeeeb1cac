import { i18n } from '../../../i18n'

/** `43.66, -70.26` (lat, lon, as maps and spreadsheets write it) → [lon, lat], or an error. */
export function parseCentre(
  text: string,
): { ok: true; lonLat: [number, number] } | { ok: false; reason: string } {
  const parts = text
    .trim()
    .split(/[,;\s]+/)
    .filter((p) => p !== '')
  if (parts.length !== 2)
    return { ok: false, reason: i18n.t('targeting.centre.format') }
  const [lat, lon] = parts.map(Number) as [number, number]
  if (!Number.isFinite(lat) || !Number.isFinite(lon))
    return {
      ok: false,
      reason: i18n.t('targeting.centre.numbers'),
    }
  if (lat < -90 || lat > 90)
    return { ok: false, reason: i18n.t('targeting.centre.latitude') }
  if (lon < -180 || lon > 180)
    return { ok: false, reason: i18n.t('targeting.centre.longitude') }
  return { ok: true, lonLat: [lon, lat] }
}

export function formatCentre([lon, lat]: readonly [number, number]): string {
  return `${lat.toFixed(4)}, ${lon.toFixed(4)}`
}
