import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Io } from './files.js'
import { FORECAST_USAGE, runForecastCli } from './forecast.js'

const dir = mkdtempSync(join(tmpdir(), 'forecast-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = (name: string) => join(dir, name)

function captureIo(): Io & { out: string[]; err: string } {
  const io = {
    out: [] as string[],
    err: '',
    stdout: (line: string) => void io.out.push(line),
    stderr: (text: string) => void (io.err += text),
  }
  return io
}

const SEASON = [0.8, 0.85, 0.95, 1, 1, 1.05, 0.9, 0.95, 1.05, 1.1, 1.15, 1.3]

/** 60 seasonal series of 24 months (Nov 2024 – Oct 2026), quoted ids, columns shuffled. */
function seriesCsv(): string {
  const rows = ['value,"month",id']
  for (let i = 0; i < 60; i++)
    for (let t = 0; t < 24; t++) {
      const m = 2024 * 12 + 10 + t
      const month = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`
      const noise = 1 + 0.2 * Math.sin(i * 7.1 + t * 3.7)
      rows.push(
        `${Math.round((100 + 10 * i) * (SEASON[m % 12] as number) * noise)},${month},"acc ${i}"`,
      )
    }
  rows.push('50,2026-10,"short, new"') // one month: too short for a 12-month holdout
  return `${rows.join('\n')}\n`
}

async function run(...argv: string[]) {
  const io = captureIo()
  const code = await runForecastCli(argv, io)
  return { code, ...io }
}

describe('forecast backtest', () => {
  it('prints the table on stderr and the JSON line last on stdout', async () => {
    writeFileSync(file('ok.csv'), seriesCsv())
    const r = await run('backtest', '--csv', file('ok.csv'), '--horizon', '12')
    expect(r.code).toBe(0)
    const last = JSON.parse(r.out[r.out.length - 1] as string) as Record<
      string,
      unknown
    >
    expect(Object.keys(last)).toEqual([
      'bench',
      'series',
      'horizon',
      'wape',
      'naiveWape',
      'seasonalNaiveWape',
      'skipped',
    ])
    expect(last).toMatchObject({
      bench: 'forecast',
      series: 60,
      horizon: 12,
      skipped: 1,
    })
    for (const key of ['wape', 'naiveWape', 'seasonalNaiveWape']) {
      const v = last[key] as number
      expect(v).toBeGreaterThan(0)
      expect(Math.round(v * 10_000) / 10_000).toBe(v)
    }
    expect(last['wape'] as number).toBeLessThan(last['naiveWape'] as number)
    expect(r.err).toMatch(/skipped 1 of 61 series with fewer than 13 months/)
    expect(r.err).toMatch(/^kind\s+method\s+series/m)
  })

  it('defaults the horizon to 12', async () => {
    writeFileSync(file('ok.csv'), seriesCsv())
    const r = await run('backtest', '--csv', file('ok.csv'))
    expect(JSON.parse(r.out.at(-1) as string)).toMatchObject({ horizon: 12 })
  })

  it('names the line and the reason of a bad row, exit 1', async () => {
    writeFileSync(file('bad.csv'), 'id,month,value\na,2025-01,3\na,2025/02,4\n')
    const r = await run('backtest', '--csv', file('bad.csv'))
    expect(r.code).toBe(1)
    expect(r.out).toEqual([])
    expect(r.err).toContain(
      `${file('bad.csv')}, line 3: month "2025/02" is not YYYY-MM or YYYY-MM-DD`,
    )

    writeFileSync(
      file('value.csv'),
      'id,month,value\na,2025-01,3\nb,2025-01,"12 EUR"\n',
    )
    const v = await run('backtest', '--csv', file('value.csv'))
    expect(v.err).toContain('line 3: value "12 EUR" is not a finite number')
  })

  it('rejects an empty file, a missing file and a file too short to hold out', async () => {
    writeFileSync(file('empty.csv'), '')
    const e = await run('backtest', '--csv', file('empty.csv'))
    expect(e.code).toBe(1)
    expect(e.err).toContain('the file is empty')

    const m = await run('backtest', '--csv', file('missing.csv'))
    expect(m.code).toBe(1)
    expect(m.err).toContain('no such file')

    writeFileSync(
      file('short.csv'),
      'id,month,value\na,2025-01,3\na,2025-02,4\n',
    )
    const s = await run('backtest', '--csv', file('short.csv'))
    expect(s.code).toBe(1)
    expect(s.err).toContain('no series')
  })

  it('rejects bad arguments with exit 2 and the usage', async () => {
    const h = await run('backtest', '--csv', file('ok.csv'), '--horizon', '0')
    expect(h.code).toBe(2)
    expect(h.err).toContain('--horizon must be a whole number from 1 to 120')
    expect(h.err).toContain(FORECAST_USAGE)
    expect((await run('backtest')).err).toContain('backtest needs --csv')
    expect((await run('frobnicate')).code).toBe(2)
    expect((await run('backtest', '--csv', 'x', '--out', 'y')).err).toContain(
      'backtest takes no --out',
    )
  })
})

describe('forecast export-demo', () => {
  it('writes the demo history as id,month,value that backtest reads', async () => {
    const out = file('demo.csv')
    const r = await run(
      'export-demo',
      '--out',
      out,
      '--accounts',
      '300',
      '--seed',
      '7',
    )
    expect(r.code).toBe(0)
    const lines = readFileSync(out, 'utf8').trim().split('\n')
    expect(lines[0]).toBe('id,month,value')
    expect(lines).toHaveLength(1 + 300 * 24)
    expect(lines[1]).toMatch(/^acc_\d+,\d{4}-\d{2},\d+$/)
    // Deterministic: the same seed writes the same file.
    const again = file('demo-again.csv')
    await run('export-demo', '--out', again, '--accounts', '300', '--seed', '7')
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'))

    const b = await run('backtest', '--csv', out, '--horizon', '12')
    expect(b.code).toBe(0)
    expect(JSON.parse(b.out.at(-1) as string)).toMatchObject({
      bench: 'forecast',
      series: 300,
      skipped: 0,
    })
  })
})
