import type { Block, Declaration, Paragraph } from '../model/declaration.js'
import { phrasingText, type Inline } from '../model/inline.js'
import { startsWithPunctuation } from '../model/walk.js'
import { inlineToAkn, paragraph, type NoteWriter } from './akn-inline.js'
import { aknMeta, type Component } from './akn-meta.js'
import { el, textEl, type XmlElement, type XmlNode } from './xml.js'

/** The number of a paragraph as AKN eIds write it: "III." -> "III", "(a)" -> "a". */
const eIdNumber = (num: string | undefined, ordinal: number): string => num?.replace(/[^A-Za-z0-9]/g, '') || String(ordinal)

interface Writer {
  notes: NoteWriter
  id: (eId: string) => string
  /** The eId itself when unused, else with `_2`, `_3` … (an unnumbered paragraph 1 beside a paragraph numbered "1."). */
  unique: (eId: string) => string
}

function inline(writer: Writer, content: readonly Inline[]): XmlNode[] {
  return inlineToAkn(content, writer.notes)
}

/** A paragraph's text with its italic lead as `<i>` (its number and title are elements of their own). */
function paragraphText(writer: Writer, model: Paragraph): XmlNode[] {
  const lead: XmlNode[] = model.lead ? [el('i', {}, [model.lead]), ...(model.text.length && !startsWithPunctuation(model.text) ? [' '] : [])] : []
  return [...lead, ...inline(writer, model.text)]
}

function hierarchy(writer: Writer, model: Paragraph, tag: 'paragraph' | 'subparagraph', wanted: string): XmlElement {
  const eId = writer.unique(wanted)
  const head = [...(model.num ? [textEl('num', {}, [model.num])] : []), ...(model.title ? [textEl('heading', {}, [model.title])] : [])]
  const text = paragraph(paragraphText(writer, model))
  if (!model.children?.length) return el(tag, { eId: writer.id(eId) }, [...head, el('content', {}, [text])])
  const children = subparagraphs(writer, model.children, eId)
  return el(tag, { eId: writer.id(eId) }, [...head, ...(model.text.length || model.lead ? [el('intro', {}, [text])] : []), ...children])
}

/** Sub-paragraphs of a paragraph: its nested lists' items (with their lead-ins) and paragraphs. */
function subparagraphs(writer: Writer, blocks: readonly Block[], parent: string): XmlElement[] {
  let ordinal = 0
  return blocks.flatMap((block): XmlElement[] => {
    if (block.type === 'paragraph') return [hierarchy(writer, block, 'subparagraph', `${parent}__subpara_${eIdNumber(block.num, ++ordinal)}`)]
    if (block.type === 'list') {
      const intro = block.intro ? [el('subparagraph', { eId: writer.id(writer.unique(`${parent}__subpara_intro_${ordinal + 1}`)) }, [el('content', {}, [paragraph(paragraphText(writer, block.intro))])])] : []
      return [...intro, ...block.items.map((item) => hierarchy(writer, item, 'subparagraph', `${parent}__subpara_${eIdNumber(item.num, ++ordinal)}`))]
    }
    if (block.type === 'section') return [el('hcontainer', { name: 'section', eId: writer.id(`${parent}__hcontainer_${++ordinal}`) }, [textEl('heading', {}, [block.heading]), ...subparagraphs(writer, block.body, `${parent}__hcontainer_${ordinal}`)])]
    return []
  })
}

/** The blocks of a body (the main body, a section, an annex) as AKN hierarchy: paragraphs, lists as containers with an intro, sections. */
function bodyElements(writer: Writer, blocks: readonly Block[], prefix: string): XmlElement[] {
  let paragraphs = 0
  let lists = 0
  let sections = 0
  return blocks.flatMap((block): XmlElement[] => {
    switch (block.type) {
      case 'paragraph':
        return [hierarchy(writer, block, 'paragraph', `${prefix}para_${eIdNumber(block.num, ++paragraphs)}`)]
      case 'list': {
        const eId = `${prefix}list_${++lists}`
        return [
          el('hcontainer', { name: block.ordered ? 'numberedParagraphs' : 'paragraphs', eId: writer.id(eId) }, [
            ...(block.intro ? [el('intro', {}, [paragraph(paragraphText(writer, block.intro))])] : []),
            ...block.items.map((item) => hierarchy(writer, item, 'paragraph', `${eId}__para_${eIdNumber(item.num, ++paragraphs)}`)),
          ]),
        ]
      }
      case 'section': {
        const eId = `${prefix}sec_${++sections}`
        return [el('hcontainer', { name: 'section', eId: writer.id(eId) }, [textEl('heading', {}, [block.heading]), ...bodyElements(writer, block.body, `${eId}__`)])]
      }
      case 'separator':
        return []
    }
  })
}

