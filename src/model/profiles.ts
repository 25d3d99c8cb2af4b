import type { Block, Declaration, DeclarationProfile, List, Paragraph } from './declaration.js'
import { phrasingText } from './inline.js'
import type { Issue } from './issues.js'
import { localeFor } from '../i18n/index.js'
import { toRoman } from './roman.js'
import { describeBlock, paragraphContent, printedBlocks, type ModelPath } from './walk.js'

/** The rules a declaration profile adds on top of the generic validation: data, and the check that applies it. */
export interface ProfileRules {
  /** What the profile expects, in a sentence. */
  description: string
  /** The preambular paragraphs it expects (each with an italic lead), when it fixes their number. */
  preambularParagraphs?: number
  /** The numbered operative paragraphs it expects, when it fixes their number. */
  operativeParagraphs?: number
  /** Titles of the required sections, in the profile's own language. */
  sections?: readonly string[]
  /** The language the section titles are written in; translations are checked by section count. */
  language?: string
  check(doc: Declaration, rules: ProfileRules, name: DeclarationProfile): Issue[]
}

// The last printed character, before any footnote mark ("… resolution 72/4;[^1]" ends with ";").
const lastChar = (paragraph: Paragraph): string =>
  phrasingText(paragraphContent(paragraph).filter((node) => node.type !== 'footnoteReference')).trimEnd().slice(-1)

const clip = (value: string): string => (value.length > 40 ? `${value.slice(0, 37)}…` : value)

/**
 * The issue of a paragraph that lacks its italic lead: a paragraph that is only an italic phrase has its
 * lead but no text; any other is quoted so that the reader sees which one it is.
 */
function leadIssue(paragraph: Paragraph, label: string, expectation: string): { code: string; message: string } {
  const [only, ...rest] = paragraph.text
  if (only?.type === 'emphasis' && rest.every((node) => node.type === 'text' && /^[\s,;:.]*$/u.test(node.value))) {
    return { code: 'empty_text', message: `${label}: expected text after the italic lead "${phrasingText(only.children)}"` }
  }
  return { code: 'missing_lead', message: `${label} "${clip(phrasingText(paragraph.text))}": ${expectation}` }
}

/** The top-level lists of a declaration's body, with their paths. */
function bodyLists(doc: Declaration): [List, ModelPath][] {
  return doc.body.flatMap((block, index): [List, ModelPath][] => (block.type === 'list' ? [[block, ['body', index]]] : []))
}

function sections(blocks: readonly Block[]): Extract<Block, { type: 'section' }>[] {
  return blocks.flatMap((block) => (block.type === 'section' ? [block] : []))
}

function checkCop29(doc: Declaration, rules: ProfileRules, name: DeclarationProfile): Issue[] {
  const issues: Issue[] = []
  const issue = (code: string, message: string, path: ModelPath) => issues.push({ code, message, path })
  const preamble = doc.preamble
  if (!preamble?.formula) issue('profile_formula', `preamble: the ${name} profile opens with a formula ("We, …;") before the preambular paragraphs`, ['preamble'])
  const recitals = preamble?.paragraphs ?? []
  const expected = rules.preambularParagraphs!
  recitals.forEach((paragraph, index) => {
    if (index >= expected) issue('profile_count', `preambular paragraph ${index + 1}: the ${name} profile has exactly ${expected} preambular paragraphs`, ['preamble', 'paragraphs', index])
    else if (!paragraph.lead) {
      const { code, message } = leadIssue(paragraph, `preambular paragraph ${index + 1}`, `expected its lead phrase in italics at the start (*${localeFor(doc.language).parts.exampleLead}* …)`)
      issue(code, message, ['preamble', 'paragraphs', index])
    }
  })
  if (recitals.length < expected) issue('profile_count', `preamble: the ${name} profile has exactly ${expected} preambular paragraphs; found ${recitals.length}`, ['preamble'])
  const [objectives] = bodyLists(doc)
  const count = rules.operativeParagraphs!
  if (!objectives || doc.body[0]?.type !== 'list') {
    issue('profile_objectives', `body: the ${name} profile starts its operative part with the chapeau and a list of ${count} objectives (- I. **Title:** text)`, ['body'])
  } else {
    const [list, path] = objectives
    if (!list.intro) issue('profile_chapeau', `objectives: the ${name} profile introduces the objectives with a chapeau ending with ":"`, path)
    list.items.forEach((item, index) => {
      const here = [...path, 'items', index]
      if (index >= count) return issue('profile_count', `objective "${item.num ?? index + 1}": the ${name} profile has exactly ${count} objectives`, here)
      if (item.num !== `${toRoman(index + 1)}.`) issue('objective_number', `objective ${index + 1}: expected the number "${toRoman(index + 1)}." (objectives are numbered in order from I); found ${item.num ? `"${item.num}"` : 'none'}`, [...here, 'num'])
      if (!item.title?.endsWith(':')) issue('invalid_objective', `objective ${index + 1}: expected a bold title ending with a colon (- ${toRoman(index + 1)}. **Title:** text)`, here)
    })
    if (list.items.length < count) issue('profile_count', `objectives: the ${name} profile has exactly ${count} objectives; found ${list.items.length}`, path)
  }
  const headed = sections(doc.body)
  const titles = headed.map((section) => section.heading)
  const required = rules.sections ?? []
  // A missing or misnamed section is reported where the sections begin.
  const sectionsAt: ModelPath = headed.length ? ['body', doc.body.indexOf(headed[0]!)] : ['body']
  if (doc.language.split('-')[0]!.toLowerCase() !== rules.language) {
    // A translation carries the sections under translated titles: check that they are all there.
    if (titles.length < required.length) issue('profile_section', `sections: the ${name} profile needs ${required.length} sections (${required.join(', ')}); found ${titles.length}`, sectionsAt)
  } else {
    for (const title of required) {
      if (!titles.includes(title)) issue('profile_section', `sections: the ${name} profile needs a section "${title}"; found ${titles.length ? titles.map((t) => `"${t}"`).join(', ') : 'none'}`, sectionsAt)
    }
  }
  const last = headed[headed.length - 1]
  const endorsement = last?.body[last.body.length - 1]
  if (last && (endorsement?.type !== 'list' || !endorsement.intro)) {
    issue('profile_endorsement', `section "${last.heading}": the ${name} profile ends with the endorsement, a lead-in ending with ":" and its list (- Any official written communications …)`, ['body', doc.body.indexOf(last)])
  }
  return issues
}

