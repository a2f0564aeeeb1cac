import { useQuery } from '@tanstack/react-query'
import { formatWhen } from '../../../lib/dates'
import { formatCount } from '../../../lib/format'
import { useTRPC } from '../../../lib/trpc'

const STATUS: Record<string, string> = {
  imported: 'Imported',
  rejected: 'Rejected',
  validated: 'Dry run',
  failed: 'Failed',
  running: 'Running',
}

/** The organization's recent imports: who loaded what, when, and what came of it. */
export function ImportHistory({ open }: { open: boolean }) {
  const trpc = useTRPC()
  const history = useQuery({
    ...trpc.imports.history.queryOptions({ limit: 10 }),
    enabled: open,
  })
  const runs = history.data ?? []
  if (runs.length === 0) return null
  return (
    <details className="import-history">
      <summary>Recent imports ({runs.length})</summary>
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">File</th>
            <th scope="col">Kind</th>
            <th scope="col">Outcome</th>
            <th scope="col" className="num">
              Rows
            </th>
            <th scope="col" className="num">
              Added
            </th>
            <th scope="col" className="num">
              Updated
            </th>
            <th scope="col" className="num">
              Problems
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <td>{formatWhen(r.startedAt)}</td>
              <td title={r.startedBy ? `by ${r.startedBy}` : undefined}>
                {r.fileName}
              </td>
              <td>
                {r.kind} · {r.mode}
              </td>
              <td>{STATUS[r.status] ?? r.status}</td>
              <td className="num">{formatCount(r.rows)}</td>
              <td className="num">{formatCount(r.inserted)}</td>
              <td className="num">{formatCount(r.updated)}</td>
              <td className="num">{formatCount(r.rejected)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
