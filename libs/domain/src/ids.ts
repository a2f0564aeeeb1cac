/**
 * Branded string ids (tldraw's `idValidator` habit): a `TerritoryId` can't be passed
 * where a `UnitId` is expected, yet both stay plain strings on the wire and in Yjs.
 */
declare const brand: unique symbol
export type Brand<T, B extends string> = T & { readonly [brand]: B }

export type OrgId = Brand<string, 'OrgId'>
export type UserId = Brand<string, 'UserId'>
export type RepId = Brand<string, 'RepId'>
export type UnitLayerId = Brand<string, 'UnitLayerId'>
/** A geographic unit id inside its layer, e.g. a 5-digit county FIPS code. */
export type UnitId = Brand<string, 'UnitId'>
export type AccountId = Brand<string, 'AccountId'>
export type PlanId = Brand<string, 'PlanId'>
export type ScenarioId = Brand<string, 'ScenarioId'>
export type TerritoryId = Brand<string, 'TerritoryId'>

/** Ids are prefixed so that a stray id in a log says what it is (`ter_…`, `rep_…`). */
export const idPrefix = {
  org: 'org',
  user: 'usr',
  rep: 'rep',
  layer: 'lyr',
  account: 'acc',
  plan: 'pln',
  scenario: 'scn',
  territory: 'ter',
} as const

export function makeId<T extends string>(prefix: string, suffix: string): T {
  return `${prefix}_${suffix}` as T
}
