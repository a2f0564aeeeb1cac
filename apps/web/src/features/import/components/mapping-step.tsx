import { FIELDS, type ImportKind } from '@tessera/importer'
import type { CsvPreview } from '../lib/preview'
import { i18n, useTranslation } from '../../../i18n'

/** A field's name in the active language (the importer's own label for one we lack). */
export function fieldLabel(spec: { field: string; label: string }): string {
  const labels: Record<string, string> = i18n.t('importing.fields', {
    returnObjects: true,
  })
  return labels[spec.field] ?? spec.label
}

/**
 * Which column holds which field: guessed from the headers, each adjustable, with the
 * first rows' values beside each field so a wrong guess shows before anything is sent.
 */
export function MappingStep({
  kind,
  preview,
  mapping,
  onChange,
}: {
  kind: ImportKind
  preview: CsvPreview
  mapping: Record<string, number>
  onChange: (mapping: Record<string, number>) => void
}) {
  const { t } = useTranslation()
  const set = (field: string, value: string) => {
    const next = { ...mapping }
    if (value === '') delete next[field]
    else next[field] = Number(value)
    onChange(next)
  }
  return (
    <table className="import-mapping" data-testid="import-mapping">
      <thead>
        <tr>
          <th scope="col">{t('importing.mapping.field')}</th>
          <th scope="col">{t('importing.mapping.column')}</th>
          <th scope="col">{t('importing.mapping.firstValues')}</th>
        </tr>
      </thead>
      <tbody>
        {FIELDS[kind].map((spec) => {
          const column = mapping[spec.field]
          const samples =
            column === undefined
              ? []
              : preview.rows
                  .map((r) => r[column] ?? '')
                  .filter((v) => v.trim() !== '')
                  .slice(0, 3)
          return (
            <tr key={spec.field}>
              <th scope="row">
                {fieldLabel(spec)}
                {spec.required ? (
                  <span
                    className="import-mapping__required"
                    title={t('importing.mapping.required')}
                  >
                    {' '}
                    *
                  </span>
                ) : null}
              </th>
              <td>
                <select
                  aria-label={t('importing.mapping.columnFor', {
                    field: fieldLabel(spec),
                  })}
                  data-testid={`map-${spec.field}`}
                  value={column === undefined ? '' : String(column)}
                  onChange={(e) => set(spec.field, e.target.value)}
                >
                  <option value="">{t('importing.mapping.notInFile')}</option>
                  {preview.headers.map((h, i) => (
                    <option key={i} value={i}>
                      {h || t('importing.mapping.columnN', { n: i + 1 })}
                    </option>
                  ))}
                </select>
              </td>
              <td className="import-mapping__samples">
                {samples.length > 0 ? samples.join(' · ') : '—'}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
