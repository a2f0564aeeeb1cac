import * as Y from 'yjs'
import { type Kysely, sql } from 'kysely'
import {
  type Database,
  countUsers,
  insertAccounts,
  insertOrganization,
  insertPlan,
  insertReps,
  insertSales,
  insertScenario,
  insertUnitLayer,
  insertUser,
  listUsers,
  migrateToLatest,
  recordAudit,
  insertPublication,
  setPublishedScenario,
  setCurrencyRate,
  setOrganizationUnits,
  setTerritoryQuota,
  writeYjsSnapshot,
} from '@tessera/db'
import { hashPassword, refreshForecasts, refreshSegments } from '@tessera/api'
import { initPlanDoc, planDocName } from '@tessera/domain'
import type { DemoDataset } from './index.js'
import { generateDemoData, loadDemoInputs } from './index.js'
import { EUROPE_COUNTRIES, generateEuropeDemo } from './europe.js'
import { loadEuropeInputs } from './load-inputs.js'
import { demoQuotas } from './quotas.js'

export const DEMO_ORG_ID = 'org_demo'
/** Printed at start and in the README: this is demo data on the user's own machine. */
export const DEMO_PASSWORD = 'tessera-demo'
export const DEMO_SEED = 20_271
export const DEMO_AS_OF_MONTH = '2026-10-01'
export const DEMO_PLAN_ID = 'pln_demo'
export const DEMO_PUBLISHED_SCENARIO_ID = 'scn_demo_published'
export const DEMO_DRAFT_SCENARIO_ID = 'scn_demo_draft'

const demoUsers = [
  {
    id: 'usr_demo_admin',
    email: 'admin@demo.tessera.dev',
    name: 'Alex Admin',
    role: 'admin',
  },
  {
    id: 'usr_demo_manager',
    email: 'manager@demo.tessera.dev',
    name: 'Morgan Manager',
    role: 'manager',
  },
  {
    id: 'usr_demo_planner',
    email: 'planner@demo.tessera.dev',
    name: 'Pat Planner',
    role: 'planner',
  },
  { id: 'usr_demo_rep', email: 'rep@demo.tessera.dev', name: '', role: 'rep' },
  {
    id: 'usr_demo_rep2',
    email: 'rep2@demo.tessera.dev',
    name: '',
    role: 'rep',
  },
] as const

/** Which demo: US counties, or Europe on hexagons. */
export type DemoRegionChoice = 'us' | 'europe'
export const DEMO_REGIONS: readonly DemoRegionChoice[] = ['us', 'europe']

export interface SeedOptions {
  accounts?: number
  seed?: number
  /** Default `us`. */
  region?: DemoRegionChoice
  onProgress?: (message: string) => void
}

export interface SeedReport {
  ms: number
  accounts: number
  salesRows: number
  units: number
}

/**
 * Writes a generated dataset as the demo organization, in one transaction: a failure half
 * way leaves the database empty (and the next start tries again), never half-seeded.
 */
