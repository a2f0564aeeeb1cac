import { parse } from 'csv-parse/browser/esm/sync'
import { sniffDelimiter } from '@tessera/importer'

export interface CsvPreview {
  delimiter: string
  headers: string[]
  /** The first data rows (at most `rows`). */
  rows: string[][]
}

/** How much of the file the preview reads: enough for the header and a page of rows. */
const PREVIEW_BYTES = 64 * 1024

/**
 * The header and first rows of a CSV, read in the browser from the file's first 64 KB, so
 * the mapping step shows real values without uploading anything. The server parses the
 * whole file again with the same delimiter rules; this is only for showing.
 */
export async function readPreview(file: Blob, rows = 8): Promise<CsvPreview> {
  const head = await file.slice(0, PREVIEW_BYTES).text()
  if (head.includes('\u0000'))
    throw new Error(
      'This is not a text file (it holds binary data). Export the data as CSV.',
    )
  const text = head.replace(/^\ufeff/, '')
  if (text.trim() === '') throw new Error('The file is empty.')
  const delimiter = sniffDelimiter(text)
  // The sample may end mid-row (or mid-quote): parse only complete lines, leniently.
  const cut = file.size > PREVIEW_BYTES ? text.lastIndexOf('\n') : text.length
  const records = parse(text.slice(0, cut > 0 ? cut : text.length), {
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    to: rows + 1,
  }) as string[][]
  const [headers = [], ...data] = records
  return {
    delimiter,
    headers: headers.map((h) => h.trim()),
    rows: data.slice(0, rows),
  }
}

/** A delimiter as people name it. */
export function delimiterName(d: string): string {
  switch (d) {
    case ',':
      return 'comma'
    case ';':
      return 'semicolon'
    case '\t':
      return 'tab'
    case '|':
      return 'bar'
    default:
      return JSON.stringify(d)
  }
}
