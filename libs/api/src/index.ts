export { appRouter } from './router.js'
export type { AppRouter } from './router.js'
export { createContextFactory } from './context.js'
export type { ApiDeps, CollabEvents, Context, HubDocs } from './context.js'
export { GeometryCache } from './geometry-cache.js'
export type { LayerGeometry } from './geometry-cache.js'
export { hashPassword, verifyPassword } from './passwords.js'
export {
  SESSION_COOKIE,
  readSessionToken,
  sessionIdOf,
} from './session-cookie.js'
export { findRequestSession, toPublicUser } from './session-user.js'
export {
  ScoringCache,
  loadPlanDoc,
  scoreScenario,
  suggestForScenario,
} from './scoring.js'
export type { ScenarioScope } from './scoring.js'
export { OptimizeJobs, optimizeWorkerEntry } from './optimize/jobs.js'
export type {
  JobListener,
  OptimizeJobView,
  WorkerEntry,
} from './optimize/jobs.js'
export { signDocToken, verifyDocToken } from './doc-token.js'
export { toUserNotification } from './collab/access.js'
export {
  activateDuePublications,
  PUBLISH_GRACE_DAYS,
} from './routers/reviews.router.js'
export { scenarioReader } from './routers/scenario-access.js'
export { refreshForecasts } from './forecasts.js'
export type { ForecastRefresh, RefreshOptions } from './forecasts.js'
export { LeadRouter } from './routing.js'
export type { Lead, RoutedLead } from './routing.js'
export { API_KEY_PREFIX, authenticateApiKey, hashApiKey } from './api-keys.js'
export type { ApiKeyCheck } from './api-keys.js'
export { MAX_LEADS, RouteLeadsInput, routeLeadsForOrg } from './lead-routing.js'
export { publishedPayload, queuePublishedWebhooks } from './webhook-events.js'
export type { WebhookEvent, WebhookHooks } from './webhook-events.js'
export { refreshSegments, segmentNewAccounts } from './segments.js'
export { yieldToEventLoop } from './event-loop.js'
export type { SegmentRefresh } from './segments.js'
export { FORECAST_DRIFT_SHARE, flagDrift, scorePublished } from './drift.js'
export type { TerritoryDrift } from './drift.js'
export {
  RebaseError,
  hexagonOptions,
  rebasePlanOnHexagons,
  worldPlaces,
} from './rebase-plan.js'
export type { RebaseOutcome, RebaseRequest } from './rebase-plan.js'
