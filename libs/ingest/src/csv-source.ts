import type { Readable } from 'node:stream'
import { CsvError, parse } from 'csv-parse'
import { sniffDelimiter } from '@tessera/importer'

/** One record of a CSV and the line it starts on (1 is the header). */
export interface CsvRecord {
  cells: string[]
  line: number
}

/** The file itself cannot be read on (an unclosed quote, binary data): no row after it is. */
export class CsvFileError extends Error {
  override name = 'CsvFileError'
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message)
  }
}

export interface CsvSource {
  delimiter: string
  headers: string[]
  /** Data records in file order. Throws `CsvFileError` when the file breaks off. */
  records: AsyncGenerator<CsvRecord>
  /** Bytes read from the input so far (for progress against the file's size). */
  bytesRead(): number
}

/** How much of the file the delimiter is sniffed from. */
const SNIFF_BYTES = 64 * 1024

/**
 * Streams a CSV as CRMs and spreadsheets write it: the delimiter sniffed from the first
 * 64 KB, a BOM dropped, quoted newlines kept, `\r\n`, `\n` and `\r` line ends all accepted
 * (a file edited on two systems mixes them), blank lines skipped. Rows are read one at a
 * time, so memory does not grow with the file. csv-parse does the parsing: quoting rules
 * are easy to get subtly wrong, and it is the most used streaming CSV parser on npm.
 */
export async function openCsv(input: Readable): Promise<CsvSource> {
  let bytes = 0
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>
  const head: Buffer[] = []
  let headBytes = 0
  let done = false
  while (headBytes < SNIFF_BYTES) {
    const next = await chunks.next()
    if (next.done) {
      done = true
      break
    }
    const chunk =
      typeof next.value === 'string' ? Buffer.from(next.value) : next.value
    head.push(chunk)
    headBytes += chunk.length
  }
  bytes = headBytes
  const sample = Buffer.concat(head).toString('utf8')
  if (sample.includes('\u0000'))
    throw new CsvFileError(
      'This is not a text file (it holds binary data). Export the data as CSV.',
      undefined,
    )
  const delimiter = sniffDelimiter(sample)
  const parser = parse({
    delimiter,
    bom: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    // An unclosed quote would otherwise read the rest of a large file into one cell.
    max_record_size: 1_000_000,
  })

  // Feed the parser from the input, honouring its back-pressure.
  const feed = (async () => {
    for (const chunk of head) if (!parser.write(chunk)) await drained(parser)
    while (!done) {
      const next = await chunks.next()
      if (next.done) break
      const chunk =
        typeof next.value === 'string' ? Buffer.from(next.value) : next.value
      bytes += chunk.length
      if (!parser.write(chunk)) await drained(parser)
    }
    parser.end()
  })()
  feed.catch((error: unknown) => parser.destroy(error as Error))

  const rows = parser[Symbol.asyncIterator]() as AsyncIterator<{
    record: string[]
    info: { lines: number }
  }>
  const first = await nextRecord(rows)
  if (!first) throw new CsvFileError('The file is empty.', undefined)
  const headers = first.cells.map((h) => h.trim())
  if (headers.every((h) => h === ''))
    throw new CsvFileError('The first line (the header) is empty.', 1)

  async function* records(): AsyncGenerator<CsvRecord> {
    for (;;) {
      const r = await nextRecord(rows)
      if (!r) return
      yield r
    }
  }
  return { delimiter, headers, records: records(), bytesRead: () => bytes }
}

async function nextRecord(
  rows: AsyncIterator<{ record: string[]; info: { lines: number } }>,
): Promise<CsvRecord | undefined> {
  let next
  try {
    next = await rows.next()
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines
      throw new CsvFileError(
        `The file cannot be read past line ${line ?? '?'}: ${describe(error)}`,
        line,
      )
    }
    throw error
  }
  if (next.done) return undefined
  const { record, info } = next.value
  // csv-parse counts lines up to the record's end; a quoted newline makes it start earlier.
  let inner = 0
  for (const cell of record) {
    let at = cell.indexOf('\n')
    while (at >= 0) {
      inner++
      at = cell.indexOf('\n', at + 1)
    }
  }
  return { cells: record, line: info.lines - inner }
}

function describe(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quote opened and never closed.'
    case 'CSV_MAX_RECORD_SIZE':
      return 'a row is too long.'
    default:
      return error.message
  }
}

function drained(stream: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = () => {
      stream.off('error', fail)
      resolve()
    }
    const fail = (e: Error) => {
      stream.off('drain', ok)
      reject(e)
    }
    stream.once('drain', ok)
    stream.once('error', fail)
  })
}
