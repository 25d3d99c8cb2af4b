import { localeFor } from '../i18n/index.js'
import type { Declaration } from '../model/declaration.js'
import type { Letter } from '../model/letter.js'
import { annexLine, referenceLines } from '../render/text.js'
import { declarationDoc } from './akn-declaration.js'
import { inlineToAkn, paragraph } from './akn-inline.js'
import { aknMeta } from './akn-meta.js'
import { el, type XmlElement, type XmlNode } from './xml.js'

function referenceLine(doc: Letter, line: ReturnType<typeof referenceLines>[number]): XmlNode {
  const { separator } = localeFor(doc.language).labels
  const value: XmlNode =
    line.field === 'reference' ? el('docNumber', {}, [line.value]) : line.field === 'email' ? el('a', { href: `mailto:${line.value}` }, [line.value]) : line.value
  return paragraph([`${line.label}${separator}`, value])
}

/**
 * The `doc name="circular"` element of a letter: letterhead, reference block, addressees and
 * subject in the preface; salutation and body in the main body; signature and annex lines in the
 * conclusions; each annexed declaration as an `attachment` (`att_1`, `att_2` …).
 */
export function letterDoc(doc: Letter, annexes: readonly Declaration[]): XmlElement {
  const locale = localeFor(doc.language)
  const { labels } = locale
  const preface = el('preface', {}, [
    paragraph([doc.office]),
    paragraph([el('docDate', { date: doc.date }, [locale.dateLine(doc.place, doc.date)])]),
    ...referenceLines(doc).map((line) => referenceLine(doc, line)),
    ...(doc.addressees.length
      ? [el('blockList', { eId: 'addressees' }, doc.addressees.map((a, i) => el('item', { eId: `addressees__item_${i + 1}` }, [paragraph(inlineToAkn(a.text))])))]
      : []),
    paragraph([`${labels.subject}${labels.separator}`, el('docTitle', {}, [doc.subject])]),
  ])
  const mainBody = el('mainBody', {}, [
    paragraph([doc.salutation]),
    ...doc.body.map((p, i) => el('paragraph', { eId: `para_${i + 1}` }, [el('content', {}, [paragraph(inlineToAkn(p.text))])])),
  ])
  const conclusions = el('conclusions', {}, [
    ...(doc.signed ? [paragraph([labels.signed])] : []),
    paragraph([
      el('signature', {}, [
        el('person', { refersTo: '#signatory' }, [doc.signatory.name]),
        el('eol'),
        el('role', { refersTo: '#signatoryRole' }, [doc.signatory.title]),
      ]),
    ]),
    ...doc.annexes.map((_, i) => paragraph([annexLine(doc, i)])),
  ])
  const attachments = annexes.map((annexed, i) =>
    el('attachment', { eId: `att_${i + 1}` }, [declarationDoc(annexed, doc.date, doc.office, `att_${i + 1}__`, { name: `annex_${i + 1}` })]),
  )
  return el('doc', { name: 'circular' }, [
    aknMeta(doc, doc.date, doc.office),
    preface,
    mainBody,
    conclusions,
    ...(attachments.length ? [el('attachments', {}, attachments)] : []),
  ])
}