export async function seedDemo(
  db: Kysely<Database>,
  data: DemoDataset,
  topologyJson: string,
  onProgress: (message: string) => void = () => undefined,
  names: { organization: string; plan: string } = {
    organization: 'Acme Field Sales (demo)',
    plan: 'US Field Sales FY2027',
  },
): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await db.transaction().execute(async (trx) => {
    await insertOrganization(trx, {
      id: DEMO_ORG_ID,
      name: names.organization,
    })
    await setOrganizationUnits(trx, DEMO_ORG_ID, {
      baseCurrency: data.money.base,
      distanceUnit: data.money.distanceUnit,
    })
    for (const [currency, perBase] of Object.entries(data.money.rates))
      await setCurrencyRate(trx, {
        orgId: DEMO_ORG_ID,
        currency,
        perBase,
        setBy: null,
        setAt: new Date('2026-01-05T09:00:00Z'),
      })
    onProgress(`demo: ${data.units.length} units`)
    await insertUnitLayer(
      trx,
      {
        id: data.layer.id,
        name: data.layer.name,
        kind: data.layer.kind,
        topology: topologyJson,
        unitsObject: data.layer.unitsObject,
        // A layer made from the demo's own accounts is the demo organization's.
        ...(data.topology ? { orgId: DEMO_ORG_ID } : {}),
      },
      data.units,
      data.adjacency,
    )
    await insertReps(trx, DEMO_ORG_ID, data.reps)
    onProgress(`demo: ${data.accounts.length} accounts`)
    await insertAccounts(trx, DEMO_ORG_ID, data.layer.id, data.accounts)
    const { sales } = data
    onProgress(`demo: ${sales.amount.length} monthly sales rows`)
    await insertSales(trx, {
      accountId: Array.from(
        sales.accountIndex,
        (i) => (data.accounts[i] as { id: string }).id,
      ),
      month: Array.from(sales.monthIndex, (m) => sales.months[m] as string),
      amount: sales.amount,
    })
    // The rep users are the reps of the first territory and of the territory sharing most
    // border with it, so "my territory" has something in it and a change between two
    // neighbours can be reviewed by both.
    const [firstRep, secondRep] = neighbourReps(data)
    for (const u of demoUsers) {
      const rep =
        u.id === 'usr_demo_rep'
          ? firstRep
          : u.id === 'usr_demo_rep2'
            ? secondRep
            : undefined
      await insertUser(trx, {
        id: u.id,
        org_id: DEMO_ORG_ID,
        email: u.email,
        display_name: u.role === 'rep' ? (rep?.name ?? 'Riley Rep') : u.name,
        password_hash: passwordHash,
        role: u.role,
        rep_id: u.role === 'rep' ? (rep?.id ?? null) : null,
      })
    }
    await insertPlan(trx, {
      id: DEMO_PLAN_ID,
      orgId: DEMO_ORG_ID,
      name: names.plan,
      unitLayerId: data.layer.id,
    })
    await insertScenario(trx, {
      id: DEMO_PUBLISHED_SCENARIO_ID,
      planId: DEMO_PLAN_ID,
      name: 'Current alignment',
      status: 'published',
      parentId: null,
      effectiveDate: '2026-01-01',
      createdBy: 'usr_demo_manager',
    })
    await insertScenario(trx, {
      id: DEMO_DRAFT_SCENARIO_ID,
      planId: DEMO_PLAN_ID,
      name: 'FY2027 rebalance (draft)',
      status: 'draft',
      parentId: DEMO_PUBLISHED_SCENARIO_ID,
      effectiveDate: null,
      createdBy: 'usr_demo_planner',
    })
    await setPublishedScenario(trx, DEMO_PLAN_ID, DEMO_PUBLISHED_SCENARIO_ID)
    await insertPublication(trx, {
      id: 'pub_demo_2026',
      planId: DEMO_PLAN_ID,
      scenarioId: DEMO_PUBLISHED_SCENARIO_ID,
      scenarioName: 'Current alignment',
      roundId: null,
      effectiveDate: '2026-01-01',
      publishedBy: 'usr_demo_manager',
      publishedAt: new Date('2025-12-15T12:00:00Z'),
      activatedAt: new Date('2026-01-01T00:00:00Z'),
      state: null,
      alignment: { assignments: data.assignments, accountOverrides: {} },
    })
    for (const scenarioId of [
      DEMO_PUBLISHED_SCENARIO_ID,
      DEMO_DRAFT_SCENARIO_ID,
    ]) {
      const doc = new Y.Doc()
      initPlanDoc(doc, {
        unitLayerId: data.layer.id,
        territories: data.territories,
        assignments: data.assignments,
        accountOverrides: {},
      })
      await writeYjsSnapshot(
        trx,
        planDocName(scenarioId),
        Y.encodeStateAsUpdate(doc),
      )
      doc.destroy()
    }
    for (const q of demoQuotas(data))
      await setTerritoryQuota(trx, {
        planId: DEMO_PLAN_ID,
        ...q,
        setBy: 'usr_demo_manager',
        setAt: new Date('2026-01-05T09:00:00Z'),
      })
    // In the same transaction: a fresh start has forecasts (dashboard, balance metric) or
    // nothing at all.
    const forecast = await refreshForecasts(trx, DEMO_ORG_ID, new Date())
    onProgress(
      `demo: forecast ${forecast.accounts} accounts in ${Math.round(forecast.ms)} ms`,
    )
    const segments = await refreshSegments(trx, DEMO_ORG_ID)
    onProgress(
      `demo: RFM segments for ${segments.accounts} accounts in ${Math.round(segments.ms)} ms`,
    )
    await recordAudit(trx, {
      orgId: DEMO_ORG_ID,
      actorId: null,
      action: 'demo.seeded',
      subjectType: 'organization',
      subjectId: DEMO_ORG_ID,
      details: { seed: data.seed, accounts: data.accounts.length },
    })
  })
}

