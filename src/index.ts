// The public API of declaration-kit's core entry. PDF and DOCX live in `declaration-kit/pdf` and
// `declaration-kit/docx` so that this entry loads neither pdfkit nor docx and runs in a browser.

export { Declaration, Paragraph, List, Section, Separator, Block, Preamble, DeclarationAnnex, Footnote, Clause, DeclarationProfile } from './model/declaration.js'
export { walkDeclaration, printedBlocks, describeBlock, paragraphContent } from './model/walk.js'
export type { PrintedBlock, BlockRole, DocumentPart, ModelPath } from './model/walk.js'
export { Letter, ContactBlock, Signatory, Annex, IsoDate, Email } from './model/letter.js'
export { Document } from './model/document.js'
export { Inline, Phrasing, Text, Emphasis, Strong, Superscript, Break, FootnoteReference, Link, phrasingText } from './model/inline.js'
export { DocumentError, formatIssue } from './model/issues.js'
export type { Issue, Place, SafeParseResult } from './model/issues.js'
export { safeValidate, checkDocument } from './model/guard.js'
export { profiles } from './model/profiles.js'
export { documentJsonSchema } from './model/json-schema.js'
export type { ProfileRules } from './model/profiles.js'
export { toRoman, fromRoman } from './model/roman.js'

export { parseDocument, parseDeclaration, parseLetter, safeParseDocument, safeParseDeclaration, safeParseLetter } from './parse/index.js'
export type { ParseOptions } from './parse/index.js'

export { renderMarkdown } from './render/markdown-safe.js'
export { renderText, words } from './render/text.js'
export { documentUnits } from './render/units.js'
export type { Unit, Mark, Part, UnitField } from './render/units.js'
export { resolveAnnexes } from './render/annexes.js'
export type { AnnexOptions, ResolvedAnnex } from './render/annexes.js'
export { defaultHouseStyle, houseStyleSchema, ituHouseStyle } from './render/house-style.js'
export type { HouseStyle, HouseStyleInput } from './render/house-style.js'

export { locales, localeFor, findLocale } from './i18n/index.js'
export { en } from './i18n/en.js'
export { fr } from './i18n/fr.js'
export { frenchTypography } from './i18n/typography.js'
export type { Locale } from './i18n/types.js'

export { cop29Declaration, cop29Letter, cop29DeclarationSource, cop29LetterSource } from './content/index.js'

export * from './diff/index.js'
export { toXliff, fromXliff, safeFromXliff, safeImportXliff, xliffStatus, toTmx, toAkomaNtoso } from './interchange/index.js'
export type { XliffOptions, XliffVersion, FromXliffOptions, XliffImport, XliffStatus, ProgressCounts, UnitProgress, AkomaNtosoOptions } from './interchange/index.js'
