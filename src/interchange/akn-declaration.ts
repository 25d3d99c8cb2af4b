import type { Declaration } from '../model/declaration.js'
import { toRoman } from '../model/roman.js'
import { inlineToAkn, paragraph } from './akn-inline.js'
import { aknMeta } from './akn-meta.js'
import { el, textEl, type XmlElement } from './xml.js'

/**
 * The `doc name="declaration"` element of a declaration. eIds follow the AKN naming convention and
 * depend only on structure (`preamble__recs_1__rec_2`, `objectives__para_III`, `section_1__para_1`),
 * so every language version has the same ones; `prefix` (`att_1__`) places them inside an attachment.
 */
export function declarationDoc(doc: Declaration, date: string, issuer: string, prefix = ''): XmlElement {
  const id = (eId: string) => `${prefix}${eId}`
  const recitals = doc.preamble.map((clause, i) =>
    el('recital', { eId: id(`preamble__recs_1__rec_${i + 1}`) }, [paragraph([el('i', {}, [clause.lead]), ' ', ...inlineToAkn(clause.text)])]),
  )
  const objectives = el('hcontainer', { name: 'objectives', eId: id('objectives') }, [
    el('intro', {}, [paragraph(inlineToAkn(doc.chapeau))]),
    ...doc.objectives.map((objective) => {
      const number = toRoman(objective.number)
      return el('paragraph', { eId: id(`objectives__para_${number}`) }, [
        textEl('num', {}, [`${number}.`]),
        textEl('heading', {}, [objective.title]),
        el('content', {}, [paragraph(inlineToAkn(objective.text))]),
      ])
    }),
  ])
  const sections = doc.sections.map((section, i) =>
    el('hcontainer', { name: 'section', eId: id(`section_${i + 1}`) }, [
      textEl('heading', {}, [section.title]),
      ...section.paragraphs.map((p, j) =>
        el('paragraph', { eId: id(`section_${i + 1}__para_${j + 1}`) }, [el('content', {}, [paragraph(inlineToAkn(p.text))])]),
      ),
    ]),
  )
  const { endorsement } = doc
  return el('doc', { name: 'declaration' }, [
    aknMeta(doc, date, issuer, prefix),
    el('preface', {}, [el('longTitle', {}, [paragraph([el('docTitle', {}, [doc.title])])])]),
    el('preamble', {}, [
      el('formula', { name: 'enactingFormula', eId: id('preamble__formula_1') }, [paragraph(inlineToAkn(doc.opening))]),
      ...(recitals.length ? [el('recitals', { eId: id('preamble__recs_1') }, recitals)] : []),
    ]),
    el('mainBody', {}, [objectives, ...sections]),
    ...(endorsement
      ? [
          el('conclusions', {}, [
            el('blockList', { eId: id('endorsement') }, [
              textEl('listIntroduction', {}, inlineToAkn(endorsement.note)),
              ...endorsement.items.map((item, i) => el('item', { eId: id(`endorsement__item_${i + 1}`) }, [paragraph(inlineToAkn(item.text))])),
            ]),
          ]),
        ]
      : []),
  ])
}
