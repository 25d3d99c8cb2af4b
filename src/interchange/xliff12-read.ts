import type { Element, Node } from '@xmldom/xmldom'
import type { Issue } from '../model/issues.js'
import { normalizePhrasing } from './xliff-inline.js'
import { readInlineContent, where, type InlineDialect } from './xliff-inline-read.js'
import type { ReadUnit, ReadXliff } from './xliff-read.js'
import { FOOTNOTE_CTYPE, LINK_CTYPE, SUPERSCRIPT_CTYPE, XLIFF1_NAMESPACES } from './xliff12-inline.js'

function children(node: Node, name?: string): Element[] {
  const out: Element[] = []
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && XLIFF1_NAMESPACES.includes(child.namespaceURI ?? '') && (!name || child.localName === name)) out.push(child as Element)
  }
  return out
}

function format(ctype: string | null) {
  return ctype === 'italic'
    ? 'emphasis'
    : ctype === 'bold'
      ? 'strong'
      : ctype === SUPERSCRIPT_CTYPE
        ? 'superscript'
        : ctype === LINK_CTYPE || ctype === 'link'
          ? 'link'
          : undefined
}

const dialect: InlineDialect = {
  paired: 'g',
  standalone: 'x',
  supported: 'g or bx/ex with ctype italic, bold, x-superscript or x-link; x with ctype lb or x-footnote; mrk',
  classify(element) {
    if (!XLIFF1_NAMESPACES.includes(element.namespaceURI ?? '')) return undefined
    const name = element.localName
    const found = format(element.getAttribute('ctype'))
    if (name === 'g' && found) return { kind: 'code', format: found }
    if (name === 'bx' && found) return { kind: 'open', key: element.getAttribute('rid') ?? element.getAttribute('id') ?? '', format: found }
    if (name === 'ex') return { kind: 'close', key: element.getAttribute('rid') ?? element.getAttribute('id') ?? '' }
    if (name === 'x' && element.getAttribute('ctype') === 'lb') return { kind: 'standalone', format: 'break', node: { type: 'break' } }
    if (name === 'x' && element.getAttribute('ctype') === FOOTNOTE_CTYPE) {
      return { kind: 'standalone', format: 'footnote', node: { type: 'footnoteReference', label: element.getAttribute('equiv-text') ?? '' } }
    }
    if (name === 'mrk') return { kind: 'annotation' }
    return undefined
  },
  href: () => undefined,
}

// XLIFF 1.2 target states as the XLIFF 2 states the rest of the library speaks. A target without a
// state is taken as translated (1.2 has no default; tools that write none mean "done").
function state(target: Element | undefined): string {
  if (!target) return 'initial'
  const given = target.getAttribute('state')
  if (!given) return 'translated'
  if (given === 'translated') return 'translated'
  if (given === 'signed-off') return 'reviewed'
  if (given === 'final') return 'final'
  return 'initial'
}

// translate-toolkit's po2xliff numbers the units it writes and keeps the PO location (our unit id)
// in a `po-reference` context group.
function unitId(unit: Element): string {
  for (const group of children(unit, 'context-group')) {
    if (group.getAttribute('name') !== 'po-reference') continue
    const file = children(group, 'context').find((c) => c.getAttribute('context-type') === 'sourcefile')
    if (file?.textContent) return file.textContent
  }
  return unit.getAttribute('id') ?? ''
}

type Hrefs = ReadonlyMap<string, ReadonlyMap<string, string>>

function linkNotes(notes: readonly { category?: string; text: string }[]): Map<string, string> {
  return new Map(notes.flatMap((note) => (note.category?.startsWith('link-') ? [[note.category.slice('link-'.length), note.text] as const] : [])))
}

