import { useQueryClient } from '@tanstack/react-query'
import {
  FIELDS,
  type ImportKind,
  guessMapping,
  mappingProblems,
} from '@tessera/importer'
import { useId, useRef, useState } from 'react'
import { DialogHeader } from '../../../components/dialog-header'
import { useModalDialog } from '../../../hooks/use-modal-dialog'
import { formatCount, formatDecimal } from '../../../lib/format'
import { i18n, useTranslation } from '../../../i18n'
import { type CsvPreview, delimiterName, readPreview } from '../lib/preview'
import {
  type ImportReport,
  type UploadProgress,
  uploadCsv,
} from '../lib/upload'
import { ImportHistory } from './import-history'
import { ImportResult } from './import-result'
import { MappingStep } from './mapping-step'
import '../import.css'

function formatBytes(n: number): string {
  const t = i18n.t
  if (n < 1024) return t('importing.bytes', { n: formatCount(n) })
  if (n < 1024 ** 2)
    return t('importing.kb', { n: formatCount(Math.round(n / 1024)) })
  return t('importing.mb', {
    n: formatDecimal(Math.round((n / 1024 ** 2) * 10) / 10),
  })
}

const KINDS: readonly ImportKind[] = ['accounts', 'reps', 'sales']

/**
 * The import wizard: pick what the file holds and the file, check the guessed column
 * mapping against the first rows, then check the whole file (a dry run) or import it,
 * atomically or as an upsert, with the server's progress, and read the outcome row by row.
 */
export function ImportDialog({
  open,
  onClose,
  onShowOnMap,
}: {
  open: boolean
  onClose: () => void
  onShowOnMap: (box: [number, number, number, number]) => void
}) {
  const { t } = useTranslation()
  const ref = useModalDialog(open)
  const titleId = useId()
  const queryClient = useQueryClient()
  const [kind, setKind] = useState<ImportKind>('accounts')
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<CsvPreview | null>(null)
  const [mapping, setMapping] = useState<Record<string, number>>({})
  const [mode, setMode] = useState<'atomic' | 'upsert'>('atomic')
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const abort = useRef<AbortController | null>(null)
  const running = progress !== null

  const choose = async (nextKind: ImportKind, nextFile: File | null) => {
    setKind(nextKind)
    setFile(nextFile)
    setReport(null)
    setError(null)
    setPreview(null)
    if (!nextFile) return
    try {
      const p = await readPreview(nextFile)
      setPreview(p)
      setMapping(guessMapping(nextKind, p.headers).mapping)
    } catch (e) {
      setError((e as Error).message)
    }
  }

  const run = async (dryRun: boolean) => {
    if (!file) return
    setReport(null)
    setError(null)
    setProgress({ phase: 'reading', bytes: 0, rows: 0, rejected: 0 })
    abort.current = new AbortController()
    try {
      const r = await uploadCsv(file, {
        kind,
        mode,
        dryRun,
        mapping,
        signal: abort.current.signal,
        onProgress: setProgress,
      })
      setReport(r)
      // New or moved accounts change the map, unit totals and scores.
      if (!r.dryRun && r.inserted + r.updated > 0)
        void queryClient.invalidateQueries()
    } catch (e) {
      setError(
        (e as Error).name === 'AbortError'
          ? t('importing.cancelled')
          : (e as Error).message,
      )
    } finally {
      setProgress(null)
      abort.current = null
    }
  }

  const problems = preview
    ? mappingProblems(kind, mapping, preview.headers.length)
    : []
  const share =
    progress && file && file.size > 0
      ? Math.min(1, progress.bytes / file.size)
      : 0

  return (
    <dialog
      ref={ref}
      className="modal-dialog import-dialog"
      aria-labelledby={titleId}
      onClose={() => {
        abort.current?.abort()
        onClose()
      }}
      data-testid="import-dialog"
    >
      <DialogHeader
        className="modal-dialog__head"
        titleId={titleId}
        title={t('importing.title')}
        onClose={() => {
          abort.current?.abort()
          onClose()
        }}
      />
      <div className="import-dialog__body">
        <fieldset className="import-dialog__kinds" disabled={running}>
          <legend>{t('importing.step1')}</legend>
          {KINDS.map((k) => (
            <label key={k} className="import-dialog__kind">
              <input
                type="radio"
                name="import-kind"
                value={k}
                checked={kind === k}
                onChange={() => void choose(k, file)}
              />
              <span>
                <strong>{t(`importing.kinds.${k}`)}</strong>{' '}
                <small>{t(`importing.kinds.${k}Hint`)}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <label className="import-dialog__file">
          <span>{t('importing.step2')}</span>
          <input
            type="file"
            accept=".csv,.txt,.tsv,text/csv"
            data-testid="import-file"
            disabled={running}
            onChange={(e) => void choose(kind, e.target.files?.[0] ?? null)}
          />
        </label>
        {error ? (
          <p className="error-box" role="alert" data-testid="import-error">
            {error}
          </p>
        ) : null}
        {preview && file ? (
          <>
            <p className="import-dialog__hint">
              {t('importing.fileSummary', {
                file: file.name,
                size: formatBytes(file.size),
                delimiter: delimiterName(preview.delimiter),
                columns: preview.headers.length,
                required: FIELDS[kind].filter((f) => f.required).length,
              })}
            </p>
            <MappingStep
              kind={kind}
              preview={preview}
              mapping={mapping}
              onChange={setMapping}
            />
            {problems.length > 0 ? (
              <ul className="error-box" data-testid="import-mapping-problems">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
            <fieldset className="import-dialog__mode" disabled={running}>
              <legend>{t('importing.step3')}</legend>
              <label>
                <input
                  type="radio"
                  name="import-mode"
                  checked={mode === 'atomic'}
                  onChange={() => setMode('atomic')}
                />{' '}
                {t('importing.atomic')}
              </label>
              <label>
                <input
                  type="radio"
                  name="import-mode"
                  data-testid="import-mode-upsert"
                  checked={mode === 'upsert'}
                  onChange={() => setMode('upsert')}
                />{' '}
                {t('importing.upsert')}
              </label>
            </fieldset>
            <div className="import-dialog__actions">
              <button
                type="button"
                className="button"
                disabled={running || problems.length > 0}
                onClick={() => void run(true)}
                data-testid="import-check"
              >
                {t('importing.check')}
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={running || problems.length > 0}
                onClick={() => void run(false)}
                data-testid="import-run"
              >
                {t('importing.import')}
              </button>
              {running ? (
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => abort.current?.abort()}
                >
                  {t('common.cancel')}
                </button>
              ) : null}
            </div>
          </>
        ) : null}
        {progress ? (
          <div className="import-progress" data-testid="import-progress">
            <progress max={1} value={share} />
            <span>
              {progress.phase === 'writing'
                ? t('importing.writing', { rows: formatCount(progress.rows) })
                : t('importing.reading', {
                    percent: Math.floor(share * 100),
                    rows: formatCount(progress.rows),
                    rejected: formatCount(progress.rejected),
                  })}
            </span>
          </div>
        ) : null}
        {report ? (
          <ImportResult
            report={report}
            onShowOnMap={(box) => {
              onShowOnMap(box)
              onClose()
            }}
          />
        ) : null}
        <ImportHistory open={open && !running} />
      </div>
    </dialog>
  )
}
