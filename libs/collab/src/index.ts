export { CloseCode } from './close-codes.js'
export { parseDocName } from './doc-name.js'
export type { DocRef } from './doc-name.js'
