import type { Declaration } from '../../model/declaration.js'
import { toRoman } from '../../model/roman.js'
import { attributeList, escapeHtml } from './escape.js'
import { phrasingHtml } from './inline.js'
import { heading, type Scope } from './scope.js'

/**
 * The HTML of a declaration: its title as the heading of `scope.level`, the preamble and the operative
 * part as sections, the objectives as an ordered list that keeps the printed numerals, then the headed sections.
 */
export function declarationHtml(doc: Declaration, scope: Scope): string {
  const id = (value: string) => attributeList({ id: scope.id(value) })
  const parts: string[] = [heading(scope.level, id('title'), escapeHtml(doc.title))]
  const preamble = doc.preamble.map((clause) => `<p class="lead"${id(clause.id)}><em>${escapeHtml(clause.lead)}</em> ${phrasingHtml(clause.text)}</p>`)
  parts.push(`<section class="preamble"><p>${phrasingHtml(doc.opening)}</p>${preamble.join('')}</section>`)
  const objectives = doc.objectives.map(
    (objective) => `<li${id(objective.id)}><span class="num">${toRoman(objective.number)}.</span> <strong>${escapeHtml(objective.title)}:</strong> ${phrasingHtml(objective.text)}</li>`,
  )
  parts.push(`<section class="operative"><p>${phrasingHtml(doc.chapeau)}</p>${objectives.length ? `<ol class="numbered">${objectives.join('')}</ol>` : ''}</section>`)
  for (const section of doc.sections) {
    const paragraphs = section.paragraphs.map((paragraph) => `<p${id(paragraph.id)}>${phrasingHtml(paragraph.text)}</p>`)
    const headingId = scope.id(`${section.id}-heading`)
    parts.push(`<section${id(section.id)} aria-labelledby="${escapeHtml(headingId)}">${heading(scope.level + 1, attributeList({ id: headingId }), escapeHtml(section.title))}${paragraphs.join('')}</section>`)
  }
  if (doc.endorsement) {
    const items = doc.endorsement.items.map((item) => `<li${id(item.id)}>${phrasingHtml(item.text)}</li>`)
    parts.push(`<div class="endorsement"${id(doc.endorsement.id)}><p>${phrasingHtml(doc.endorsement.note)}</p><ul>${items.join('')}</ul></div>`)
  }
  return parts.join('\n')
}
