import { describe, expect, it } from 'vitest'
import { sniffDelimiter } from './delimiter.js'
import { FirstSeen } from './duplicates.js'
import { guessMapping, mappingProblems } from './mapping.js'
import { type AccountImport, RowReader, type SalesImport } from './rows.js'

const zips: Record<string, [number, number]> = { '02139': [-71.1, 42.36] }
const context = { zipCentroid: (z: string) => zips[z] }

describe('guessMapping', () => {
  it('maps a Salesforce export’s headers, BOM and all', () => {
    const headers = [
      '\ufeffAccount ID',
      'Account Name',
      'Industry',
      'BillingPostalCode',
      'NumberOfEmployees',
      'Notes',
    ]
    const guess = guessMapping('accounts', headers)
    expect(guess.mapping).toEqual({
      externalId: 0,
      name: 1,
      industry: 2,
      zip: 3,
      employees: 4,
    })
    expect(guess.unmapped).toEqual([5])
    expect(guess.missing).toEqual([])
  })
  it('says which required field no column holds, and catches a bad hand mapping', () => {
    expect(guessMapping('sales', ['Account', 'Amount']).missing).toEqual([
      'No column holds the required field “Month”.',
    ])
    expect(guessMapping('accounts', ['Id', 'Name']).missing).toEqual([
      'Map either Latitude and Longitude, or a ZIP code, to place each row.',
    ])
    expect(
      mappingProblems('accounts', { externalId: 0, name: 0, zip: 7 }, 2),
    ).toEqual([
      '“zip” points at a column the file does not have.',
      'One column is mapped to two fields.',
    ])
  })
})

describe('RowReader', () => {
  const headers = ['Id', 'Name', 'Lat', 'Lon', 'Zip', 'Employees', 'Potential']
  const reader = new RowReader(
    'accounts',
    guessMapping('accounts', headers).mapping,
    headers,
    context,
  )
  it('reads a good row, placed by coordinates or by ZIP code', () => {
    expect(
      reader.read(['A1', 'Acme', '42.3', '-71', '', '1200', '$2,500'], 2),
    ).toEqual({
      ok: true,
      row: {
        externalId: 'A1',
        name: 'Acme',
        industry: null,
        sizeBand: 'large',
        location: [-71, 42.3],
        placedBy: 'coordinates',
        annualRevenue: null,
        potential: 2500,
        workloadMinutes: null,
      },
    })
    expect(
      reader.read(['A2', 'Beta', '', '', '2139', '', ''], 3),
    ).toMatchObject({
      ok: true,
      row: { location: [-71.1, 42.36], placedBy: 'zip' },
    })
  })
  it('reports every problem of a row with its line, column, value and reason', () => {
    const result = reader.read(['', 'Gamma', '', '', '99999', 'many', '-5'], 9)
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 9, column: 'Id', value: '', reason: 'required, but empty' },
        { line: 9, column: 'Employees', value: 'many', reason: 'not a number' },
        { line: 9, column: 'Potential', value: '-5', reason: 'negative' },
        { line: 9, column: 'Zip', value: '99999', reason: 'unknown ZIP code' },
      ],
    })
    expect(
      reader.read(['A3', 'Delta', '0', '0', '', '', ''], 10),
    ).toMatchObject({
      ok: false,
      problems: [
        { column: 'Lat / Lon', reason: expect.stringMatching(/\(0, 0\)/) },
      ],
    })
    expect(reader.read(['A4', 'Eps', '', '', '', '', ''], 11)).toMatchObject({
      ok: false,
      problems: [{ reason: 'no location: neither coordinates nor a ZIP code' }],
    })
  })
  it('reads sales rows with months in any shape', () => {
    const h = ['Account', 'Period', 'Net Amount']
    const sales = new RowReader('sales', guessMapping('sales', h).mapping, h)
    expect(sales.read(['A1', '03/2026', '1.200,50'], 2)).toEqual({
      ok: true,
      row: { accountExternalId: 'A1', month: '2026-03-01', amount: 1200.5 },
    })
  })
})

describe('RowReader in a mixed-currency organization', () => {
  const money = { base: 'EUR', rates: { GBP: 0.86, SEK: 11.2 } }
  const h = [
    'Account ID',
    'Name',
    'Lat',
    'Lon',
    'Annual Revenue',
    'CurrencyIsoCode',
  ]
  const mapping = guessMapping('accounts', h).mapping
  const reader = new RowReader('accounts', mapping, h, { currencies: money })
  const revenue = (r: ReturnType<RowReader['read']>) =>
    r.ok ? (r.row as AccountImport).annualRevenue : undefined

  it('guesses the currency column and converts amounts to the base currency', () => {
    expect(mapping['currency']).toBe(5)
    const gbp = reader.read(['A-1', 'Tesco', '51.5', '-0.1', '86000', 'gbp'], 2)
    expect(revenue(gbp)).toBe(100_000)
    const eur = reader.read(
      ['A-2', 'Carrefour', '48.8', '2.3', '5000', 'EUR'],
      3,
    )
    expect(revenue(eur)).toBe(5000)
    const blank = reader.read(['A-3', 'Aldi', '51.4', '7.0', '7000', ''], 4)
    expect(revenue(blank)).toBe(7000)
  })

  it('refuses a currency without a rate, or not a code, naming the column', () => {
    const chf = reader.read(['A-4', 'Migros', '47.3', '8.5', '1000', 'CHF'], 5)
    expect(chf).toEqual({
      ok: false,
      problems: [
        {
          line: 5,
          column: 'CurrencyIsoCode',
          value: 'CHF',
          reason:
            'no rate from EUR to CHF: an admin sets one under Users… → Currencies',
        },
      ],
    })
    const junk = reader.read(['A-5', 'X', '47.3', '8.5', '1000', 'pounds'], 6)
    expect(junk.ok).toBe(false)
    if (!junk.ok)
      expect(junk.problems[0]?.reason).toMatch(/three-letter currency code/)
  })

  it('converts monthly sales too', () => {
    const sh = ['Account ID', 'Month', 'Amount', 'Currency']
    const sales = new RowReader(
      'sales',
      guessMapping('sales', sh).mapping,
      sh,
      {
        currencies: money,
      },
    )
    const r = sales.read(['A-1', '2026-03', '1120', 'SEK'], 2)
    expect(r.ok && (r.row as SalesImport).amount).toBe(100)
  })
})

describe('sniffDelimiter and FirstSeen', () => {
  it('finds the delimiter, also with quoted delimiters and newlines inside fields', () => {
    expect(
      sniffDelimiter('id;name;zip\n1;"Acme; Inc";02139\n2;Beta;10001\n'),
    ).toBe(';')
    expect(sniffDelimiter('id\tname\n1\tAcme\n')).toBe('\t')
    expect(
      sniffDelimiter('id,name,notes\n1,Acme,"line one\nline two"\n2,B,c\n'),
    ).toBe(',')
  })
  it('remembers where a key was first seen', () => {
    const seen = new FirstSeen()
    expect(seen.seen('A1', 2)).toBeUndefined()
    expect(seen.seen('A1', 7)).toBe(2)
  })
})
