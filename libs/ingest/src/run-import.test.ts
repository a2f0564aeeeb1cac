import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DatabaseHandle,
  insertOrganization,
  insertPlan,
  insertUnitLayer,
  squaresTopology,
  testBackends,
} from '@tessera/db'
import { Importer } from './run-import.js'
import { zipCentroids } from './zips.js'

const csv = (text: string) => Readable.from([Buffer.from(text, 'utf8')])

describe.each(testBackends())('CSV import on $name', (backend) => {
  let h: DatabaseHandle
  let importer: Importer
  /** The accounts with their unit in a layer (both layers hold the same squares). */
  const accounts = async (layerId = 'lyr_sq') =>
    h.db
      .selectFrom('accounts')
      .leftJoin('account_units as au', (j) =>
        j
          .onRef('au.account_id', '=', 'accounts.id')
          .on('au.layer_id', '=', layerId),
      )
      .selectAll('accounts')
      .select(['au.layer_id', 'au.unit_id'])
      .where('org_id', '=', 'org_1')
      .orderBy('external_id')
      .execute()

  beforeAll(async () => {
    h = await backend.open()
    await insertOrganization(h.db, { id: 'org_1', name: 'Acme' })
    await insertUnitLayer(
      h.db,
      {
        id: 'lyr_sq',
        name: 'Squares',
        kind: 'test',
        topology: JSON.stringify(squaresTopology),
        unitsObject: 'units',
      },
      [],
      [],
    )
    await insertPlan(h.db, {
      id: 'pln_1',
      orgId: 'org_1',
      name: 'P',
      unitLayerId: 'lyr_sq',
    })
    // A second plan on a second layer (a plan re-based onto other units): accounts are
    // placed in both.
    await insertUnitLayer(
      h.db,
      {
        id: 'lyr_sq2',
        name: 'Squares again',
        kind: 'test',
        topology: JSON.stringify(squaresTopology),
        unitsObject: 'units',
      },
      [],
      [],
    )
    await insertPlan(h.db, {
      id: 'pln_2',
      orgId: 'org_1',
      name: 'P2',
      unitLayerId: 'lyr_sq2',
    })
    importer = new Importer(h.db)
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  // Semicolons, a BOM, CRM headers, a quoted newline, and one row of each kind of mistake.
  const bad = [
    '\ufeffAccount Number;Account Name;Industry;Lat;Lon;Billing Zip;Annual Revenue',
    'C-1;"Prairie ""Best""\nBakery";Retail;40.5;-99.5;;1 200 000',
    'C-2;Platte Foods;;;;68847;',
    'C-3;Nowhere Inc;Retail;;;99999;',
    'C-4;Far Out;Retail;95;-99.5;;',
    'C-1;Again;Retail;40.5;-99.5;;',
    'C-5;;Retail;40.5;-98.5;;-5',
  ].join('\r\n')

  it('atomic: reports every bad row precisely and writes nothing', async () => {
    const r = await importer.run({
      orgId: 'org_1',
      kind: 'accounts',
      input: csv(bad),
      fileName: 'bad.csv',
      mode: 'atomic',
      dryRun: false,
    })
    expect(r.status).toBe('rejected')
    expect(r.delimiter).toBe(';')
    expect(r.rows).toBe(7 - 1)
    expect(r.rejected).toBe(4)
    expect(r.inserted + r.updated).toBe(0)
    const at = (line: number) => r.problems.filter((p) => p.line === line)
    // The quoted newline makes C-1 span lines 2–3, so C-2 is on line 4.
    expect(at(5)).toEqual([
      expect.objectContaining({
        column: 'Billing Zip',
        value: '99999',
        reason: 'unknown ZIP code',
      }),
    ])
    expect(at(6)[0]).toMatchObject({ column: 'Lat / Lon', value: '95, -99.5' })
    expect(at(7)[0]).toMatchObject({
      column: 'Account Number',
      value: 'C-1',
      reason: 'duplicate external id: already on line 2',
    })
    expect(
      at(8)
        .map((p) => p.column)
        .sort(),
    ).toEqual(['Account Name', 'Annual Revenue'])
    expect(await accounts()).toEqual([])
    const run = await h.db
      .selectFrom('import_runs')
      .selectAll()
      .where('id', '=', r.runId)
      .executeTakeFirstOrThrow()
    expect(run).toMatchObject({ status: 'rejected', rows: 6, rejected: 4 })
  })

  it('dry run: counts exactly what an upsert would write, and writes nothing', async () => {
    const r = await importer.run({
      orgId: 'org_1',
      kind: 'accounts',
      input: csv(bad),
      fileName: 'bad.csv',
      mode: 'upsert',
      dryRun: true,
    })
    expect(r).toMatchObject({ status: 'validated', inserted: 2, rejected: 4 })
    expect(await accounts()).toEqual([])
  })

  it('upsert: takes the good rows, places them by coordinates or ZIP, and fills defaults', async () => {
    const r = await importer.run({
      orgId: 'org_1',
      kind: 'accounts',
      input: csv(bad),
      fileName: 'bad.csv',
      mode: 'upsert',
      dryRun: false,
    })
    expect(r).toMatchObject({
      status: 'imported',
      inserted: 2,
      updated: 0,
      rejected: 4,
    })
    expect(r.placement).toMatchObject({
      byCoordinates: 1,
      byZip: 1,
      outsideUnits: 0,
    })
    expect(r.placement!.bbox![0]).toBeCloseTo(-99.5)
    const rows = await accounts()
    const [lon] = (await zipCentroids())('68847')!
    expect(rows).toMatchObject([
      {
        external_id: 'C-1',
        name: 'Prairie "Best"\nBakery',
        industry: 'Retail',
        size_band: 'small',
        layer_id: 'lyr_sq',
        unit_id: 'A',
        annual_revenue: 1_200_000,
        potential: 0,
        workload_minutes: 2,
      },
      {
        external_id: 'C-2',
        industry: 'Unspecified',
        unit_id: lon < -99 ? 'A' : 'B',
      },
    ])
    expect(
      (await accounts('lyr_sq2')).map((a) => [a.layer_id, a.unit_id]),
    ).toEqual(rows.map((a) => ['lyr_sq2', a.unit_id]))
  })

  it('upsert by external id keeps what the file leaves out', async () => {
    const before = await accounts()
    const r = await importer.run({
      orgId: 'org_1',
      kind: 'accounts',
      input: csv(
        'id,name,lat,lon\nC-1,Prairie Bakery,40.5,-98.5\nC-9,New,40.2,-99.9\n',
      ),
      fileName: 'more.csv',
      mode: 'atomic',
      dryRun: false,
    })
    expect(r).toMatchObject({ status: 'imported', inserted: 1, updated: 1 })
    const after = await accounts()
    const c1 = after.find((a) => a.external_id === 'C-1')!
    expect(c1).toMatchObject({
      id: before[0]!.id,
      name: 'Prairie Bakery',
      industry: 'Retail',
      annual_revenue: 1_200_000,
      unit_id: 'B',
    })
    // Moved in both layers, not left behind in the other.
    expect(
      (await accounts('lyr_sq2')).find((a) => a.external_id === 'C-1')?.unit_id,
    ).toBe('B')
  })

  it('sales: reports unknown accounts and repeated months by line, upserts the rest', async () => {
    const file = [
      'Account ID,Close Date,Net Amount',
      'C-1,2026-01-15,100',
      'C-1,02/14/2026,"1,250.50"',
      'C-404,2026-01,5',
      'C-1,2026-01-31,7',
      'C-2,bad date,5',
    ].join('\n')
    const r = await importer.run({
      orgId: 'org_1',
      kind: 'sales',
      input: csv(file),
      fileName: 's.csv',
      mode: 'upsert',
      dryRun: false,
    })
    expect(r).toMatchObject({ status: 'imported', inserted: 2, rejected: 3 })
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [4, 'Account ID'],
      [5, 'Month'],
      [6, 'Close Date'],
    ])
    const again = await importer.run({
      orgId: 'org_1',
      kind: 'sales',
      input: csv('account,month,amount\nC-1,2026-01,90\n'),
      fileName: 's2.csv',
      mode: 'atomic',
      dryRun: false,
    })
    expect(again).toMatchObject({ inserted: 0, updated: 1 })
    const sales = await h.db
      .selectFrom('sales_history')
      .select(['amount'])
      .orderBy('month')
      .execute()
    expect(sales.map((s) => s.amount)).toEqual([90, 1250.5])
  })

  it('reps: upserts by external id', async () => {
    const file =
      'Rep ID,Full Name,Email,City,Home ZIP,Capacity\nR-1,Ana Ruiz,ana@x.test,Kearney,68847,38\n'
    const r = await importer.run({
      orgId: 'org_1',
      kind: 'reps',
      input: csv(file),
      fileName: 'r.csv',
      mode: 'atomic',
      dryRun: false,
    })
    expect(r).toMatchObject({ status: 'imported', inserted: 1 })
    const rep = await h.db
      .selectFrom('reps')
      .selectAll()
      .where('external_id', '=', 'R-1')
      .executeTakeFirstOrThrow()
    expect(rep).toMatchObject({
      name: 'Ana Ruiz',
      weekly_capacity_minutes: 38 * 60,
      experience: 3,
    })
  })

  it('a file that cannot be read or mapped imports nothing and says why', async () => {
    const missing = await importer.run({
      orgId: 'org_1',
      kind: 'accounts',
      input: csv('id,lat,lon\nX-1,40.5,-99.5\n'),
      fileName: 'm.csv',
      mode: 'upsert',
      dryRun: false,
    })
    expect(missing.status).toBe('failed')
    expect(missing.message).toContain('required field “Name”')
    const unclosed = await importer.run({
      orgId: 'org_1',
      kind: 'accounts',
      input: csv(
        'id,name,lat,lon\nX-1,Ok,40.5,-99.5\nX-2,"Broken,40.5,-99.5\nX-3,Ok,40.5,-99.5\n',
      ),
      fileName: 'q.csv',
      mode: 'upsert',
      dryRun: false,
    })
    expect(unclosed.status).toBe('failed')
    expect(unclosed.message).toMatch(/quote opened and never closed/)
    expect((await accounts()).map((a) => a.external_id)).not.toContain('X-1')
    const empty = await importer.run({
      orgId: 'org_1',
      kind: 'reps',
      input: csv(''),
      fileName: 'e.csv',
      mode: 'upsert',
      dryRun: false,
    })
    expect(empty).toMatchObject({ status: 'failed' })
    expect(empty.message).toContain('empty')
  })
})
