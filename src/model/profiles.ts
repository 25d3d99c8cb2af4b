import type { Declaration, DeclarationProfile } from './declaration.js'
import type { Issue } from './issues.js'
import { toRoman } from './roman.js'

/** The rules a declaration profile adds on top of the generic validation. */
export interface ProfileRules {
  preambularClauses: number
  objectives: number
  /** Titles of the required sections, in the profile's own language. */
  sections: readonly string[]
  /** The language the section titles are written in; translations are checked by section count. */
  language: string
}

/** The declaration profiles and their rules. */
export const profiles: Record<DeclarationProfile, ProfileRules> = {
  cop29: {
    preambularClauses: 8,
    objectives: 8,
    sections: ['Implementation Framework', 'Collaboration'],
    language: 'en',
  },
}

/** Checks a declaration against the rules of a named profile. */
export function checkProfile(doc: Declaration, name: DeclarationProfile): Issue[] {
  const rules = profiles[name]
  const issues: Issue[] = []
  const count = (found: number, expected: number, what: string, path: (string | number)[], label: (i: number) => string) => {
    if (found > expected) {
      for (let index = expected; index < found; index++) {
        issues.push({
          code: 'profile_count',
          message: `${label(index)}: the ${name} profile has exactly ${expected} ${what}`,
          path: [...path, index],
        })
      }
    } else if (found < expected) {
      issues.push({
        code: 'profile_count',
        message: `${what}: the ${name} profile has exactly ${expected} ${what}; found ${found}`,
        path,
      })
    }
  }
  count(doc.preamble.length, rules.preambularClauses, 'preambular clauses', ['preamble'], (i) => `preambular clause ${i + 1}`)
  count(doc.objectives.length, rules.objectives, 'objectives', ['objectives'], (i) => `objective "${toRoman(doc.objectives[i]?.number ?? i + 1)}"`)
  const titles = doc.sections.map((section) => section.title)
  if (doc.language.split('-')[0]!.toLowerCase() !== rules.language) {
    // A translation carries the sections under translated titles: check that they are all there.
    if (titles.length < rules.sections.length) {
      issues.push({
        code: 'profile_section',
        message: `sections: the ${name} profile needs ${rules.sections.length} sections (${rules.sections.join(', ')}); found ${titles.length}`,
        path: ['sections'],
      })
    }
    return issues
  }
  for (const required of rules.sections) {
    if (!titles.includes(required)) {
      issues.push({
        code: 'profile_section',
        message: `sections: the ${name} profile needs a section "${required}"; found ${titles.length ? titles.map((t) => `"${t}"`).join(', ') : 'none'}`,
        path: ['sections'],
      })
    }
  }
  return issues
}
