import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import { type WebhookHooks, activateDuePublications } from '@tessera/api'
import type { Database } from '@tessera/db'
import { every } from './periodic.js'

/**
 * Scheduled publishing: a scenario published with a future effective date takes effect on
 * that date (UTC). Checked shortly after start (a server that was down at midnight catches
 * up) and then every minute; every process may run it, the database lets one apply each
 * publication (see `activateDuePublications`). `changed` tells the plan's room; each
 * publication's webhooks are queued as it takes effect.
 */
export function startPublishScheduler(
  db: Kysely<Database>,
  changed: (planId: string, scenarioId: string | null) => void,
  log: Logger,
  webhooks?: WebhookHooks,
  everyMs = 60_000,
): () => void {
  const run = () =>
    void activateDuePublications(db, new Date(), webhooks)
      .then((applied) => {
        for (const p of applied) {
          log.info(
            { publication: p.id, scenario: p.scenarioId },
            'scheduled publication took effect',
          )
          changed(p.planId, p.scenarioId)
        }
      })
      .catch((error: Error) =>
        log.warn({ err: error }, 'scheduled publishing failed'),
      )
  return every(run, 2_000, everyMs)
}
