import type { Kysely } from 'kysely'
import type { CurrencySettings, DistanceUnit } from '@tessera/domain'
import type { Database } from './schema.js'

export interface CurrencyRate {
  currency: string
  perBase: number
  setBy: string | null
  setAt: string
}

/** The organization's base currency, distance unit and the rates its admins set. */
export async function currencySettings(
  db: Kysely<Database>,
  orgId: string,
): Promise<CurrencySettings & { rateList: CurrencyRate[] }> {
  const org = await db
    .selectFrom('organizations')
    .select(['base_currency', 'distance_unit'])
    .where('id', '=', orgId)
    .executeTakeFirst()
  const rows = await db
    .selectFrom('currency_rates')
    .select(['currency', 'per_base', 'set_by', 'set_at'])
    .where('org_id', '=', orgId)
    .orderBy('currency')
    .execute()
  return {
    base: org?.base_currency ?? 'USD',
    distanceUnit: (org?.distance_unit ?? 'km') as DistanceUnit,
    rates: Object.fromEntries(rows.map((r) => [r.currency, r.per_base])),
    rateList: rows.map((r) => ({
      currency: r.currency,
      perBase: r.per_base,
      setBy: r.set_by,
      setAt: new Date(r.set_at).toISOString(),
    })),
  }
}

export async function setOrganizationUnits(
  db: Kysely<Database>,
  orgId: string,
  units: { baseCurrency?: string; distanceUnit?: DistanceUnit },
): Promise<void> {
  if (!units.baseCurrency && !units.distanceUnit) return
  await db
    .updateTable('organizations')
    .set({
      ...(units.baseCurrency ? { base_currency: units.baseCurrency } : {}),
      ...(units.distanceUnit ? { distance_unit: units.distanceUnit } : {}),
    })
    .where('id', '=', orgId)
    .execute()
}

export async function setCurrencyRate(
  db: Kysely<Database>,
  r: {
    orgId: string
    currency: string
    perBase: number
    setBy: string | null
    setAt: Date
  },
): Promise<void> {
  await db
    .insertInto('currency_rates')
    .values({
      org_id: r.orgId,
      currency: r.currency,
      per_base: r.perBase,
      set_by: r.setBy,
      set_at: r.setAt,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'currency']).doUpdateSet({
        per_base: r.perBase,
        set_by: r.setBy,
        set_at: r.setAt,
      }),
    )
    .execute()
}

export async function removeCurrencyRate(
  db: Kysely<Database>,
  orgId: string,
  currency: string,
): Promise<boolean> {
  const r = await db
    .deleteFrom('currency_rates')
    .where('org_id', '=', orgId)
    .where('currency', '=', currency)
    .executeTakeFirst()
  return Number(r.numDeletedRows) > 0
}
