export { idPrefix, makeId } from './ids.js'
export type {
  AccountId,
  Brand,
  OrgId,
  PlanId,
  RepId,
  ScenarioId,
  TerritoryId,
  UnitId,
  UnitLayerId,
  UserId,
} from './ids.js'
export { createRng, cumulativeWeights } from './rng.js'
export type { Rng } from './rng.js'
export {
  Account,
  BalanceMetric,
  BalanceSettings,
  balanceMetrics,
  defaultBalanceSettings,
  BBox,
  Industry,
  LonLat,
  Locale,
  Plan,
  PublicUser,
  Rep,
  Role,
  Scenario,
  ScenarioStatus,
  SizeBand,
  TerritoryRecord,
  TerritoryTargets,
  Unit,
  UnitAdjacency,
  industries,
  locales,
  products,
  roles,
  scenarioStatuses,
  sizeBands,
} from './model.js'
export type { Product } from './model.js'
export {
  PLAN_SCHEMA_VERSION,
  UNIT_LOCKED,
  initPlanDoc,
  lockedUnitsOf,
  openPlanDoc,
  planDocMeta,
  notesDocName,
  planDocName,
  planStateOf,
  readPlanState,
} from './plan-doc.js'
export type {
  OpenPlanDocOptions,
  PlanDoc,
  PlanInit,
  PlanState,
} from './plan-doc.js'
export { KEYED_LOG_TIDY, KeyedLog } from './keyed-log.js'
export {
  ORPHAN_REPAIR,
  findOrphans,
  repairOrphans,
  retireTerritory,
} from './orphans.js'
export type { OrphanRepair } from './orphans.js'
export type {
  Entry as KeyedLogEntry,
  KeyedLogListener,
  KeyedLogOptions,
} from './keyed-log.js'
export { hexToRgb, territoryColor } from './palette.js'
export { Presence, parsePresence, presenceColor, tools } from './presence.js'
export type { Tool } from './presence.js'
export { err, ok } from './errors.js'
export type { ErrorCode, Result } from './errors.js'
export {
  PlanRoomRequest,
  notificationKinds,
  optimizeJobStatuses,
} from './events.js'
export type {
  ClientToServerEvents,
  InterServerEvents,
  NotificationKind,
  NotificationLink,
  OptimizeJobResult,
  OptimizeJobSnapshot,
  OptimizeJobStatus,
  RowChange,
  RowChangeKind,
  ServerToClientEvents,
  SocketAck,
  SocketData,
  UserNotification,
} from './events.js'
export {
  RICH_TEXT_MAX_BYTES,
  RICH_TEXT_MAX_DEPTH,
  isSafeHref,
  richTextFromPlain,
  richTextPlain,
  sanitizeRichText,
} from './rich-text.js'
export type {
  RichTextBlock,
  RichTextDoc,
  RichTextInline,
  RichTextListItem,
  RichTextMark,
  RichTextNode,
  SanitizedRichText,
} from './rich-text.js'
export { xssPayloads } from './xss-payloads.js'
export {
  alignmentCsv,
  canonicalAlignment,
  diffAlignments,
  diffCsv,
} from './alignment-diff.js'
export { csvField, csvTable } from './csv.js'
export type {
  AccountMove,
  Alignment,
  AlignmentDiff,
  DiffAccount,
  RepImpact,
} from './alignment-diff.js'
export { rebaseAlignment } from './rebase.js'
export type { RebaseAccount, RebaseInput, RebaseResult } from './rebase.js'
export {
  CurrencyCode,
  DistanceUnit,
  KM_PER_MILE,
  fromKm,
  unitsFor,
} from './money.js'
export type { CurrencySettings, RegionUnits } from './money.js'
