// The clause diff's core API (no docx, no node:): re-exported by the package's main entry. The DOCX
// redline and alignment table live in `redline-docx.ts` and `align-docx.ts`, behind `declaration-kit/docx`.
export { diffDocuments } from './diff-documents.js'
export { diffToJson } from './json.js'
export { renderDiffMarkdown } from './markdown.js'
export { alignDocuments, renderAlignmentMarkdown, type Alignment, type AlignmentRow, type AlignmentStatus } from './align-documents.js'
export { DIFF_VERSION, type Change, type ChangeKind, type DiffOptions, type DiffSummary, type DocumentDiff, type WordOp } from './model.js'
export { tokenize, foldTypography, isTypographyOnly } from './tokenize.js'
