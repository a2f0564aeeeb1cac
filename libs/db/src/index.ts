export { DatabaseOpenError, openDatabase } from './database.js'
export type { DatabaseConfig, DatabaseHandle } from './database.js'
export { MigrationError, migrateToLatest } from './migrate.js'
export type {
  AccountRow,
  Database,
  NewUser,
  RepRow,
  ScenarioRow,
  UserRow,
} from './schema.js'
export { insertColumns } from './bulk.js'
export {
  accountHistoryPage,
  forecastStatus,
  listTerritoryQuotas,
  replaceAccountForecasts,
  salesHistoryBounds,
  segmentYields,
  setTerritoryQuota,
} from './analytics.repository.js'
export type {
  AccountHistory,
  ForecastColumns,
  SegmentYield,
  TerritoryQuota,
} from './analytics.repository.js'
export { salesRollup } from './sales-rollup.repository.js'
export type { SalesRollupRow } from './sales-rollup.repository.js'
export {
  countUsers,
  deleteUserSessions,
  findOrganization,
  findUserByEmail,
  findUserById,
  insertOrganization,
  insertUser,
  listUsers,
  renameOrganization,
  setUserLocale,
  updateUser,
} from './users.repository.js'
export {
  deleteExpiredSessions,
  deleteSession,
  findSessionUser,
  insertSession,
} from './sessions.repository.js'
export { insertReps, listReps } from './reps.repository.js'
export {
  findUnitLayer,
  findUnitLayerTopology,
  insertUnitLayer,
  listAdjacency,
  listUnits,
  unitSalesAndIndustry,
} from './units.repository.js'
export type { UnitLayerInfo, UnitSalesAndIndustry } from './units.repository.js'
export {
  accountFigures,
  accountsInBBox,
  insertAccountUnits,
  countAccounts,
  findAccountHits,
  insertAccounts,
  insertSales,
  listDiffAccounts,
  listScoringAccounts,
  searchAccounts,
  unitAccountStats,
} from './accounts.repository.js'
export type {
  AccountHit,
  AccountFilter,
  AccountsPage,
  MapAccount,
  SalesColumns,
  ScoringAccountRow,
  UnitAccountStats,
} from './accounts.repository.js'
export {
  deleteScenario,
  findPlan,
  findScenario,
  insertPlan,
  insertScenario,
  lastDocChanges,
  listPlans,
  listScenarios,
  setPublishedScenario,
  updateScenario,
} from './plans.repository.js'
export {
  appendYjsUpdates,
  compactYjsDoc,
  createYjsDocStore,
  loadYjsDoc,
  writeYjsSnapshot,
} from './yjs.repository.js'
export type { StoredDoc } from './yjs.repository.js'
export { listAudit, recordAudit } from './audit.repository.js'
export type { AuditEntry } from './audit.repository.js'
export {
  createThrowawayDatabase,
  seedTestPlans,
  squaresTopology,
  testBackends,
} from './testing.js'
export type { TestBackend } from './testing.js'
export {
  countUnreadNotifications,
  deleteComment,
  findComment,
  findTask,
  insertComment,
  insertNotifications,
  insertTask,
  listNotifications,
  listTasks,
  listThreadComments,
  listThreads,
  markNotificationsRead,
  setThreadResolved,
  updateCommentBody,
  updateTask,
  usersInOrg,
} from './collab.repository.js'
export type {
  CommentRecord,
  NewComment,
  NewNotification,
  NewTask,
  NotificationRecord,
  TaskFilter,
  TaskPatch,
  TaskPriority,
  TaskRecord,
  TaskStatus,
  ThreadFilter,
  ThreadSummary,
} from './collab.repository.js'
export type { CommentAnchor } from './schema.js'
export {
  answerRepReview,
  closeReviewRound,
  duePublications,
  findOpenRound,
  findReviewRound,
  insertPublication,
  insertReviewRound,
  listPlanReviewRounds,
  listPublications,
  listRepReviews,
  listReviewRounds,
  markPublicationActive,
  moveScenarioStatus,
  nextRevision,
  publicationIdOn,
  publicationOn,
  scenariosReviewedBy,
} from './reviews.repository.js'
export type {
  PublicationRecord,
  RepReviewRecord,
  ReviewRoundRecord,
} from './reviews.repository.js'
export {
  activeWebhookIds,
  deleteWebhook,
  findApiKeyByHash,
  findWebhook,
  insertApiKey,
  insertWebhook,
  listApiKeys,
  listWebhooks,
  revokeApiKey,
  touchApiKey,
  updateWebhook,
} from './integrations.repository.js'
export type { ApiKeyRecord, WebhookRecord } from './integrations.repository.js'
export {
  claimDueDeliveries,
  countLayerAccounts,
  finishDeliveryAttempt,
  listDeliveries,
  publicationFacts,
  queueDeliveries,
} from './webhook-deliveries.repository.js'
export type {
  ClaimedDelivery,
  WebhookAttemptRecord,
  WebhookDeliveryRecord,
} from './webhook-deliveries.repository.js'
export {
  currencySettings,
  removeCurrencyRate,
  setCurrencyRate,
  setOrganizationUnits,
} from './currencies.repository.js'
export type { CurrencyRate } from './currencies.repository.js'
