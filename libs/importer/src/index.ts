export { sniffDelimiter } from './delimiter.js'
export { FirstSeen } from './duplicates.js'
export {
  FIELDS,
  guessMapping,
  mappingProblems,
  normalizeHeader,
} from './mapping.js'
export type {
  ColumnMapping,
  FieldSpec,
  ImportKind,
  MappingGuess,
} from './mapping.js'
export { RowReader, bandOfEmployees } from './rows.js'
export type {
  AccountImport,
  RepImport,
  RowContext,
  RowProblem,
  RowResult,
  SalesImport,
  SizeBand,
} from './rows.js'
export {
  parseDate,
  parseEmail,
  parseLonLat,
  parseMonth,
  parseNumber,
  parseText,
  parseZip,
} from './values.js'
export type { Parsed } from './values.js'
