export { territoryTotals } from './territory-totals.js'
export type { TerritoryTotals, UnitTotals } from './territory-totals.js'
