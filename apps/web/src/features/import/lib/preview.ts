import { parse } from 'csv-parse/browser/esm/sync'
import { sniffDelimiter } from '@tessera/importer'
import { i18n } from '../../../i18n'

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
  if (head.includes('\u0000')) throw new Error(i18n.t('importing.notText'))
  const text = head.replace(/^\ufeff/, '')
  if (text.trim() === '') throw new Error(i18n.t('importing.empty'))
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
      return i18n.t('importing.delimiters.comma')
    case ';':
      return i18n.t('importing.delimiters.semicolon')
    case '\t':
      return i18n.t('importing.delimiters.tab')
    case '|':
      return i18n.t('importing.delimiters.bar')
    default:
      return JSON.stringify(d)
  }
}
