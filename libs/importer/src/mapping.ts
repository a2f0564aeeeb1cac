/**
 * Which column holds which field. CRMs name columns their own way (`Account ID`,
 * `BillingPostalCode`, `Lat`…), so headers are matched on a normalised form against each
 * field's known names; what is left the user maps by hand in the wizard. Pure.
 */

export type ImportKind = 'accounts' | 'reps' | 'sales'

export interface FieldSpec {
  field: string
  label: string
  /** Names this field goes by in CRM exports, compared after `normalizeHeader`. */
  aliases: readonly string[]
  required?: boolean
}

const f = (
  field: string,
  label: string,
  aliases: string[],
  required = false,
): FieldSpec => ({
  field,
  label,
  aliases: [field, label, ...aliases],
  required,
})

export const FIELDS: Record<ImportKind, readonly FieldSpec[]> = {
  accounts: [
    f(
      'externalId',
      'External id',
      [
        'account id',
        'id',
        'crm id',
        'account number',
        'sfdc id',
        'record id',
        'company id',
      ],
      true,
    ),
    f(
      'name',
      'Name',
      ['account name', 'company', 'company name', 'account', 'organization'],
      true,
    ),
    f('industry', 'Industry', ['sector', 'vertical']),
    f('sizeBand', 'Size band', [
      'size',
      'company size',
      'segment size',
      'tier',
    ]),
    f('employees', 'Employees', [
      'employee count',
      'headcount',
      'number of employees',
      'numberofemployees',
    ]),
    f('lat', 'Latitude', ['lat', 'billing latitude', 'billinglatitude', 'y']),
    f('lon', 'Longitude', [
      'lon',
      'lng',
      'long',
      'billing longitude',
      'billinglongitude',
      'x',
    ]),
    f('zip', 'ZIP code', [
      'zip',
      'zipcode',
      'postal code',
      'postcode',
      'billing postal code',
      'billingpostalcode',
      'billing zip',
    ]),
    f('annualRevenue', 'Annual revenue', [
      'revenue',
      'annualrevenue',
      'annual sales',
    ]),
    f('potential', 'Potential', [
      'revenue potential',
      'opportunity',
      'wallet',
      'wallet size',
      'tam',
    ]),
    f('currency', 'Currency', [
      'currency code',
      'currencyisocode',
      'currency iso code',
      'ccy',
    ]),
    f('workloadMinutes', 'Workload minutes', [
      'workload',
      'visit minutes',
      'service minutes',
    ]),
  ],
  reps: [
    f(
      'externalId',
      'External id',
      ['rep id', 'id', 'employee id', 'user id'],
      true,
    ),
    f('name', 'Name', ['rep name', 'full name', 'owner name'], true),
    f('email', 'Email', ['email address', 'e-mail'], true),
    f('homeCity', 'Home city', ['city', 'base', 'home']),
    f('lat', 'Latitude', ['lat', 'home latitude']),
    f('lon', 'Longitude', ['lon', 'lng', 'long', 'home longitude']),
    f('zip', 'ZIP code', ['zip', 'zipcode', 'postal code', 'home zip']),
    f('weeklyCapacityHours', 'Weekly capacity (hours)', [
      'capacity',
      'capacity hours',
      'hours per week',
      'weekly hours',
    ]),
    f('industries', 'Industries', ['industry', 'specialties', 'verticals']),
    f('experience', 'Experience (1–5)', ['experience', 'seniority', 'level']),
  ],
  sales: [
    f(
      'accountExternalId',
      'Account external id',
      ['account id', 'external id', 'account', 'customer id', 'id'],
      true,
    ),
    f(
      'month',
      'Month',
      ['period', 'date', 'close date', 'invoice date', 'month start'],
      true,
    ),
    f(
      'amount',
      'Amount',
      ['sales', 'revenue', 'value', 'total', 'net amount'],
      true,
    ),
    f('currency', 'Currency', [
      'currency code',
      'currencyisocode',
      'currency iso code',
      'ccy',
    ]),
  ],
}

/** `" Billing_Postal-Code "` → `billing postal code`; a BOM and quotes are dropped. */
export function normalizeHeader(raw: string): string {
  return raw
    .replace(/^\ufeff/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** field → column index */
export type ColumnMapping = Record<string, number>

export interface MappingGuess {
  mapping: ColumnMapping
  /** Headers no field took, by column index. */
  unmapped: number[]
  /** Problems that stop an import: required fields no column holds. */
  missing: string[]
}

/**
 * Matches headers to fields: an exact alias first, each column used once, fields in their
 * listed order (so `id` goes to the external id before anything else claims it).
 */
export function guessMapping(
  kind: ImportKind,
  headers: readonly string[],
): MappingGuess {
  const normal = headers.map(normalizeHeader)
  const taken = new Set<number>()
  const mapping: ColumnMapping = {}
  for (const spec of FIELDS[kind]) {
    const names = new Set(spec.aliases.map(normalizeHeader))
    const column = normal.findIndex((h, i) => !taken.has(i) && names.has(h))
    if (column >= 0) {
      mapping[spec.field] = column
      taken.add(column)
    }
  }
  return {
    mapping,
    unmapped: normal.map((_, i) => i).filter((i) => !taken.has(i)),
    missing: mappingProblems(kind, mapping, headers.length),
  }
}

/** What is wrong with a mapping (empty when it can be imported). */
export function mappingProblems(
  kind: ImportKind,
  mapping: ColumnMapping,
  columns: number,
): string[] {
  const problems: string[] = []
  const specs = FIELDS[kind]
  for (const [field, column] of Object.entries(mapping)) {
    if (!specs.some((s) => s.field === field))
      problems.push(`“${field}” is not a field of ${kind}.`)
    else if (!Number.isInteger(column) || column < 0 || column >= columns)
      problems.push(`“${field}” points at a column the file does not have.`)
  }
  const used = Object.values(mapping)
  if (new Set(used).size !== used.length)
    problems.push('One column is mapped to two fields.')
  for (const s of specs)
    if (s.required && mapping[s.field] === undefined)
      problems.push(`No column holds the required field “${s.label}”.`)
  if (kind === 'accounts' || kind === 'reps') {
    const hasCoords =
      mapping['lat'] !== undefined && mapping['lon'] !== undefined
    if (!hasCoords && mapping['zip'] === undefined)
      problems.push(
        'Map either Latitude and Longitude, or a ZIP code, to place each row.',
      )
    else if ((mapping['lat'] === undefined) !== (mapping['lon'] === undefined))
      problems.push(
        'Latitude and Longitude come together: map both, or neither.',
      )
  }
  return problems
}
