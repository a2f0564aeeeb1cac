import { type Kysely, sql } from 'kysely'
import type { Database } from './schema.js'

export type PgArrayType =
  'text' | 'float8' | 'int4' | 'date' | 'timestamptz' | 'jsonb'

/**
 * Inserts many rows with one `insert … select * from unnest($1::t[], $2::t[], …)` per chunk:
 * one statement and a handful of parameters per chunk however many rows, which works the
 * same on node-postgres and PGlite and is an order of magnitude faster than multi-row VALUES
 * (which would also hit the 65,535-parameter limit).
 */
export async function insertColumns(
  db: Kysely<Database>,
  table: keyof Database,
  columns: ReadonlyArray<{
    name: string
    type: PgArrayType
    values: ArrayLike<unknown>
  }>,
  options: { chunkSize?: number; onConflictDoNothing?: boolean } = {},
): Promise<number> {
  const first = columns[0]
  if (!first) return 0
  const rows = first.values.length
  for (const c of columns) {
    if (c.values.length !== rows)
      throw new RangeError(
        `column ${c.name} has ${c.values.length} values, expected ${rows}`,
      )
  }
  const chunk = options.chunkSize ?? 20_000
  for (let start = 0; start < rows; start += chunk) {
    const end = Math.min(rows, start + chunk)
    const arrays = columns.map((c) => {
      const slice = Array.prototype.slice.call(
        c.values,
        start,
        end,
      ) as unknown[]
      return sql`${c.type === 'jsonb' ? slice.map((v) => JSON.stringify(v)) : slice}::${sql.raw(c.type)}[]`
    })
    const names = sql.join(columns.map((c) => sql.ref(c.name)))
    const conflict = options.onConflictDoNothing
      ? sql` on conflict do nothing`
      : sql``
    await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${sql.join(arrays)})${conflict}`.execute(
      db,
    )
  }
  return rows
}
