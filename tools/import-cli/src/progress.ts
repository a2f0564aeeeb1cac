import type { ImportProgress } from '@tessera/ingest'

/**
 * A progress line on stderr: redrawn in place on a terminal, one line per tenth of the file
 * otherwise (a CI log should not get a line per redraw).
 */
export function progressPrinter(
  out: NodeJS.WriteStream,
  startedAt: number,
  now: () => number = Date.now,
): (p: ImportProgress) => void {
  let lastDraw = 0
  let lastTenth = -1
  const n = (x: number) => x.toLocaleString('en-US')
  return (p) => {
    const t = now()
    const share =
      p.totalBytes && p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : 0
    const rate = Math.round(p.rows / Math.max(0.001, (t - startedAt) / 1000))
    const text = `${bar(share)} ${String(Math.floor(share * 100)).padStart(3)}%  ${n(p.rows)} rows  ${n(p.rejected)} with problems  ${n(rate)} rows/s${p.phase === 'writing' ? '  merging…' : ''}`
    if (out.isTTY) {
      if (p.phase === 'reading' && t - lastDraw < 100) return
      lastDraw = t
      out.write(`\r${text}`)
      if (p.phase === 'done') out.write('\n')
      return
    }
    const tenth = Math.floor(share * 10)
    if (tenth > lastTenth || p.phase !== 'reading') {
      lastTenth = tenth
      out.write(`${text}\n`)
    }
  }
}

function bar(share: number, width = 24): string {
  const full = Math.round(share * width)
  return `[${'█'.repeat(full)}${'░'.repeat(width - full)}]`
}
