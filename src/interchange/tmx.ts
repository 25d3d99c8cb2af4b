import type { Alignment } from '../diff/align-documents.js'
import { el, textEl, writeXml } from './xml.js'

/**
 * Writes the matched pairs of an alignment as a TMX 1.4 translation memory (valid against
 * tmx14.dtd): one `tu` per matched clause (`tuid` = the clause id), one `tuv` per language with the
 * clause's text as its `seg`. Missing, extra, structurally different and untranslated clauses are
 * left out, so a CAT tool never proposes them. No dates are written: the same alignment gives the same bytes.
 * @param alignment the result of `alignDocuments`
 * @returns the TMX document as a string
 */
export function toTmx(alignment: Alignment): string {
  const { sourceLanguage, targetLanguage } = alignment
  const units = alignment.rows
    .filter((row) => row.status === 'matched' && row.source !== null && row.target !== null)
    .map((row) =>
      el('tu', { tuid: row.id }, [
        textEl('prop', { type: 'x-label' }, [row.label]),
        el('tuv', { 'xml:lang': sourceLanguage }, [textEl('seg', {}, [row.source!])]),
        el('tuv', { 'xml:lang': targetLanguage }, [textEl('seg', {}, [row.target!])]),
      ]),
    )
  const header = el('header', {
    creationtool: 'declaration-kit',
    creationtoolversion: '1',
    segtype: 'paragraph',
    'o-tmf': 'declaration-kit',
    adminlang: 'en',
    srclang: sourceLanguage,
    datatype: 'plaintext',
  })
  const xml = writeXml(el('tmx', { version: '1.4' }, [header, el('body', {}, units)]))
  return xml.replace('?>\n', '?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n')
}