function checkResolution(doc: Declaration, _rules: ProfileRules, name: DeclarationProfile): Issue[] {
  const issues: Issue[] = []
  const issue = (code: string, message: string, path: ModelPath) => issues.push({ code, message, path })
  const formula = doc.preamble?.formula
  if (!formula) issue('profile_formula', `preamble: a ${name} opens with the formula naming the organ, in italics and ending with "," (*The General Assembly*,)`, ['preamble'])
  else {
    const text = phrasingText(formula.text)
    if (!text.trimEnd().endsWith(',')) issue('profile_punctuation', `formula "${text}": expected it to end with ","`, ['preamble', 'formula'])
  }
  for (const [index, paragraph] of (doc.preamble?.paragraphs ?? []).entries()) {
    const path = ['preamble', 'paragraphs', index]
    if (!paragraph.lead) {
      const { code, message } = leadIssue(paragraph, `preambular paragraph ${index + 1}`, `expected its lead in italics at the start (*${localeFor(doc.language).parts.exampleLead}* …)`)
      issue(code, message, path)
    }
    if (lastChar(paragraph) !== ',') issue('profile_punctuation', `preambular paragraph ${index + 1}: expected it to end with "," (found "${lastChar(paragraph)}")`, path)
  }
  const items = bodyLists(doc).flatMap(([list, path]) => list.items.map((item, index): [Paragraph, ModelPath] => [item, [...path, 'items', index]]))
  if (!items.length) issue('profile_operative', `body: a ${name} has numbered operative paragraphs (1. *Decides* …)`, ['body'])
  items.forEach(([item, path], index) => {
    const label = `operative paragraph ${item.num ?? index + 1}`
    if (item.num !== `${index + 1}.`) issue('paragraph_number', `${label}: expected the number "${index + 1}." (operative paragraphs are numbered 1 to ${items.length} in order)`, [...path, 'num'])
    if (!item.lead) {
      const { code, message } = leadIssue(item, label, `expected its operative verb in italics at the start (*${localeFor(doc.language).parts.exampleVerb}* …)`)
      issue(code, message, path)
    }
    const end = index === items.length - 1 ? '.' : ';'
    if (lastChar(item) !== end && !(item.children?.length)) issue('profile_punctuation', `${label}: expected it to end with "${end}" (found "${lastChar(item)}")`, path)
  })
  return issues
}

/** The declaration profiles and their rules. */
export const profiles: Record<DeclarationProfile, ProfileRules> = {
  cop29: {
    description: 'the COP29 Declaration on Green Digital Action: formula, 8 italic-lead preambular paragraphs, a chapeau and 8 titled objectives I–VIII, the sections Implementation Framework and Collaboration, the endorsement',
    preambularParagraphs: 8,
    operativeParagraphs: 8,
    sections: ['Implementation Framework', 'Collaboration'],
    language: 'en',
    check: checkCop29,
  },
  'un-resolution': {
    description: 'a UN resolution: the formula naming the organ ending with ",", preambular paragraphs with italic leads ending with ",", operative paragraphs numbered 1…n each opening with an italic verb, ending with ";" except the last, "."',
    check: checkResolution,
  },
}

/** Checks a declaration against the rules of a named profile. */
export function checkProfile(doc: Declaration, name: DeclarationProfile): Issue[] {
  const rules = profiles[name]
  return rules.check(doc, rules, name)
}

/** Names the block at a model path, for messages (`operative paragraph "3."`). */
export function blockAt(doc: Declaration, path: ModelPath): string | undefined {
  const key = path.join('.')
  const found = printedBlocks(doc).find((block) => block.path.join('.') === key)
  return found ? describeBlock(found) : undefined
}
