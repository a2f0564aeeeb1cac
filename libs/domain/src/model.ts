import { z } from 'zod'

/** Who may do what is decided by role; see PRODUCT.md "Who uses it". */
export const roles = ['admin', 'manager', 'planner', 'rep'] as const
export const Role = z.enum(roles)
export type Role = z.infer<typeof Role>

export const scenarioStatuses = [
  'draft',
  'in_review',
  'approved',
  'scheduled',
  'published',
  'superseded',
  'archived',
] as const
export const ScenarioStatus = z.enum(scenarioStatuses)
export type ScenarioStatus = z.infer<typeof ScenarioStatus>

export const industries = [
  'Healthcare',
  'Manufacturing',
  'Retail',
  'Financial Services',
  'Technology',
  'Construction',
  'Hospitality',
  'Education',
  'Logistics',
  'Agriculture',
] as const
export const Industry = z.enum(industries)
export type Industry = z.infer<typeof Industry>

export const sizeBands = ['small', 'mid', 'large', 'enterprise'] as const
export const SizeBand = z.enum(sizeBands)
export type SizeBand = z.infer<typeof SizeBand>

export const products = ['Core', 'Analytics', 'Payments', 'Support+'] as const
export type Product = (typeof products)[number]

const lon = z.number().min(-180).max(180)
const lat = z.number().min(-90).max(90)
export const LonLat = z.tuple([lon, lat])
export type LonLat = z.infer<typeof LonLat>

/** The languages the web app is translated into; English is the fallback. */
export const locales = ['en', 'es'] as const
export const Locale = z.enum(locales)
export type Locale = z.infer<typeof Locale>

/** The signed-in user as the client sees it: never the password hash. */
export const PublicUser = z.object({
  id: z.string(),
  orgId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  repId: z.string().nullable(),
  /** The language the user chose; null follows the browser's. */
  locale: Locale.nullable(),
})
export type PublicUser = z.infer<typeof PublicUser>

export const Rep = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  homeCity: z.string(),
  home: LonLat,
  industries: z.array(z.string()),
  products: z.array(z.string()),
  experience: z.number().int().min(1).max(5),
  /** Visit minutes per week the rep can work. */
  weeklyCapacityMinutes: z.number().nonnegative(),
})
export type Rep = z.infer<typeof Rep>

export const Unit = z.object({
  id: z.string(),
  name: z.string(),
  /** State / country / parent area code, e.g. a 2-digit state FIPS code. */
  region: z.string(),
  centroid: LonLat,
  areaKm2: z.number().nonnegative(),
  perimeterKm: z.number().nonnegative(),
})
export type Unit = z.infer<typeof Unit>

export const UnitAdjacency = z.object({
  a: z.string(),
  b: z.string(),
  /** Shared border length; 0 for a proximity link that joins an island to the mainland. */
  sharedBorderKm: z.number().nonnegative(),
  kind: z.enum(['border', 'proximity']),
})
export type UnitAdjacency = z.infer<typeof UnitAdjacency>

export const Account = z.object({
  id: z.string(),
  externalId: z.string(),
  name: z.string(),
  industry: z.string(),
  sizeBand: SizeBand,
  location: LonLat,
  unitId: z.string().nullable(),
  annualRevenue: z.number().nonnegative(),
  potential: z.number().nonnegative(),
  /** Visit minutes per week this account needs. */
  workloadMinutes: z.number().nonnegative(),
})
export type Account = z.infer<typeof Account>

export const TerritoryTargets = z.object({
  accounts: z.number().nonnegative().optional(),
  potential: z.number().nonnegative().optional(),
  sales: z.number().nonnegative().optional(),
  workload: z.number().nonnegative().optional(),
  forecast: z.number().nonnegative().optional(),
})

/** A territory or a region (hierarchy node) as stored, whole, in the plan document. */
export const TerritoryRecord = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  kind: z.enum(['region', 'district', 'territory']),
  parentId: z.string().nullable(),
  repId: z.string().nullable(),
  locked: z.boolean(),
  targets: TerritoryTargets.optional(),
  /** The currency this record's figures (and its children's) are shown in (a region's). */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  /** Kilometres or miles for this record and its children. */
  distanceUnit: z.enum(['km', 'mi']).optional(),
})
export type TerritoryRecord = z.infer<typeof TerritoryRecord>

export const Plan = z.object({
  id: z.string(),
  name: z.string(),
  unitLayerId: z.string(),
  publishedScenarioId: z.string().nullable(),
})
export type Plan = z.infer<typeof Plan>

export const Scenario = z.object({
  id: z.string(),
  planId: z.string(),
  name: z.string(),
  status: ScenarioStatus,
  parentId: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
})
export type Scenario = z.infer<typeof Scenario>

/** [west, south, east, north] in degrees. */
export const BBox = z
  .tuple([lon, lat, lon, lat])
  .refine(
    ([w, s, e, n]) => w <= e && s <= n,
    'bbox must be [west, south, east, north]',
  )
export type BBox = z.infer<typeof BBox>

/** The metrics a plan can be balanced on (per territory sums). */
export const balanceMetrics = [
  'accounts',
  'potential',
  'sales',
  'workload',
  'forecast',
] as const
export const BalanceMetric = z.enum(balanceMetrics)
export type BalanceMetric = z.infer<typeof BalanceMetric>

/**
 * How a plan is judged balanced: which metrics with which weights, how far from its target
 * a territory may be and still count as balanced, and whether targets are the mean over
 * territories or each territory's explicit targets (falling back to the mean).
 */
export const BalanceSettings = z.object({
  metrics: z
    .array(
      z.object({
        metric: BalanceMetric,
        weight: z.number().positive().max(100),
      }),
    )
    .min(1)
    .refine(
      (ms) => new Set(ms.map((m) => m.metric)).size === ms.length,
      'each metric at most once',
    ),
  /** ± fraction of the target, e.g. 0.1 for a ±10 % band. */
  tolerance: z.number().min(0).max(1),
  target: z.enum(['mean', 'explicit']),
})
export type BalanceSettings = z.infer<typeof BalanceSettings>

export const defaultBalanceSettings: BalanceSettings = {
  metrics: [
    { metric: 'potential', weight: 2 },
    { metric: 'workload', weight: 1 },
    { metric: 'accounts', weight: 1 },
  ],
  tolerance: 0.1,
  target: 'mean',
}
