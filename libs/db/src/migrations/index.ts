import type { Migration } from 'kysely/migration'
import * as initial from './2026-11-27T1000-initial.js'
import * as snapshotGeneration from './2026-11-27T1600-snapshot-generation.js'
import * as collaboration from './2026-12-04T0800-collaboration.js'
import * as review from './2026-12-04T1400-review.js'
import * as importRuns from './2026-12-04T1700-import.js'
import * as integrations from './2026-12-04T1800-integrations.js'
import * as analytics from './2026-12-04T1900-analytics.js'
import * as segments from './2026-12-04T2000-segments.js'
import * as layers from './2026-12-04T2100-layers.js'
import * as currencies from './2026-12-04T2300-currencies.js'
import * as userLocale from './2026-12-04T2330-user-locale.js'

/**
 * Every migration, keyed by its timestamped name. Kept in code (not read from a folder at
 * run time) so the bundled server carries them; the names sort in the order they run.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-27T1000-initial': initial,
  '2026-11-27T1600-snapshot-generation': snapshotGeneration,
  '2026-12-04T0800-collaboration': collaboration,
  '2026-12-04T1400-review': review,
  '2026-12-04T1700-import': importRuns,
  '2026-12-04T1800-integrations': integrations,
  '2026-12-04T1900-analytics': analytics,
  '2026-12-04T2000-segments': segments,
  '2026-12-04T2100-layers': layers,
  '2026-12-04T2300-currencies': currencies,
  '2026-12-04T2330-user-locale': userLocale,
}
