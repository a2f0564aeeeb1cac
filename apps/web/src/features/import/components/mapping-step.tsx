import { FIELDS, type ImportKind } from '@tessera/importer'
import type { CsvPreview } from '../lib/preview'

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
          <th scope="col">Field</th>
          <th scope="col">Column in the file</th>
          <th scope="col">First values</th>
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
                {spec.label}
                {spec.required ? (
                  <span className="import-mapping__required" title="Required">
                    {' '}
                    *
                  </span>
                ) : null}
              </th>
              <td>
                <select
                  aria-label={`Column for ${spec.label}`}
                  data-testid={`map-${spec.field}`}
                  value={column === undefined ? '' : String(column)}
                  onChange={(e) => set(spec.field, e.target.value)}
                >
                  <option value="">— not in the file —</option>
                  {preview.headers.map((h, i) => (
                    <option key={i} value={i}>
                      {h || `Column ${i + 1}`}
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
