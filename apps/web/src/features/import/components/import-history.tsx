import { useQuery } from '@tanstack/react-query'
import { formatWhen } from '../../../lib/dates'
import { formatCount } from '../../../lib/format'
import { useTRPC } from '../../../lib/trpc'
import { i18n, useTranslation } from '../../../i18n'

/** The organization's recent imports: who loaded what, when, and what came of it. */
export function ImportHistory({ open }: { open: boolean }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const history = useQuery({
    ...trpc.imports.history.queryOptions({ limit: 10 }),
    enabled: open,
  })
  const runs = history.data ?? []
  if (runs.length === 0) return null
  return (
    <details className="import-history">
      <summary>{t('importing.history.recent', { count: runs.length })}</summary>
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">{t('importing.history.when')}</th>
            <th scope="col">{t('importing.history.file')}</th>
            <th scope="col">{t('importing.history.kind')}</th>
            <th scope="col">{t('importing.history.outcome')}</th>
            <th scope="col" className="num">
              {t('importing.history.rows')}
            </th>
            <th scope="col" className="num">
              {t('importing.history.added')}
            </th>
            <th scope="col" className="num">
              {t('importing.history.updated')}
            </th>
            <th scope="col" className="num">
              {t('importing.history.problems')}
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <td>{formatWhen(r.startedAt)}</td>
              <td
                title={
                  r.startedBy
                    ? t('importing.history.by', { name: r.startedBy })
                    : undefined
                }
              >
                {r.fileName}
              </td>
              <td>
                {r.kind} · {r.mode}
              </td>
              <td>{statusLabel(r.status)}</td>
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

/** An import's outcome as people read it, in the active language. */
function statusLabel(status: string): string {
  const labels: Record<string, string> = i18n.t('importing.history.status', {
    returnObjects: true,
  })
  return labels[status] ?? status
}
