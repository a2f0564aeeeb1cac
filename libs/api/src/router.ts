import { accountsRouter } from './routers/accounts.router.js'
import { adminRouter } from './routers/admin.router.js'
import { settingsRouter } from './routers/settings.router.js'
import { analyticsRouter } from './routers/analytics.router.js'
import { authRouter } from './routers/auth.router.js'
import { activityRouter } from './collab/activity.router.js'
import { commentsRouter } from './collab/comments.router.js'
import { notificationsRouter } from './collab/notifications.router.js'
import { tasksRouter } from './collab/tasks.router.js'
import { collabRouter } from './routers/collab.router.js'
import { geoRouter } from './routers/geo.router.js'
import { importsRouter } from './routers/imports.router.js'
import { integrationsRouter } from './routers/integrations.router.js'
import { plansRouter } from './routers/plans.router.js'
import { repsRouter } from './routers/reps.router.js'
import { reviewsRouter } from './routers/reviews.router.js'
import { routingRouter } from './routers/routing.router.js'
import { scenariosRouter } from './routers/scenarios.router.js'
import { targetingRouter } from './routers/targeting.router.js'
import { router } from './trpc.js'

export const appRouter = router({
  auth: authRouter,
  plans: plansRouter,
  scenarios: scenariosRouter,
  reviews: reviewsRouter,
  geo: geoRouter,
  accounts: accountsRouter,
  reps: repsRouter,
  collab: collabRouter,
  comments: commentsRouter,
  tasks: tasksRouter,
  notifications: notificationsRouter,
  activity: activityRouter,
  admin: adminRouter,
  settings: settingsRouter,
  routing: routingRouter,
  imports: importsRouter,
  targeting: targetingRouter,
  analytics: analyticsRouter,
  integrations: integrationsRouter,
})

/** The API's type, imported (type-only) by the web app for end-to-end typing. */
export type AppRouter = typeof appRouter
