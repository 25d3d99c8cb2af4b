// Interchange with the field's standards: XLIFF 2.0 and 1.2 for translators' tools, TMX 1.4 for
// translation memories, Akoma Ntoso 3.0 for legal XML.

export { toXliff } from './xliff-export.js'
export type { XliffOptions, XliffVersion } from './xliff-export.js'
export { fromXliff, safeFromXliff, safeImportXliff } from './xliff-import.js'
export type { FromXliffOptions, XliffImport } from './xliff-import.js'
export { xliffStatus } from './xliff-status.js'
export { toTmx } from './tmx.js'
export type { XliffStatus, ProgressCounts, UnitProgress } from './xliff-status.js'
export { toAkomaNtoso } from './akn.js'
export type { AkomaNtosoOptions } from './akn.js'
