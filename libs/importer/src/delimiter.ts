/**
 * The delimiter of a CSV from its first lines: the candidate that splits every line into
 * the same number (more than one) of fields, outside quotes; ties go to the comma. A file
 * exported with semicolons (European spreadsheets) or tabs is read right without asking.
 */
export function sniffDelimiter(sample: string): ',' | ';' | '\t' | '|' {
  const lines = splitLines(sample.replace(/^\ufeff/, '')).slice(0, 20)
  if (lines.length > 1) lines.pop() // the last line of a sample may be cut short
  let best: { d: ',' | ';' | '\t' | '|'; score: number } = { d: ',', score: 0 }
  for (const d of [',', ';', '\t', '|'] as const) {
    const counts = lines.map((l) => countOutsideQuotes(l, d))
    const first = counts[0] ?? 0
    if (first === 0) continue
    const consistent = counts.filter((c) => c === first).length / counts.length
    const score = consistent * 100 + Math.min(first, 50)
    if (score > best.score) best = { d, score }
  }
  return best.d
}

/** Lines of a sample, with newlines inside quotes kept in their line. */
function splitLines(text: string): string[] {
  const lines: string[] = []
  let quoted = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') quoted = !quoted
    else if (c === '\n' && !quoted) {
      lines.push(text.slice(start, i).replace(/\r$/, ''))
      start = i + 1
    }
  }
  if (start < text.length) lines.push(text.slice(start))
  return lines.filter((l) => l.trim() !== '')
}

function countOutsideQuotes(line: string, d: string): number {
  let quoted = false
  let n = 0
  for (const c of line) {
    if (c === '"') quoted = !quoted
    else if (c === d && !quoted) n++
  }
  return n
}
