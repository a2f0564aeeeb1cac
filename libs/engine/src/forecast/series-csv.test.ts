import { describe, expect, it } from 'vitest'
import {
  formatMonth,
  parseMonth,
  parseSeriesCsv,
  splitCsvLine,
} from './series-csv.js'

describe('parseSeriesCsv', () => {
  it('reads the columns in any order, fills gaps with zeros and adds up rows of a month', async () => {
    const r = await parseSeriesCsv([
      '\uFEFFvalue,Month,region,ID',
      '10,2025-01,west,a',
      '5,2025-03-04,west,a',
      '2.5,2025-03-28,west,a',
      '"1,000",2024-12,"east ""main""",b',
      '',
    ])
    expect(r.ok).toBe(false) // "1,000" is not a number
    if (!r.ok)
      expect(r).toEqual({
        ok: false,
        line: 5,
        reason: 'value "1,000" is not a finite number',
      })

    const good = await parseSeriesCsv([
      'value,Month,region,ID',
      '10,2025-01,west,a',
      '5,2025-03-04,west,a',
      '2.5,2025-03-28,west,a',
      '-3,2024-12,"east ""main""",b',
    ])
    expect(good.ok).toBe(true)
    if (!good.ok) return
    expect(good.rows).toBe(4)
    expect(good.series.get('a')).toEqual({
      start: 2025 * 12,
      values: [10, 0, 7.5],
    })
    expect(good.series.get('b')).toEqual({
      start: 2024 * 12 + 11,
      values: [-3],
    })
  })

  it('names the line and the reason of a bad row', async () => {
    const bad = async (row: string) =>
      parseSeriesCsv(['id,month,value', 'a,2025-01,1', row])
    expect(await bad('a,2025-13,1')).toEqual({
      ok: false,
      line: 3,
      reason: 'month "2025-13" is not YYYY-MM or YYYY-MM-DD',
    })
    expect(await bad('a,Jan 2025,1')).toMatchObject({
      line: 3,
      reason: expect.stringContaining('not YYYY-MM'),
    })
    expect(await bad('a,2025-02,')).toEqual({
      ok: false,
      line: 3,
      reason: 'empty value',
    })
    expect(await bad('a,2025-02,NaN')).toMatchObject({
      line: 3,
      reason: expect.stringContaining('not a finite number'),
    })
    expect(await bad(',2025-02,1')).toEqual({
      ok: false,
      line: 3,
      reason: 'empty id',
    })
    expect(await bad('a,2025-02')).toEqual({
      ok: false,
      line: 3,
      reason: '2 fields where the header has 3',
    })
    expect(await bad('"a,2025-02,1')).toEqual({
      ok: false,
      line: 3,
      reason: 'a quoted field is not closed',
    })
  })

  it('rejects an empty file, a header alone and a header without the columns', async () => {
    expect(await parseSeriesCsv([])).toEqual({
      ok: false,
      line: 0,
      reason: 'the file is empty',
    })
    expect(await parseSeriesCsv(['', '  '])).toMatchObject({
      ok: false,
      reason: 'the file is empty',
    })
    expect(await parseSeriesCsv(['id,month,value'])).toMatchObject({
      ok: false,
      reason: 'the file has a header but no rows',
    })
    expect(
      await parseSeriesCsv(['account,month,value', 'a,2025-01,1']),
    ).toMatchObject({
      ok: false,
      line: 1,
      reason: expect.stringContaining('id missing'),
    })
  })

  it('reads lines from an async source', async () => {
    async function* lines() {
      yield 'id,month,value'
      yield 'x,2025-06,4'
    }
    const r = await parseSeriesCsv(lines())
    expect(r.ok && r.series.get('x')).toEqual({
      start: 2025 * 12 + 5,
      values: [4],
    })
  })
})

describe('CSV fields and months', () => {
  it('splits quoted fields', () => {
    expect(splitCsvLine('a,"b,c","d ""e""",')).toEqual([
      'a',
      'b,c',
      'd "e"',
      '',
    ])
    expect(splitCsvLine('"a"x,b')).toBe(
      'text after a closing quote at column 4',
    )
    expect(splitCsvLine('a,b"c')).toBe(
      'a quote inside an unquoted field at column 4',
    )
  })

  it('parses and formats months', () => {
    expect(parseMonth('2026-10')).toBe(2026 * 12 + 9)
    expect(parseMonth('2026-10-01')).toBe(2026 * 12 + 9)
    expect(parseMonth('2026-10-32')).toBeNull()
    expect(formatMonth(2026 * 12 + 9)).toBe('2026-10')
  })
})
