// Interchange with the field's standards: XLIFF 2.1 for translators' tools, Akoma Ntoso 3.0 for legal XML.

export { toXliff } from './xliff-export.js'
export type { XliffOptions } from './xliff-export.js'
export { fromXliff, safeFromXliff } from './xliff-import.js'
export type { FromXliffOptions } from './xliff-import.js'
export { toAkomaNtoso } from './akn.js'
export type { AkomaNtosoOptions } from './akn.js'
