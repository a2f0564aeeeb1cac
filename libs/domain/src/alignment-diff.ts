import { csvTable } from './csv.js'
import type { TerritoryRecord } from './model.js'

/** An alignment as compared: who owns each unit, and the accounts placed elsewhere. */
export interface Alignment {
  territories: readonly TerritoryRecord[]
  /** unitId → territoryId */
  assignments: Readonly<Record<string, string>>
  /** accountId → territoryId */
  accountOverrides: Readonly<Record<string, string>>
}

/** What the diff needs of an account. */
export interface DiffAccount {
  id: string
  externalId: string
  name: string
  unitId: string | null
  potential: number
  workloadMinutes: number
  sales12m: number
}

/** One account that changes territory. */
export interface AccountMove {
  accountId: string
  externalId: string
  name: string
  from: string | null
  to: string | null
  potential: number
  workloadMinutes: number
  sales12m: number
}

/** What one rep (or an unstaffed territory, repId null) gains and loses. */
export interface RepImpact {
  repId: string | null
  /** The territories this rep holds in either alignment. */
  territoryIds: string[]
  gained: AccountMove[]
  lost: AccountMove[]
  accountsDelta: number
  potentialDelta: number
  workloadMinutesDelta: number
  sales12mDelta: number
}

export interface AlignmentDiff {
  /** Units whose territory differs, by unit id. */
  units: { unitId: string; from: string | null; to: string | null }[]
  accounts: AccountMove[]
  /** Reps whose book changes, largest change in potential first. */
  reps: RepImpact[]
}

/** The territory an account is in: its override, else its unit's territory. */
function territoryOf(a: Alignment, account: DiffAccount): string | null {
  return (
    a.accountOverrides[account.id] ??
    (account.unitId ? a.assignments[account.unitId] : undefined) ??
    null
  )
}

/**
 * What changes from alignment `before` to `after`: units that change territory, every
 * account whose territory changes (by override or by its unit), and per rep the accounts
 * gained and lost with their potential, workload and sales. A territory's rep is read from
 * the alignment the account is in on that side, so a territory handed to another rep counts
 * as that rep's gain. Pure and deterministic (sorted by id), for the server, a CSV and tests.
 */
export function diffAlignments(
  before: Alignment,
  after: Alignment,
  accounts: readonly DiffAccount[],
): AlignmentDiff {
  const units: AlignmentDiff['units'] = []
  const unitIds = new Set([
    ...Object.keys(before.assignments),
    ...Object.keys(after.assignments),
  ])
  for (const unitId of [...unitIds].sort()) {
    const from = before.assignments[unitId] ?? null
    const to = after.assignments[unitId] ?? null
    if (from !== to) units.push({ unitId, from, to })
  }
  const repBefore = new Map(before.territories.map((t) => [t.id, t.repId]))
  const repAfter = new Map(after.territories.map((t) => [t.id, t.repId]))
  const moves: AccountMove[] = []
  const impacts = new Map<string, RepImpact>()
  const impact = (repId: string | null) => {
    const key = repId ?? ''
    let i = impacts.get(key)
    if (!i) {
      i = {
        repId,
        territoryIds: [],
        gained: [],
        lost: [],
        accountsDelta: 0,
        potentialDelta: 0,
        workloadMinutesDelta: 0,
        sales12mDelta: 0,
      }
      impacts.set(key, i)
    }
    return i
  }
  for (const account of [...accounts].sort((x, y) =>
    x.id < y.id ? -1 : x.id > y.id ? 1 : 0,
  )) {
    const from = territoryOf(before, account)
    const to = territoryOf(after, account)
    const fromRep = from ? (repBefore.get(from) ?? null) : null
    const toRep = to ? (repAfter.get(to) ?? null) : null
    if (from === to && fromRep === toRep) continue
    const move: AccountMove = {
      accountId: account.id,
      externalId: account.externalId,
      name: account.name,
      from,
      to,
      potential: account.potential,
      workloadMinutes: account.workloadMinutes,
      sales12m: account.sales12m,
    }
    if (from !== to) moves.push(move)
    // Only a change of hands matters to a rep (a move between two of their territories
    // does not).
    if (fromRep === toRep && from !== null && to !== null) continue
    if (from !== null) {
      const lost = impact(fromRep)
      lost.lost.push(move)
      lost.accountsDelta--
      lost.potentialDelta -= move.potential
      lost.workloadMinutesDelta -= move.workloadMinutes
      lost.sales12mDelta -= move.sales12m
    }
    if (to !== null) {
      const gained = impact(toRep)
      gained.gained.push(move)
      gained.accountsDelta++
      gained.potentialDelta += move.potential
      gained.workloadMinutesDelta += move.workloadMinutes
      gained.sales12mDelta += move.sales12m
    }
  }
  for (const i of impacts.values()) {
    const held = new Set<string>()
    for (const t of before.territories) if (t.repId === i.repId) held.add(t.id)
    for (const t of after.territories) if (t.repId === i.repId) held.add(t.id)
    i.territoryIds = [...held].sort()
  }
  const reps = [...impacts.values()].sort(
    (x, y) =>
      Math.abs(y.potentialDelta) - Math.abs(x.potentialDelta) ||
      (x.repId ?? '').localeCompare(y.repId ?? ''),
  )
  return { units, accounts: moves, reps }
}

