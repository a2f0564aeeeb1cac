import type { Unit, UnitAdjacency } from '@tessera/domain'
import { connectedComponents } from '@tessera/geo'

export interface DemoRegion {
  key: string
  name: string
  /** State FIPS codes (the first two digits of a county FIPS code). */
  states: readonly string[]
}

/**
 * Eight sales regions over the states. DC sits with its neighbours in the Mid-Atlantic;
 * Puerto Rico and the Virgin Islands with the Southeast (their proximity links reach
 * Florida); Alaska, Hawaii and the Pacific territories with the Pacific.
 */
export const demoRegions: readonly DemoRegion[] = [
  // CT ME MA NH NY RI VT
  {
    key: 'northeast',
    name: 'Northeast',
    states: ['09', '23', '25', '33', '36', '44', '50'],
  },
  // DE DC MD NJ PA VA WV
  {
    key: 'mid-atlantic',
    name: 'Mid-Atlantic',
    states: ['10', '11', '24', '34', '42', '51', '54'],
  },
  // AL FL GA NC SC TN PR VI
  {
    key: 'southeast',
    name: 'Southeast',
    states: ['01', '12', '13', '37', '45', '47', '72', '78'],
  },
  // IL IN KY MI OH WI
  {
    key: 'great-lakes',
    name: 'Great Lakes',
    states: ['17', '18', '21', '26', '39', '55'],
  },
  // IA KS MN MO NE ND SD
  {
    key: 'central-plains',
    name: 'Central Plains',
    states: ['19', '20', '27', '29', '31', '38', '46'],
  },
  // AR LA MS OK TX
  {
    key: 'south-central',
    name: 'South Central',
    states: ['05', '22', '28', '40', '48'],
  },
  // AZ CO ID MT NV NM UT WY
  {
    key: 'mountain',
    name: 'Mountain',
    states: ['04', '08', '16', '30', '32', '35', '49', '56'],
  },
  // AK CA HI OR WA AS GU MP
  {
    key: 'pacific',
    name: 'Pacific',
    states: ['02', '06', '15', '41', '53', '60', '66', '69'],
  },
]

/** USPS code of each state FIPS code in the county topology (states, DC and territories). */
export const statePostalCodes: Readonly<Record<string, string>> = {
  '01': 'AL',
  '02': 'AK',
  '04': 'AZ',
  '05': 'AR',
  '06': 'CA',
  '08': 'CO',
  '09': 'CT',
  '10': 'DE',
  '11': 'DC',
  '12': 'FL',
  '13': 'GA',
  '15': 'HI',
  '16': 'ID',
  '17': 'IL',
  '18': 'IN',
  '19': 'IA',
  '20': 'KS',
  '21': 'KY',
  '22': 'LA',
  '23': 'ME',
  '24': 'MD',
  '25': 'MA',
  '26': 'MI',
  '27': 'MN',
  '28': 'MS',
  '29': 'MO',
  '30': 'MT',
  '31': 'NE',
  '32': 'NV',
  '33': 'NH',
  '34': 'NJ',
  '35': 'NM',
  '36': 'NY',
  '37': 'NC',
  '38': 'ND',
  '39': 'OH',
  '40': 'OK',
  '41': 'OR',
  '42': 'PA',
  '44': 'RI',
  '45': 'SC',
  '46': 'SD',
  '47': 'TN',
  '48': 'TX',
  '49': 'UT',
  '50': 'VT',
  '51': 'VA',
  '53': 'WA',
  '54': 'WV',
  '55': 'WI',
  '56': 'WY',
  '60': 'AS',
  '66': 'GU',
  '69': 'MP',
  '72': 'PR',
  '78': 'VI',
}

/**
 * The region index of every unit, such that each region is connected over the adjacency
 * graph restricted to its own units (territories are grown inside a region and must be
 * contiguous). Units start in their state's region; a unit of an unknown state, or a piece
 * of a region cut off from the rest of it, joins the region of the neighbour it shares the
 * longest border with. With the US counties and the regions above no unit moves.
 */
export function unitRegions(
  units: readonly Unit[],
  adjacency: readonly UnitAdjacency[],
  regions: readonly DemoRegion[],
): Int32Array {
  const index = new Map(units.map((u, i) => [u.id, i]))
  const stateRegion = new Map<string, number>()
  regions.forEach((r, i) => r.states.forEach((s) => stateRegion.set(s, i)))
  const region = Int32Array.from(units, (u) => stateRegion.get(u.region) ?? -1)

  // Cut every region down to its largest connected piece.
  regions.forEach((_, r) => {
    const ids = units.filter((_, i) => region[i] === r).map((u) => u.id)
    const internal = adjacency.filter(
      (e) =>
        region[index.get(e.a) as number] === r &&
        region[index.get(e.b) as number] === r,
    )
    for (const piece of connectedComponents(ids, internal).slice(1))
      for (const id of piece) region[index.get(id) as number] = -1
  })
  if (!region.some((r) => r >= 0)) region.fill(0)

  // Grow assigned regions into the rest, longest shared border first; each adopted unit
  // touches its new region, so regions stay connected.
  const edges = [...adjacency].sort(
    (x, y) => y.sharedBorderKm - x.sharedBorderKm,
  )
  for (let changed = true; changed;) {
    changed = false
    for (const e of edges) {
      const a = index.get(e.a)
      const b = index.get(e.b)
      if (a === undefined || b === undefined) continue
      if (region[a] === -1 && (region[b] as number) >= 0) {
        region[a] = region[b] as number
        changed = true
      } else if (region[b] === -1 && (region[a] as number) >= 0) {
        region[b] = region[a] as number
        changed = true
      }
    }
  }
  // Only a unit with no edges at all can be left; the layer's graph is connected, so none is.
  for (let i = 0; i < region.length; i++) if (region[i] === -1) region[i] = 0
  return region
}
