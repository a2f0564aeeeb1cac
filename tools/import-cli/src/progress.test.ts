import { describe, expect, it } from 'vitest'
import { progressPrinter } from './progress.js'

function sink(isTTY: boolean) {
  const out: string[] = []
  return {
    out,
    stream: {
      isTTY,
      write: (s: string) => out.push(s),
    } as unknown as NodeJS.WriteStream,
  }
}

describe('progressPrinter', () => {
  it('prints a line per tenth of the file in a log, and each phase change', () => {
    const { out, stream } = sink(false)
    let t = 0
    const print = progressPrinter(stream, 0, () => t)
    for (let bytes = 0; bytes <= 1000; bytes += 50) {
      t += 100
      print({
        phase: 'reading',
        bytes,
        totalBytes: 1000,
        rows: bytes,
        rejected: 1,
      })
    }
    print({
      phase: 'writing',
      bytes: 1000,
      totalBytes: 1000,
      rows: 1000,
      rejected: 1,
    })
    expect(out).toHaveLength(11 + 1)
    expect(out[5]).toMatch(/\[█{12}░{12}\]\s+50%\s+500 rows\s+1 with problems/)
    expect(out.at(-1)).toContain('merging…')
  })

  it('redraws one line in place on a terminal', () => {
    const { out, stream } = sink(true)
    let t = 0
    const print = progressPrinter(stream, 0, () => (t += 500))
    print({
      phase: 'reading',
      bytes: 10,
      totalBytes: 100,
      rows: 10,
      rejected: 0,
    })
    print({
      phase: 'done',
      bytes: 100,
      totalBytes: 100,
      rows: 100,
      rejected: 0,
    })
    expect(out.every((s) => s.startsWith('\r') || s === '\n')).toBe(true)
    expect(out.at(-1)).toBe('\n')
  })
})
