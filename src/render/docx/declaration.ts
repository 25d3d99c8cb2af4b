import type { Paragraph } from 'docx'
import type { Declaration } from '../../model/declaration.js'
import { localeFor } from '../../i18n/index.js'
import { phrasingRuns, run, type RunContext } from './inline.js'
import { list } from './numbering.js'
import { styledParagraph as paragraph } from './paragraph.js'
import { characterStyle, paragraphStyle } from './styles.js'

/** Where a declaration is rendered: on its own, or as the annex of a letter. */
export interface DeclarationPlacement {
  /** The declaration follows a letter, so its title starts a new page. */
  annexed: boolean
  /** The runs' `w:lang` when it differs from the document's. */
  lang?: string
  /** Which list of objectives this is, so each annexed declaration counts from I again. */
  instance: number
}

/**
 * The paragraphs of a declaration, each with its named style: title, opening formula, preambular clauses with
 * their lead phrase, chapeau, the objectives as one Roman-numbered list, sections and endorsement.
 * @param doc the declaration
 * @param placement on its own or annexed, and the language of its runs
 * @returns docx paragraphs in reading order
 */
export function declarationParagraphs(doc: Declaration, placement: DeclarationPlacement): Paragraph[] {
  const context: RunContext = placement.lang ? { lang: placement.lang } : {}
  const { separator } = localeFor(doc.language).labels
  // "Title:" stays bold with its colon; the space after it is plain text.
  const [colon, space] = [separator.trimEnd(), separator.slice(separator.trimEnd().length)]
  return [
    paragraph(placement.annexed ? paragraphStyle.annexTitle : paragraphStyle.title, [run(doc.title, context)]),
    paragraph(paragraphStyle.opening, phrasingRuns(doc.opening, context)),
    ...doc.preamble.map((clause) =>
      paragraph(paragraphStyle.preambularClause, [run(clause.lead, context, characterStyle.leadPhrase), run(' ', context), ...phrasingRuns(clause.text, context)]),
    ),
    paragraph(paragraphStyle.chapeau, phrasingRuns(doc.chapeau, context)),
    ...doc.objectives.map((objective) =>
      paragraph(
        paragraphStyle.objective,
        [run(`${objective.title}${colon}`, context, characterStyle.objectiveTitle), run(space, context), ...phrasingRuns(objective.text, context)],
        { reference: list.objectives, instance: placement.instance },
      ),
    ),
    ...doc.sections.flatMap((section) => [
      paragraph(paragraphStyle.heading1, [run(section.title, context)]),
      ...section.paragraphs.map((clause) => paragraph(paragraphStyle.sectionText, phrasingRuns(clause.text, context))),
    ]),
    ...(doc.endorsement
      ? [
          paragraph(paragraphStyle.endorsement, phrasingRuns(doc.endorsement.note, context)),
          ...doc.endorsement.items.map((item) =>
            paragraph(paragraphStyle.endorsementItem, phrasingRuns(item.text, context), { reference: list.endorsement, instance: placement.instance }),
          ),
        ]
      : []),
  ]
}
