// Capacitated rep assignment. Layout: model-level (units/accounts ↔ arrays) → core (the
// search's stages) → construct (regret greedy, Lagrangian prices and bound), local-search
// (shift/swap/chain moves and kicks over search + borders), contiguity (repair, then
// contiguous-moves); types holds the public shapes.
export { capacitatedAssign } from './model-level.js'
export { solveCapacitated } from './core.js'
export type {
  CapacitatedOptions,
  CapacitatedResult,
  CapacityInfeasibility,
  Facility,
  SolveCapacitatedOptions,
  SolveCapacitatedResult,
} from './types.js'
