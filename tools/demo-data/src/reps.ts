import { industries, products } from '@tessera/domain'
import type { Rep, Rng } from '@tessera/domain'
import { firstNames, surnames } from './names.js'

/** Where a rep lives: a real city (or, failing one, a unit centroid). */
export interface RepHome {
  city: string
  state: string
  lon: number
  lat: number
}

/**
 * One rep per home, with a unique "Firstname Lastname", an email on the demo domain, 2–3
 * industries, 1–3 products, experience 1–5 and 2,000–2,600 visit minutes a week.
 */
export function generateReps(homes: readonly RepHome[], rng: Rng): Rep[] {
  const used = new Set<string>()
  return homes.map((home, i) => {
    let first: string
    let last: string
    do {
      first = rng.pick(firstNames)
      last = rng.pick(surnames)
    } while (
      used.has(`${first} ${last}`) &&
      used.size < firstNames.length * surnames.length
    )
    used.add(`${first} ${last}`)
    const email = `${slug(first)}.${slug(last)}@demo.tessera.dev`
    return {
      id: `rep_${String(i + 1).padStart(3, '0')}`,
      name: `${first} ${last}`,
      email,
      homeCity: home.state ? `${home.city}, ${home.state}` : home.city,
      home: [home.lon, home.lat],
      industries: sample(rng, industries, rng.int(2, 3)),
      products: sample(rng, products, rng.int(1, 3)),
      experience: rng.int(1, 5),
      weeklyCapacityMinutes: 2000 + 10 * rng.int(0, 60),
    }
  })
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z]/g, '')
}

/** `k` distinct items in their list order. */
function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  const picked = new Set<number>()
  while (picked.size < Math.min(k, items.length))
    picked.add(rng.int(0, items.length - 1))
  return [...picked].sort((a, b) => a - b).map((i) => items[i] as T)
}
