export {
  generateDemoData,
  SALES_HISTORY_MONTHS,
  TERRITORY_COUNT,
} from './generate.js'
export { loadDemoInputs } from './load-inputs.js'
export type { DemoInputs } from './load-inputs.js'
export { demoRegions } from './regions.js'
export type { DemoRegion } from './regions.js'
export { FULL_HISTORY_MAX_ACCOUNTS, THIN_MONTHS } from './sales.js'
export { DEFAULT_ACCOUNT_COUNT } from './types.js'
export type { DemoCity, DemoDataset, DemoInput, DemoSales } from './types.js'
export {
  DEMO_AS_OF_MONTH,
  DEMO_DRAFT_SCENARIO_ID,
  DEMO_ORG_ID,
  DEMO_PASSWORD,
  DEMO_PLAN_ID,
  DEMO_PUBLISHED_SCENARIO_ID,
  DEMO_SEED,
  demoLoginLines,
  generateAndSeed,
  resetDatabase,
  seedDemo,
  seedDemoIfEmpty,
} from './seed.js'
export type { SeedOptions, SeedReport } from './seed.js'
