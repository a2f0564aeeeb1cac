import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import {
  type ScoringCache,
  flagDrift,
  refreshForecasts,
  refreshSegments,
  scorePublished,
  segmentNewAccounts,
  yieldToEventLoop,
} from '@tessera/api'
import type { Database } from '@tessera/db'
import type { UserNotification } from '@tessera/domain'
import type { ImportResult } from '@tessera/ingest'
import type { SocketIo } from './socket.js'

export interface AfterImportDeps {
  scoring: ScoringCache
  toPlan: (planId: string) => ReturnType<SocketIo['toPlan']>
  notify: (userId: string, n: UserNotification) => void
  log: Logger
  now: () => Date
}

/**
 * What an import that wrote rows sets off: forecasts and RFM segments are recomputed (after
 * an accounts import, segments only for the new accounts: see `segmentNewAccounts`), the
 * organization's cached scoring models are dropped (they hold unit totals built from the
 * accounts), a sales import is checked for market drift (territories leaving the balance
 * tolerance, forecasts moving), and every open plan of the organization is told to
 * refetch. Nothing here can fail the import, which has already committed.
 */
export async function afterImport(
  db: Kysely<Database>,
  orgId: string,
  result: ImportResult,
  deps: AfterImportDeps,
): Promise<void> {
  const { log } = deps
  // The import's own answer goes out first: what follows holds the embedded database for
  // seconds, and yields between its steps (see the refreshes).
  await yieldToEventLoop()
  // The published plans as scored before the new sales are folded in (the cached models
  // still hold the earlier figures when the plan was open).
  const before =
    result.kind === 'sales'
      ? await scorePublished(db, deps.scoring, orgId).catch(
          (error: unknown) => {
            log.warn(
              { err: error, orgId },
              'after import: scoring before failed',
            )
            return null
          },
        )
      : null
  if (result.kind === 'sales' || result.kind === 'accounts') {
    try {
      await refreshForecasts(db, orgId, deps.now())
      // Segments come from sales alone: after an accounts import only the new accounts
      // (dormant, no sales yet) need one, not a re-read of every sale.
      if (result.kind === 'sales') await refreshSegments(db, orgId)
      else await segmentNewAccounts(db, orgId)
    } catch (error) {
      log.warn({ err: error, orgId }, 'after import: refresh failed')
    }
  }
  deps.scoring.invalidate(orgId)
  if (before) {
    try {
      const drifts = await flagDrift(
        db,
        deps.scoring,
        orgId,
        before,
        deps.now(),
        deps.notify,
      )
      if (drifts.length > 0)
        log.info({ orgId, drifts: drifts.length }, 'market drift flagged')
    } catch (error) {
      log.warn({ err: error, orgId }, 'after import: drift check failed')
    }
  }
  try {
    const plans = await db
      .selectFrom('plans')
      .select('id')
      .where('org_id', '=', orgId)
      .execute()
    for (const p of plans)
      deps.toPlan(p.id).emit('data:imported', {
        kind: result.kind,
        inserted: result.inserted,
        updated: result.updated,
      })
  } catch (error) {
    log.warn({ err: error, orgId }, 'after import: telling plans failed')
  }
}
