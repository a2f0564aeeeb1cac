import type {
  ColumnType,
  Generated,
  Insertable,
  Selectable,
  Updateable,
} from 'kysely'
import type { NotificationLink } from '@tessera/domain'

/**
 * The kysely database type. Timestamps are `timestamptz` read as `Date`; money and
 * measures are `double precision` so pg and PGlite both return JS numbers (pg returns
 * `numeric` and `bigint` as strings — STACK.md pitfall 12).
 */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json<T> = ColumnType<T, string, string>

export interface OrganizationsTable {
  id: string
  name: string
  /** The currency every stored amount is in (ISO 4217). */
  base_currency: ColumnType<string, string | undefined, string>
  distance_unit: ColumnType<'km' | 'mi', 'km' | 'mi' | undefined, 'km' | 'mi'>
  created_at: CreatedAt
}

export interface CurrencyRatesTable {
  org_id: string
  currency: string
  /** Units of `currency` per one unit of the organization's base currency. */
  per_base: number
  set_by: string | null
  set_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface UsersTable {
  id: string
  org_id: string
  email: string
  display_name: string
  password_hash: string
  role: 'admin' | 'manager' | 'planner' | 'rep'
  rep_id: string | null
  /** The web app's language for this user (`en`, `es`); null follows the browser. */
  locale: string | null
  created_at: CreatedAt
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a leaked table does not leak live sessions. */
  id: string
  user_id: string
  created_at: CreatedAt
  expires_at: Timestamp
}

export interface RepsTable {
  id: string
  org_id: string
  name: string
  email: string
  home_city: string
  home_lon: number
  home_lat: number
  industries: Json<string[]>
  products: Json<string[]>
  experience: number
  weekly_capacity_minutes: number
  /** The CRM's id for the rep; imports upsert by it. */
  external_id: string
}

export interface UnitLayersTable {
  id: string
  name: string
  kind: string
  topology: string
  units_object: string
  /** The organization a layer built from its accounts belongs to; null for shared base layers. */
  org_id: string | null
  /** JSON text: how the layer was made (H3 resolution, counts), or null. */
  details: string | null
  created_at: CreatedAt
}

export interface UnitsTable {
  layer_id: string
  id: string
  name: string
  region: string
  centroid_lon: number
  centroid_lat: number
  area_km2: number
  perimeter_km: number
}

export interface UnitAdjacencyTable {
  layer_id: string
  a: string
  b: string
  shared_border_km: number
  kind: 'border' | 'proximity'
}

export interface AccountsTable {
  id: string
  org_id: string
  external_id: string
  name: string
  industry: string
  size_band: 'small' | 'mid' | 'large' | 'enterprise'
  lon: number
  lat: number
  annual_revenue: number
  potential: number
  workload_minutes: number
}

/** An account's unit in a layer (an account has one per layer it falls inside). */
export interface AccountUnitsTable {
  layer_id: string
  account_id: string
  unit_id: string
}

export interface SalesHistoryTable {
  account_id: string
  /** First day of the month. */
  month: ColumnType<string, string, string>
  amount: number
}

export interface PlansTable {
  id: string
  org_id: string
  name: string
  unit_layer_id: string
  published_scenario_id: string | null
  created_at: CreatedAt
}

export interface ScenariosTable {
  id: string
  plan_id: string
  name: string
  status:
    | 'draft'
    | 'in_review'
    | 'approved'
    | 'scheduled'
    | 'published'
    | 'superseded'
    | 'archived'
  parent_id: string | null
  effective_date: ColumnType<
    string | null,
    string | null | undefined,
    string | null
  >
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface YjsUpdatesTable {
  id: ColumnType<string, never, never>
  doc_name: string
  update: Uint8Array
  created_at: CreatedAt
}

export interface YjsSnapshotsTable {
  doc_name: string
  state: Uint8Array
  /** The highest `yjs_updates.id` folded into `state` (for people reading the table). */
  last_update_id: ColumnType<string, string | number, string | number>
  /** Bumped by every write of `state` (compaction's optimistic check). */
  generation: ColumnType<number, number | undefined, number>
  updated_at: Timestamp
}

export interface CommentsTable {
  id: string
  org_id: string
  scenario_id: string | null
  territory_id: string | null
  unit_id: string | null
  lon: number | null
  lat: number | null
  parent_id: string | null
  author_id: string
  body: Json<unknown>
  resolved_at: Timestamp | null
  created_at: CreatedAt
  updated_at: Timestamp
  deleted_at: Timestamp | null
  plan_id: string | null
  anchor: ColumnType<CommentAnchor, CommentAnchor | undefined, CommentAnchor>
  change_ref: string | null
  /** User ids the body mentions (as the sanitiser found them). */
  mentions: ColumnType<string[], string | undefined, string>
  resolved_by: string | null
}

export type CommentAnchor = 'scenario' | 'territory' | 'unit' | 'pin' | 'change'

export interface TasksTable {
  id: string
  org_id: string
  scenario_id: string | null
  territory_id: string | null
  unit_id: string | null
  title: string
  description: Json<unknown>
  assignee_id: string | null
  due_date: ColumnType<string | null, string | null | undefined, string | null>
  status: 'todo' | 'in_progress' | 'done'
  priority: 'low' | 'normal' | 'high'
  created_by: string
  created_at: CreatedAt
  updated_at: Timestamp
  plan_id: string | null
  source_comment_id: string | null
  done_at: Timestamp | null
}

export interface ReviewsTable {
  id: string
  scenario_id: string
  rep_id: string | null
  reviewer_id: string | null
  status: 'pending' | 'acknowledged' | 'objected' | 'approved' | 'rejected'
  comment: string | null
  created_at: CreatedAt
  decided_at: Timestamp | null
  round_id: string | null
}

export interface ReviewRoundsTable {
  id: string
  scenario_id: string
  plan_id: string
  revision: number
  status: 'open' | 'approved' | 'rejected' | 'withdrawn'
  submitted_by: string | null
  submitted_at: CreatedAt
  due_date: ColumnType<string | null, string | null | undefined, string | null>
  note: string | null
  /** sha-256 of the plan as submitted (`alignmentFingerprint`). */
  fingerprint: string
  summary: Json<Record<string, unknown>>
  decided_by: string | null
  decided_at: Timestamp | null
  decision_reason: string | null
}

export interface PublicationsTable {
  id: string
  plan_id: string
  scenario_id: string | null
  scenario_name: string
  round_id: string | null
  effective_date: ColumnType<string, string, string>
  published_by: string | null
  published_at: CreatedAt
  activated_at: Timestamp | null
  /** The scenario's Yjs state as published (null for publications made before it was kept). */
  state: Uint8Array | null
  alignment: Json<{
    assignments: Record<string, string>
    accountOverrides: Record<string, string>
  }>
}

export interface NotificationsTable {
  id: string
  org_id: string
  user_id: string
  actor_id: string | null
  kind: string
  plan_id: string | null
  scenario_id: string | null
  /** Where the notification leads: territory, unit, thread or task ids. */
  link: Json<NotificationLink>
  message: string
  read_at: Timestamp | null
  created_at: CreatedAt
}

export interface AuditLogTable {
  id: ColumnType<string, never, never>
  org_id: string | null
  actor_id: string | null
  action: string
  subject_type: string
  subject_id: string | null
  details: Json<unknown>
  created_at: CreatedAt
}

export interface AccountSegmentsTable {
  account_id: string
  segment: 'champions' | 'loyal' | 'growing' | 'at-risk' | 'dormant'
  recency: number
  frequency: number
  monetary: number
  computed_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface ImportRunsTable {
  id: string
  org_id: string
  kind: 'accounts' | 'reps' | 'sales'
  mode: 'atomic' | 'upsert'
  dry_run: boolean
  file_name: string
  started_by: string | null
  started_at: ColumnType<Date, Date | string, Date | string>
  finished_at: ColumnType<
    Date | null,
    Date | string | null,
    Date | string | null
  >
  status: 'running' | 'imported' | 'rejected' | 'validated' | 'failed'
  rows: Generated<number>
  inserted: Generated<number>
  updated: Generated<number>
  rejected: Generated<number>
  report: Json<unknown>
}

export interface ApiKeysTable {
  id: string
  org_id: string
  name: string
  /** The key's first characters (`tsk_` and 8 more), to tell keys apart. */
  prefix: string
  /** sha-256 (hex) of the whole key; the key itself is never stored. */
  key_hash: string
  created_by: string | null
  created_at: CreatedAt
  last_used_at: Timestamp | null
  revoked_at: Timestamp | null
}

export interface WebhooksTable {
  id: string
  org_id: string
  url: string
  /** The HMAC-SHA256 signing key (kept: each delivery is signed with it). */
  secret: string
  description: string
  active: ColumnType<boolean, boolean | undefined, boolean>
  created_by: string | null
  created_at: CreatedAt
}

export interface WebhookDeliveriesTable {
  id: string
  webhook_id: string
  event: string
  payload: Json<Record<string, unknown>>
  status: 'pending' | 'delivered' | 'failed'
  /** Attempts started (a claim counts one before the request is sent). */
  attempts: ColumnType<number, number | undefined, number>
  next_attempt_at: Timestamp
  last_status_code: number | null
  last_error: string | null
  last_duration_ms: number | null
  created_at: CreatedAt
  delivered_at: Timestamp | null
}

export interface WebhookAttemptsTable {
  id: ColumnType<string, never, never>
  delivery_id: string
  attempt: number
  started_at: Timestamp
  duration_ms: number
  status_code: number | null
  error: string | null
}

export interface AccountForecastsTable {
  account_id: string
  /** Expected revenue over the 12 months after `as_of`. */
  next_12m: number
  /** The forecaster's method for this account's kind of history (e.g. `comb`, `sba`). */
  method: string
  /** Months of history from the account's first sale to `as_of` (0: none). */
  history_months: number
  computed_at: Timestamp
  /** The last month of history the forecast read (first day of the month). */
  as_of: ColumnType<string, string, string>
}

export interface TerritoryQuotasTable {
  plan_id: string
  territory_id: string
  amount: number
  set_by: string | null
  set_at: Timestamp
}

export interface Database {
  organizations: OrganizationsTable
  currency_rates: CurrencyRatesTable
  users: UsersTable
  sessions: SessionsTable
  reps: RepsTable
  unit_layers: UnitLayersTable
  units: UnitsTable
  unit_adjacency: UnitAdjacencyTable
  accounts: AccountsTable
  account_units: AccountUnitsTable
  sales_history: SalesHistoryTable
  plans: PlansTable
  scenarios: ScenariosTable
  yjs_updates: YjsUpdatesTable
  yjs_snapshots: YjsSnapshotsTable
  comments: CommentsTable
  tasks: TasksTable
  reviews: ReviewsTable
  review_rounds: ReviewRoundsTable
  publications: PublicationsTable
  audit_log: AuditLogTable
  notifications: NotificationsTable
  import_runs: ImportRunsTable
  account_segments: AccountSegmentsTable
  api_keys: ApiKeysTable
  webhooks: WebhooksTable
  webhook_deliveries: WebhookDeliveriesTable
  webhook_attempts: WebhookAttemptsTable
  account_forecasts: AccountForecastsTable
  territory_quotas: TerritoryQuotasTable
}

export type UserRow = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type RepRow = Selectable<RepsTable>
export type AccountRow = Selectable<AccountsTable>
export type AccountSegmentRow = Selectable<AccountSegmentsTable>
export type ScenarioRow = Selectable<ScenariosTable>
export type ScenarioUpdate = Updateable<ScenariosTable>
