export { territoryTotals } from './territory-totals.js'
export { LiveTerritoryTotals } from './live-territory-totals.js'
export type {
  OverriddenAccount,
  TerritoryTotals,
  UnitTotals,
} from './territory-totals.js'
export { buildModel } from './model.js'
export type { EngineAccount, EngineModel, ModelWarning } from './model.js'
export { PlanState } from './plan-state.js'
export type {
  AlignmentInput,
  Move,
  PlanInput,
  PlanWarning,
  TerritoryDelta,
  TerritoryInput,
} from './plan-state.js'
export { scoreFromScratch } from './scratch.js'
export {
  METRICS,
  balancePenalty,
  deviation,
  meanPolsbyPopper,
} from './scores.js'
export type { PlanScore, TerritoryScore } from './scores.js'
export { engineAccountsOf, hexGrid } from './testing/synthetic.js'
export type { SyntheticLayer } from './testing/synthetic.js'
export { solveAssignment } from './optimize/hungarian.js'
export { suggestMoves } from './optimize/suggest.js'
export type { SuggestOptions, Suggestion } from './optimize/suggest.js'
export type { MovePreview } from './plan-state.js'
export {
  assignReps,
  defaultAssignWeights,
  repCost,
  territoryNeeds,
} from './optimize/assign-reps.js'
export type {
  AssignWeights,
  RepCandidate,
  RepPair,
  TerritoryNeed,
} from './optimize/assign-reps.js'
export { localSearch, rebalance } from './optimize/rebalance.js'
export type { RebalanceOptions, RebalanceResult } from './optimize/rebalance.js'
export { balanceInfeasibility } from './optimize/feasibility.js'
export type { Infeasibility } from './optimize/feasibility.js'
export { designPlan } from './optimize/design.js'
export type {
  DesignInfeasibility,
  DesignOptions,
  DesignResult,
} from './optimize/design.js'
export { maxDeviationPct, territoryInputsFrom } from './plan-input.js'
export {
  capacitatedAssign,
  solveCapacitated,
} from './optimize/capacitated/index.js'
export type {
  CapacitatedOptions,
  CapacitatedResult,
  CapacityInfeasibility,
  Facility,
  SolveCapacitatedOptions,
  SolveCapacitatedResult,
} from './optimize/capacitated/index.js'
export { packModel, unpackModel } from './model-pack.js'
export type { PackedModel } from './model-pack.js'
export {
  WapeAccumulator,
  backtest,
  forecastPanel,
  forecastSeries,
  forecastSeriesDetailed,
  formatMonth,
  naiveForecast,
  next12MonthRevenue,
  parseMonth,
  parseSeriesCsv,
  seasonalNaive,
  wape,
} from './forecast/index.js'
export type {
  BacktestClassRow,
  BacktestOptions,
  BacktestResult,
  ClassChoice,
  ForecastOptions,
  MethodId,
  MonthlySeries,
  PanelForecast,
  PanelOptions,
  SeriesClass,
  SeriesCsvResult,
  SeriesForecast,
} from './forecast/index.js'
export { RFM_SEGMENTS, rfmFeatures, rfmSegments } from './segments/index.js'
export type { RfmFeatures, RfmResult, RfmSegment } from './segments/index.js'
