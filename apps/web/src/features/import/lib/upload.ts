import type { ImportKind } from '@tessera/importer'
import { i18n } from '../../../i18n'

export interface UploadProgress {
  phase: 'reading' | 'writing' | 'done'
  bytes: number
  totalBytes?: number
  rows: number
  rejected: number
}

/** The server's report of one import (see libs/ingest ImportReport). */
export interface ImportReport {
  runId: string
  kind: ImportKind
  mode: 'atomic' | 'upsert'
  dryRun: boolean
  status: 'imported' | 'rejected' | 'validated' | 'failed'
  message: string
  delimiter: string
  rows: number
  accepted: number
  inserted: number
  updated: number
  rejected: number
  problems: { line: number; column: string; value: string; reason: string }[]
  problemCount: number
  problemSummary: { column: string; reason: string; count: number }[]
  placement?: {
    byCoordinates: number
    byZip: number
    outsideUnits: number
    bbox: [number, number, number, number] | null
  }
  durationMs: number
}

/**
 * Sends a CSV to `POST /api/import` as the request body (the browser streams the file; it
 * is never read whole into memory here) and reads the NDJSON answer line by line: progress
 * while the server reads the rows, then the report.
 */
export async function uploadCsv(
  file: File,
  options: {
    kind: ImportKind
    mode: 'atomic' | 'upsert'
    dryRun: boolean
    mapping: Record<string, number>
    signal?: AbortSignal
    onProgress: (p: UploadProgress) => void
  },
): Promise<ImportReport> {
  const query = new URLSearchParams({
    kind: options.kind,
    mode: options.mode,
    dryRun: options.dryRun ? '1' : '0',
    fileName: file.name,
    mapping: JSON.stringify(options.mapping),
  })
  const res = await fetch(`/api/import?${query}`, {
    method: 'POST',
    body: file,
    credentials: 'same-origin',
    headers: { 'content-type': 'text/csv', 'x-tessera-import': '1' },
    signal: options.signal,
  })
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as {
      error?: string
    } | null
    throw new Error(
      body?.error ?? i18n.t('importing.uploadFailed', { status: res.status }),
    )
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffered = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    buffered += value
    let nl = buffered.indexOf('\n')
    while (nl >= 0) {
      const line = buffered.slice(0, nl).trim()
      buffered = buffered.slice(nl + 1)
      nl = buffered.indexOf('\n')
      if (!line) continue
      const msg = JSON.parse(line) as
        | ({ type: 'progress' } & UploadProgress)
        | { type: 'done'; report: ImportReport }
        | { type: 'error'; message: string }
      if (msg.type === 'progress') options.onProgress(msg)
      else if (msg.type === 'done') return msg.report
      else throw new Error(msg.message)
    }
  }
  throw new Error(i18n.t('importing.stopped'))
}