/** The first territory's rep, and the rep of the territory sharing most border with it. */
function neighbourReps(data: DemoDataset) {
  const territories = data.territories.filter((t) => t.kind === 'territory')
  const first = territories[0]
  const border = new Map<string, number>()
  for (const e of data.adjacency) {
    const ta = data.assignments[e.a]
    const tb = data.assignments[e.b]
    if (!first || ta === tb) continue
    const other = ta === first.id ? tb : tb === first.id ? ta : undefined
    if (other)
      border.set(other, (border.get(other) ?? 0) + e.sharedBorderKm + 1e-3)
  }
  const [neighbourId] = [...border.entries()].sort(
    (x, y) => y[1] - x[1] || x[0].localeCompare(y[0]),
  )[0] ?? [undefined]
  const repOf = (territoryId: string | undefined) => {
    const repId = territories.find((t) => t.id === territoryId)?.repId
    return data.reps.find((r) => r.id === repId)
  }
  return [repOf(first?.id), repOf(neighbourId)] as const
}

/** Generates and loads the demo when the database has no users yet; null when it had some. */
export async function seedDemoIfEmpty(
  db: Kysely<Database>,
  options: SeedOptions = {},
): Promise<SeedReport | null> {
  if ((await countUsers(db)) > 0) return null
  return generateAndSeed(db, options)
}

export async function generateAndSeed(
  db: Kysely<Database>,
  options: SeedOptions = {},
): Promise<SeedReport> {
  const started = performance.now()
  const progress = options.onProgress ?? (() => undefined)
  progress(
    `demo: building the demo data (${(options.accounts ?? 25_000).toLocaleString('en-US')} accounts) — first start only`,
  )
  const seed = options.seed ?? DEMO_SEED
  const accounts = options.accounts ?? 25_000
  if (options.region === 'europe') {
    const inputs = loadEuropeInputs(Object.keys(EUROPE_COUNTRIES))
    const data = generateEuropeDemo({
      countries: inputs.countries,
      cities: inputs.cities,
      seed,
      accounts,
      asOfMonth: DEMO_AS_OF_MONTH,
    })
    progress(
      `demo: generated Europe (${data.units.length} hexagons, ${data.layer.name}) in ${Math.round(performance.now() - started)} ms`,
    )
    await seedDemo(db, data, JSON.stringify(data.topology), progress, {
      organization: 'Acme Europe (demo)',
      plan: 'Europe Field Sales FY2027',
    })
    return report(data)
  }
  const inputs = await loadDemoInputs()
  const data = generateDemoData({
    topology: inputs.topology,
    cities: inputs.cities,
    seed,
    accounts,
    asOfMonth: DEMO_AS_OF_MONTH,
  })
  progress(`demo: generated in ${Math.round(performance.now() - started)} ms`)
  await seedDemo(db, data, JSON.stringify(inputs.topology), progress)
  return report(data)

  function report(data: DemoDataset): SeedReport {
    return {
      ms: performance.now() - started,
      accounts: data.accounts.length,
      salesRows: data.sales.amount.length,
      units: data.units.length,
    }
  }
}
/** Drops every table and runs the migrations again: an empty, current schema. */
export async function resetDatabase(db: Kysely<Database>): Promise<void> {
  await sql`drop schema if exists public cascade`.execute(db)
  await sql`create schema public`.execute(db)
  await migrateToLatest(db)
}

/** The lines the server prints at start so a new user can sign in. Empty without the demo. */
export async function demoLoginLines(db: Kysely<Database>): Promise<string[]> {
  const users = await listUsers(db, DEMO_ORG_ID)
  if (users.length === 0) return []
  const order = ['planner', 'manager', 'rep', 'admin']
  users.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
  return [
    `Demo logins (password: ${DEMO_PASSWORD}):`,
    ...users.map(
      (u) => `  ${u.role.padEnd(8)} ${u.email.padEnd(28)} ${u.display_name}`,
    ),
  ]
}