/**
 * The diff's accounts as CSV, one row per account that changes territory: ids, name, from
 * and to territory (names) and rep (names), potential, workload and sales. RFC 4180, with a
 * header row; text that a spreadsheet would run as a formula is prefixed with a quote.
 */
export function diffCsv(
  diff: AlignmentDiff,
  names: {
    territory: (id: string | null, side: 'from' | 'to') => string
    rep: (territoryId: string | null, side: 'from' | 'to') => string
  },
): string {
  const header = [
    'account_external_id',
    'account_name',
    'from_territory',
    'from_rep',
    'to_territory',
    'to_rep',
    'potential',
    'workload_minutes',
    'sales_12m',
  ]
  const rows = diff.accounts.map((m) => [
    m.externalId,
    m.name,
    names.territory(m.from, 'from'),
    names.rep(m.from, 'from'),
    names.territory(m.to, 'to'),
    names.rep(m.to, 'to'),
    Math.round(m.potential * 100) / 100,
    Math.round(m.workloadMinutes * 100) / 100,
    Math.round(m.sales12m * 100) / 100,
  ])
  return csvTable(header, rows)
}

/** JSON with object keys sorted at every level, so equal values give equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * An alignment as canonical text — territories (by id, every field), unit assignments and
 * account overrides — the same for the same alignment however its document was stored or
 * compacted. The server hashes it to tell whether a scenario changed after it was reviewed.
 */
export function canonicalAlignment(a: Alignment): string {
  const territories = [...a.territories].sort((x, y) =>
    x.id < y.id ? -1 : x.id > y.id ? 1 : 0,
  )
  return stableJson({
    territories,
    assignments: a.assignments,
    accountOverrides: a.accountOverrides,
  })
}

/**
 * The alignment as a CRM's bulk owner update takes it: one row per account with its
 * territory and owner rep (name and email) and the date it takes effect. An account in no
 * territory, or in one without a rep, is listed with empty owner fields, so the CRM side
 * can see what is unowned.
 */
export function alignmentCsv(
  alignment: Pick<Alignment, 'assignments' | 'accountOverrides'>,
  accounts: readonly Pick<
    DiffAccount,
    'id' | 'externalId' | 'name' | 'unitId'
  >[],
  territories: readonly Pick<TerritoryRecord, 'id' | 'name' | 'repId'>[],
  reps: ReadonlyMap<string, { name: string; email: string }>,
  effectiveDate: string,
): string {
  const byId = new Map(territories.map((t) => [t.id, t]))
  const rows = [...accounts]
    .sort((a, b) =>
      a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0,
    )
    .map((a) => {
      const territoryId =
        alignment.accountOverrides[a.id] ??
        (a.unitId ? alignment.assignments[a.unitId] : undefined) ??
        null
      const territory = territoryId ? byId.get(territoryId) : undefined
      const rep = territory?.repId ? reps.get(territory.repId) : undefined
      return [
        a.externalId,
        a.name,
        territory?.id ?? null,
        territory?.name ?? null,
        rep?.name ?? null,
        rep?.email ?? null,
        effectiveDate,
      ]
    })
  return csvTable(
    [
      'account_external_id',
      'account_name',
      'territory_id',
      'territory',
      'owner_rep',
      'owner_email',
      'effective_date',
    ],
    rows,
  )
}
