/**
 * Capacitated rep assignment: a capacitated p-median over fixed facilities (reps' home bases).
 * Every unit (or account) goes to exactly one facility, minimising Σ demand × distance with
 * each facility's demand within its capacity — a generalized assignment problem. The core
 * ({@link solveCapacitated}) combines the standard heuristics for it: regret greedy
 * construction (Martello & Toth), once on plain costs and once on costs plus the capacity
 * prices of the Lagrangian relaxation (which also give a lower bound); local search with
 * shift, swap and ejection-chain moves; then seeded perturbation rounds (iterated local
 * search). Contiguity is a repair on top (units only).
 */
export interface Facility {
  id: string
  lon: number
  lat: number
  /** Workload minutes per week the facility (rep) can take. */
  capacity: number
  /** Units that must stay with this facility (at account level: their accounts). */
  pinnedUnits?: readonly string[]
}

export interface CapacitatedOptions {
  /** Assign whole units (default; demand = Σ workload of their accounts) or single accounts. */
  level?: 'unit' | 'account'
  /**
   * Cost per minute over capacity, in the cost's unit (minutes × km). Without it capacity is
   * hard: minutes over capacity are minimised first, then cost.
   */
  overCapacityPenalty?: number
  /** Keep each facility's units connected over unit adjacency (unit level only). */
  contiguous?: boolean
  /** Perturbation rounds after the first local optimum (default min(300, ⌈3,000 / items⌉); 0 = none). */
  maxIterations?: number
  seed?: number
  /** Called after each perturbation round; return false to stop with the best found so far. */
  onProgress?: (p: { fraction: number; cost: number }) => boolean | void
}

export interface CapacityInfeasibility {
  code: 'CAPACITY' | 'NO_FACILITIES'
  message: string
  /** True when no assignment can meet capacity; false when this search found none. */
  proven: boolean
}

export interface CapacitatedResult {
  /** Unit (or account) id → facility id. */
  assignment: Record<string, string>
  /** Σ demand × km from each item to its facility. */
  cost: number
  /** Demand minutes per facility id. */
  load: Record<string, number>
  /** Σ over facilities of the minutes above capacity. */
  overCapacity: number
  /**
   * A lower bound on the optimum (the Lagrangian relaxation of capacity, pins included): no
   * assignment within capacity costs less (with a penalty: no assignment's cost + penalty).
   * `cost / lowerBound − 1` bounds the remaining gap. Null with one facility, or when
   * capacity is hard and provably short (see `infeasible`). At unit level it ignores
   * contiguity.
   */
  lowerBound: number | null
  infeasible: CapacityInfeasibility | null
  cancelled: boolean
  /** Perturbation rounds run. */
  iterations: number
  /** With `contiguous`: units outside their facility's main piece (0 = all connected). */
  detachedUnits: number
  /** Input the solver ignored or repaired: unknown or twice-pinned units, bad capacities. */
  warnings: string[]
}

export interface SolveCapacitatedOptions {
  /** See {@link CapacitatedOptions.overCapacityPenalty}; absent = hard capacity. */
  overCapacityPenalty?: number
  /** Facility each item is fixed to, −1 for a free item. */
  pinned?: Int32Array
  maxIterations?: number
  seed?: number
  onProgress?: CapacitatedOptions['onProgress']
}

export interface SolveCapacitatedResult {
  assignment: Int32Array
  load: Float64Array
  /** Σ demand[i] × cost[i, assignment[i]]. */
  cost: number
  overCapacity: number
  /** See {@link CapacitatedResult.lowerBound}. */
  lowerBound: number | null
  iterations: number
  cancelled: boolean
}
