import type { Document } from '../model/document.js'
import { sourceHash } from './hash.js'
import { unitContent, type ExportUnit } from './xliff-export.js'
import { inlineToXliff12, linkNoteFrom, XLIFF12_NAMESPACE } from './xliff12-inline.js'
import { el, textEl, type XmlElement } from './xml.js'

/** XLIFF 2 segment states as XLIFF 1.2 target states; a carried target whose source changed needs review. */
export function xliff12State(state: string, stale: boolean): string {
  if (stale) return 'needs-review-translation'
  return { initial: 'new', translated: 'translated', reviewed: 'signed-off', final: 'final' }[state] ?? 'new'
}

function transUnit(entry: ExportUnit, sourceChanged: string): XmlElement {
  const { unit, target } = entry
  const source = inlineToXliff12(unitContent(unit, unit.content))
  const notes = [
    textEl('note', { from: 'label' }, [unit.label]),
    textEl('note', { from: 'source-hash' }, [sourceHash(unit.content)]),
    ...source.links.map(([id, url]) => textEl('note', { from: linkNoteFrom(id), annotates: 'source' }, [url])),
    ...(target?.sourceDiff !== undefined ? [textEl('note', { from: 'source-diff' }, [`${sourceChanged}: ${target.sourceDiff}`])] : []),
  ]
  return el('trans-unit', { id: entry.id, resname: unit.id, 'xml:space': 'preserve' }, [
    textEl('source', {}, source.nodes),
    ...(target ? [textEl('target', { state: xliff12State(target.state, target.sourceDiff !== undefined) }, inlineToXliff12(unitContent(unit, target.content)).nodes)] : []),
    ...notes,
  ])
}

/**
 * The XLIFF 1.2 root of a document's units (strict schema): one `file` (`original` names the
 * document), one `group` per part, one `trans-unit` per unit with source, target, and notes
 * (`from="label"`, `from="source-hash"`, a `from="link-N"` note per link code with its URL).
 */
export function xliff12Element(doc: Document, targetLanguage: string, groups: Map<string, { name: string; members: ExportUnit[] }>, sourceChanged: string): XmlElement {
  const body = el(
    'body',
    {},
    [...groups].map(([id, { name, members }]) => el('group', { id, resname: name }, members.map((entry) => transUnit(entry, sourceChanged)))),
  )
  const file = el('file', { original: `${doc.type}/${doc.id}`, 'source-language': doc.language, 'target-language': targetLanguage, datatype: 'plaintext' }, [body])
  return el('xliff', { xmlns: XLIFF12_NAMESPACE, version: '1.2' }, [file])
}
