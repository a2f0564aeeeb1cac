import type { BalanceMetric, BalanceSettings, LonLat } from '@tessera/domain'

/** A territory as the engine scores it. */
export interface TerritoryInput {
  id: string
  /** The rep's home base; null when no rep is assigned (no travel is scored). */
  repHome: LonLat | null
  capacityMinutes: number | null
  locked: boolean
  targets?: Partial<Record<BalanceMetric, number>> | undefined
}

export interface AlignmentInput {
  /** unitId → territoryId; units left out are unassigned. */
  assignments: Readonly<Record<string, string>>
  /** accountId → territoryId: named-account exceptions that ignore geography. */
  overrides: Readonly<Record<string, string>>
}

export interface PlanInput extends AlignmentInput {
  territories: readonly TerritoryInput[]
  /** The published alignment disruption is measured against; defaults to this plan itself. */
  published?: AlignmentInput | undefined
  settings: BalanceSettings
}

export interface Move {
  unitId: string
  /** null unassigns the unit. */
  to: string | null
}

/** What one edit changed in one territory, so a UI repaints just that row and its units. */
export interface TerritoryDelta {
  territoryId: string
  units: number
  accounts: number
  potential: number
  sales: number
  workloadMinutes: number
  forecast: number
  pieces: number
}

/** The effect of a move not yet made (see `PlanState.previewMove`). */
export interface MovePreview {
  unit: number
  from: number
  to: number
  balanceBefore: number
  balanceAfter: number
  /**
   * Change in the weighted sum of squared deviations of the two territories: a smooth
   * measure that still improves inside the tolerance band, for search to follow.
   */
  spreadDelta: number
  /** Change in accounts away from the published alignment. */
  disruptedDelta: number
  splitsDonor: boolean
  fromPerimeter: number
  toPerimeter: number
  fromArea: number
  toArea: number
}

export interface PlanWarning {
  kind: 'unknown-territory' | 'unknown-unit' | 'unknown-account'
  id: string
  detail: string
}

/** The territory index of "no territory": unassigned units, accounts without an override. */
export const NONE = -1

/** The effect of overriding one account (see `PlanState.previewAccount`). */
export interface AccountPreview {
  balanceAfter: number
  spreadDelta: number
  disruptedDelta: number
}
