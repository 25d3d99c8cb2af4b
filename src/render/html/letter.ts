import type { Letter } from '../../model/letter.js'
import { isSafeLink } from '../../model/links.js'
import type { ResolvedAnnex } from '../annexes.js'
import { annexLine, referenceLines } from '../text.js'
import { declarationHtml } from './declaration.js'
import { attributeList, element, escapeHtml } from './escape.js'
import { phrasingHtml } from './inline.js'
import { scopeFor, type Scope } from './scope.js'

/**
 * The HTML of a circular letter in the reading order of its PDF: office and date line, the reference
 * block then the addressees, the subject (the page's one `<h1>`), salutation, body and signature, then
 * each annexed declaration as a section of its own in its own language (or only the annex lines).
 */
export function letterHtml(letter: Letter, annexes: readonly ResolvedAnnex[], scope: Scope): string {
  const { labels } = scope.locale
  const id = (value: string) => attributeList({ id: scope.id(value) })
  const references = referenceLines(letter).map(({ label, value, field }) => {
    const shown = field === 'reference' ? `<strong>${escapeHtml(value)}</strong>` : field === 'email' && isSafeLink(`mailto:${value}`) ? element('a', { href: `mailto:${value}` }, escapeHtml(value)) : escapeHtml(value)
    return `<div><dt>${escapeHtml(`${label}${labels.separator}`.trimEnd())}</dt><dd>${shown}</dd></div>`
  })
  const addressees = letter.addressees.map((addressee) => `<li${id(addressee.id)}>${phrasingHtml(addressee.text)}</li>`)
  const parts = [
    `<header class="letterhead"><p class="office"><strong>${escapeHtml(letter.office)}</strong></p><p class="date">${escapeHtml(scope.locale.dateLine(letter.place, letter.date))}</p></header>`,
    `<div class="letter-block"><dl class="reference">${references.join('')}</dl>${addressees.length ? `<ul class="addressees">${addressees.join('')}</ul>` : ''}</div>`,
    `<h1 class="subject">${escapeHtml(`${labels.subject}${labels.separator}`)}<strong>${escapeHtml(letter.subject)}</strong></h1>`,
    `<p>${escapeHtml(letter.salutation)}</p>`,
    ...letter.body.map((paragraph) => `<p${id(paragraph.id)}>${phrasingHtml(paragraph.text)}</p>`),
    `<div class="signature">${letter.signed ? `<p>${escapeHtml(labels.signed)}</p>` : ''}<p>${escapeHtml(letter.signatory.name)}<br>${escapeHtml(letter.signatory.title)}</p></div>`,
  ]
  if (annexes.length === 0) {
    letter.annexes.forEach((annex, index) => parts.push(`<p class="annex-line"${id(annex.id)}>${escapeHtml(annexLine(letter, index))}</p>`))
  }
  annexes.forEach(({ annex, document }, index) => {
    const headingId = scope.id(`${annex.id}-heading`)
    // The annexed declaration keeps its own language and its ids, prefixed with the annex's so they stay unique.
    const inner = declarationHtml(document, scopeFor(document.language, 3, `${scope.id(annex.id)}-`))
    const lang = document.language === letter.language ? undefined : document.language
    parts.push(
      `<section class="annex"${id(annex.id)} aria-labelledby="${escapeHtml(headingId)}">` +
        `<h2 id="${escapeHtml(headingId)}">${escapeHtml(annexLine(letter, index))}</h2>\n` +
        `<article class="declaration"${attributeList({ lang })}>\n${inner}\n</article></section>`,
    )
  })
  return parts.join('\n')
}