function readTransUnit(unit: Element, group: string | undefined, known: Hrefs): ReadUnit {
  const id = unitId(unit)
  const issues: Issue[] = []
  const notes = children(unit, 'note').map((note) => ({
    ...(note.getAttribute('from') ? { category: note.getAttribute('from')! } : {}),
    text: note.textContent ?? '',
  }))
  // Link URLs live in `link-N` notes (a 1.2 `<g>` has no attribute for them); a PO copy has none
  // and takes those of the exported unit.
  const hrefs = known.get(id) ?? linkNotes(notes)
  const sourceElement = children(unit, 'source')[0]
  const targetElement = children(unit, 'target')[0]
  const source = sourceElement ? readInlineContent(sourceElement, id, dialect, hrefs, issues) : { content: [], codes: [] }
  const target = targetElement ? readInlineContent(targetElement, id, dialect, hrefs, issues, source.codes, true) : undefined
  return {
    id,
    ...(group === undefined ? {} : { group }),
    ...where(unit),
    source: normalizePhrasing(source.content),
    sourceCodes: source.codes,
    ...(target ? { target: normalizePhrasing(target.content), targetCodes: target.codes } : {}),
    state: state(targetElement),
    stateGiven: targetElement?.hasAttribute('state') ?? false,
    notes,
    issues,
  }
}

// translate-toolkit's po2xliff, given the exported file as template, keeps it as it is and adds a
// second file (datatype "po") with a translated copy of each unit (plain text, no notes): the copy's
// target fills the template unit's missing one, and the added file is dropped.
function mergePoFile(files: { id: string; units: ReadUnit[] }[], po: Element[]): { id: string; units: ReadUnit[] }[] {
  const byId = new Map(files.flatMap((file) => file.units.map((unit) => [unit.id, unit] as const)))
  const left: ReadUnit[] = []
  const known = new Map([...byId].map(([id, unit]) => [id, linkNotes(unit.notes)]))
  for (const copy of po.flatMap((file) => children(file, 'body').flatMap((body) => unitsOf(body, undefined, known)))) {
    const unit = byId.get(copy.id)
    if (unit && !unit.target && copy.target) {
      Object.assign(unit, { target: copy.target, targetCodes: copy.targetCodes, state: copy.state, issues: [...unit.issues, ...copy.issues] })
    } else if (!unit) left.push(copy)
  }
  // A unit of the PO file that the template lacks is reported as an unknown unit of the first file.
  return left.length && files[0] ? [{ ...files[0], units: [...files[0].units, ...left] }, ...files.slice(1)] : files
}

function unitsOf(node: Element, group?: string, known: Hrefs = new Map()): ReadUnit[] {
  return children(node).flatMap((child) =>
    child.localName === 'trans-unit'
      ? child.getAttribute('restype') === 'x-gettext-domain-header'
        ? []
        : [readTransUnit(child, group, known)]
      : child.localName === 'group'
        ? unitsOf(child, child.getAttribute('resname') || child.getAttribute('id') || group, known)
        : [],
  )
}

/** Reads an XLIFF 1.2 root into the same shape as an XLIFF 2 file: a file's id is its `original` after the last `/`. */
export function readXliff12(root: Element): { success: true; data: ReadXliff } | { success: false; issues: Issue[] } {
  const all = children(root, 'file')
  const po = all.filter((file) => file.getAttribute('datatype') === 'po')
  const files = all.length > po.length ? all.filter((file) => !po.includes(file)) : all
  const first = files[0]
  if (root.localName !== 'xliff' || !first) {
    return { success: false, issues: [{ code: 'not_xliff', message: `expected an XLIFF 1.2 document with at least one <file>; found <${root.localName}> with ${files.length} files`, path: [] }] }
  }
  const trgLang = first.getAttribute('target-language')
  return {
    success: true,
    data: {
      version: root.getAttribute('version') ?? '1.2',
      srcLang: first.getAttribute('source-language') ?? '',
      ...(trgLang ? { trgLang } : {}),
      files: mergePoFile(
        files.map((file) => ({
          id: (file.getAttribute('original') ?? '').split('/').pop() ?? '',
          units: children(file, 'body').flatMap((body) => unitsOf(body)),
        })),
        files === all ? [] : po,
      ),
    },
  }
}
