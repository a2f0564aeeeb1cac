/** `43.66, -70.26` (lat, lon, as maps and spreadsheets write it) → [lon, lat], or an error. */
export function parseCentre(
  text: string,
): { ok: true; lonLat: [number, number] } | { ok: false; reason: string } {
  const parts = text
    .trim()
    .split(/[,;\s]+/)
    .filter((p) => p !== '')
  if (parts.length !== 2)
    return { ok: false, reason: 'Give the centre as “latitude, longitude”.' }
  const [lat, lon] = parts.map(Number) as [number, number]
  if (!Number.isFinite(lat) || !Number.isFinite(lon))
    return {
      ok: false,
      reason: 'The centre’s latitude and longitude must be numbers.',
    }
  if (lat < -90 || lat > 90)
    return { ok: false, reason: 'Latitude runs from −90 to 90.' }
  if (lon < -180 || lon > 180)
    return { ok: false, reason: 'Longitude runs from −180 to 180.' }
  return { ok: true, lonLat: [lon, lat] }
}

export function formatCentre([lon, lat]: readonly [number, number]): string {
  return `${lat.toFixed(4)}, ${lon.toFixed(4)}`
}
