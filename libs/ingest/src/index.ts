export { CsvFileError, openCsv } from './csv-source.js'
export type { CsvRecord, CsvSource } from './csv-source.js'
export { Importer } from './run-import.js'
export type { ImportRequest, ImportResult } from './run-import.js'
export { LISTED_PROBLEMS } from './report.js'
export type {
  ImportMode,
  ImportProgress,
  ImportReport,
  ImportStatus,
} from './report.js'
export { zipCentroids } from './zips.js'
