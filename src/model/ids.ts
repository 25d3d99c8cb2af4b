/** Positional ids a clause gets when its source does not pin one (`<!-- id: … -->` in Markdown). Indexes are 0-based. */
export const positionalId = {
  formula: () => 'formula',
  preamble: (index: number) => `preamble-${index + 1}`,
  /** The prefix of the paragraphs of a container: the body (`para-`), section 2 (`section-2-`), annex 1 (`annex-1-`). */
  section: (index: number) => `section-${index + 1}`,
  annexSection: (annex: number, index: number) => `annex-${annex + 1}-section-${index + 1}`,
  closing: (index: number) => `closing-${index + 1}`,
  footnote: (label: string) => `fn-${label}`,
  addressee: (index: number) => `addressee-${index + 1}`,
  body: (index: number) => `body-${index + 1}`,
  annex: (index: number) => `annex-${index + 1}`,
} as const

/** The id of the n-th (0-based) paragraph of a container whose ids start with `prefix` (`para-`, `section-2-`, `para-3-`). */
export const paragraphId = (prefix: string, index: number): string => `${prefix}${index + 1}`

/** The id of the n-th (0-based) list lead-in of a container (`intro-1`, `section-2-intro-1`). */
export const introId = (prefix: string, index: number): string => `${prefix === 'para-' ? '' : prefix}intro-${index + 1}`

/** Numbers the paragraphs and lead-ins of one container as the parser names them; a writer uses it to tell positional ids from pinned ones. */
export class ContainerIds {
  #paragraphs = 0
  #intros = 0
  constructor(readonly prefix: string) {}

  /** The positional id of the container's next paragraph or list item. */
  paragraph(): string {
    return paragraphId(this.prefix, this.#paragraphs++)
  }

  /** The positional id of the container's next list lead-in. */
  intro(): string {
    return introId(this.prefix, this.#intros++)
  }
}

/** The prefix of the ids of a container: the body, a section, an annex, or the sub-paragraphs of a paragraph. */
export const containerPrefix = {
  body: 'para-',
  section: (id: string) => `${id}-`,
  annex: (id: string) => `${id}-`,
  children: (id: string) => `${id}-`,
} as const
