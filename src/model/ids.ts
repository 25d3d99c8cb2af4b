/** Positional ids a clause gets when its source does not pin one (`<!-- id: … -->` in Markdown). Indexes are 0-based. */
export const positionalId = {
  preamble: (index: number) => `preamble-${index + 1}`,
  objective: (index: number) => `objective-${index + 1}`,
  section: (index: number) => `section-${index + 1}`,
  sectionParagraph: (section: number, index: number) => `section-${section + 1}-${index + 1}`,
  endorsement: () => 'endorsement',
  endorsementItem: (index: number) => `endorsement-${index + 1}`,
  addressee: (index: number) => `addressee-${index + 1}`,
  body: (index: number) => `body-${index + 1}`,
  annex: (index: number) => `annex-${index + 1}`,
} as const