/** The AKN name of a declaration: a resolution when its profile or symbol says so. */
export function statementName(doc: Declaration): 'resolution' | 'declaration' {
  return doc.profile === 'un-resolution' || /\/RES\//.test(doc.symbol ?? '') ? 'resolution' : 'declaration'
}

/**
 * The `statement` element of a declaration or resolution (AKN's document type for both): the title
 * block as `preface`, formula and recitals in `preamble`, numbered `paragraph`/`subparagraph` with
 * `num` in `mainBody`, closing lines as `conclusions`, annexes as `attachments`, footnotes as
 * `authorialNote` where they are referred to. eIds follow the AKN naming convention and depend only
 * on structure and numbers (`preamble__recs_1__rec_2`, `list_1__para_III`, `sec_1__para_1`), so every
 * language version has the same ones; `prefix` (`att_1__`) places them inside an attachment.
 */
export function declarationDoc(doc: Declaration, date: string, issuer: string, prefix = '', component?: Component): XmlElement {
  const id = (eId: string) => `${prefix}${eId}`
  const notes: NoteWriter = (label) => {
    const note = doc.footnotes.find((candidate) => candidate.label === label)
    return note ? el('authorialNote', { marker: label, placement: 'bottom', eId: id(`authorialNote_${label.replace(/[^A-Za-z0-9]/g, '_')}`) }, [paragraph(inlineToAkn(note.text))]) : undefined
  }
  const used = new Set<string>()
  const unique = (eId: string) => {
    let found = eId
    for (let n = 2; used.has(found); n++) found = `${eId}_${n}`
    used.add(found)
    return found
  }
  const writer: Writer = { notes, id, unique }
  const preamble = doc.preamble
  const recitals = (preamble?.paragraphs ?? []).map((clause, i) => el('recital', { eId: id(`preamble__recs_1__rec_${i + 1}`) }, [paragraph(paragraphText(writer, clause))]))
  const preface = [
    ...doc.preface.map((line) => paragraph(inline(writer, line.text))),
    el('longTitle', {}, [paragraph([el('docTitle', {}, [doc.title])])]),
    ...(doc.subtitle ? [paragraph([el('docStage', {}, [phrasingText(doc.subtitle)])])] : []),
  ]
  const annexes = doc.annexes.map((annex, i) =>
    el('attachment', { eId: id(`att_${i + 1}`) }, [
      el('doc', { name: 'annex' }, [
        aknMeta(doc, date, issuer, `${prefix}att_${i + 1}__`, { name: `annex_${i + 1}` }),
        el('preface', {}, [el('longTitle', {}, [paragraph([el('docTitle', {}, [annex.heading])])])]),
        el('mainBody', {}, bodyElements(writer, annex.body, `att_${i + 1}__`)),
      ]),
    ]),
  )
  // eIds are written without `prefix`: `writer.id` adds it.
  const main = bodyElements(writer, doc.body, '')
  return el('statement', { name: statementName(doc) }, [
    aknMeta(doc, date, issuer, prefix, component),
    el('preface', {}, preface),
    ...(preamble
      ? [
          el('preamble', {}, [
            ...(preamble.heading ? [el('container', { name: 'heading', eId: id('preamble__container_1') }, [paragraph([preamble.heading])])] : []),
            ...(preamble.formula ? [el('formula', { name: 'enactingFormula', eId: id('preamble__formula_1') }, [paragraph(inline(writer, preamble.formula.text))])] : []),
            ...(recitals.length ? [el('recitals', { eId: id('preamble__recs_1') }, recitals)] : []),
          ]),
        ]
      : []),
    el('mainBody', {}, main.length ? main : [paragraph([])]),
    ...(doc.closing.length ? [el('conclusions', {}, doc.closing.map((line) => paragraph(inline(writer, line.text))))] : []),
    ...(annexes.length ? [el('attachments', {}, annexes)] : []),
  ])
}
