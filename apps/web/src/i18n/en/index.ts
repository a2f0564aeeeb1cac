import { app } from './app'
import { auth } from './auth'
import { common } from './common'
import { territories } from './territories'
import { editor } from './editor'
import { workspace } from './workspace'
import { discussion } from './discussion'
import { review } from './review'
import { optimize } from './optimize'
import { scenarios } from './scenarios'
import { admin } from './admin'
import { importing } from './importing'
import { dashboard } from './dashboard'
import { report } from './report'
import { targeting } from './targeting'
import { myChanges } from './myChanges'
import { map } from './map'
import { geography } from './geography'

/**
 * The English messages, one object per feature: the source language and the fallback.
 * Every other language is typed (and tested) against this shape.
 */
export const en = {
  common,
  app,
  auth,
  territories,
  editor,
  workspace,
  discussion,
  review,
  optimize,
  scenarios,
  admin,
  importing,
  dashboard,
  report,
  targeting,
  myChanges,
  map,
  geography,
} as const
