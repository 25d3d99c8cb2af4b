/** Where a word may break with a hyphen: offsets (UTF-16 code units) of the parts after the first. */
export type Hyphenator = (word: string) => number[]

type Patterns = unknown
type CreateHyphenator = (patterns: Patterns, options?: { hyphenChar?: string; minWordLength?: number }) => (text: string) => string

// Liang patterns (TeX's hyph-*.tex, as packaged by `hyphen`) for the languages the documents use;
// imported only when a document in that language is rendered.
const patternLoaders: Record<string, () => Promise<{ default: Patterns }>> = {
  'en-gb': () => import('hyphen/patterns/en-gb.js'),
  'en-us': () => import('hyphen/patterns/en-us.js'),
  fr: () => import('hyphen/patterns/fr.js'),
  es: () => import('hyphen/patterns/es.js'),
  ru: () => import('hyphen/patterns/ru.js'),
}

/** The pattern set for a BCP 47 language tag: American English for en, en-US, en-CA; British English for the other English regions. */
export function patternsFor(language: string): string | undefined {
  const [primary = '', region = ''] = language.toLowerCase().split('-')
  if (primary === 'en') return ['', 'us', 'ca', 'ph'].includes(region) ? 'en-us' : 'en-gb'
  return Object.hasOwn(patternLoaders, primary) ? primary : undefined
}

const loaded = new Map<string, Promise<Hyphenator>>()

// Letters only (with the apostrophes of "l'adresse" and the like left to split the word first): no
// digits, no acronyms, nothing that is a code or an address.
const hyphenatable = /^[\p{Ll}\p{Lu}][\p{Ll}]+$/u

/**
 * The hyphenator of a language, or undefined when no patterns are bundled for it. A word is only broken
 * two letters or more from its start and three or more from its end (TeX's \lefthyphenmin and
 * \righthyphenmin for English and French), and never when it holds anything but letters.
 */
export async function loadHyphenator(language: string): Promise<Hyphenator | undefined> {
  const key = patternsFor(language)
  if (!key) return undefined
  let hyphenator = loaded.get(key)
  if (!hyphenator) {
    hyphenator = Promise.all([import('hyphen'), patternLoaders[key]!()]).then(([core, patterns]) => {
      const create = ((core as { default?: CreateHyphenator }).default ?? core) as CreateHyphenator
      const hyphenate = create(patterns.default ?? patterns, { hyphenChar: '\u00AD', minWordLength: 5 })
      return (word: string) => breaksOf(word, hyphenate)
    })
    loaded.set(key, hyphenator)
  }
  return hyphenator
}

function breaksOf(word: string, hyphenate: (text: string) => string): number[] {
  // Punctuation around the word stays with it; an elided article or preposition ("l'adresse",
  // "d'environnement") is hyphenated after it.
  const parts = /^(\P{L}*(?:\p{L}{1,2}['’])?)(\p{L}.*?)(\P{L}*)$/u.exec(word)
  if (!parts || !hyphenatable.test(parts[2]!)) return []
  const head = parts[1]!.length
  const body = parts[2]!
  const breaks: number[] = []
  let offset = 0
  for (const piece of hyphenate(body).split('\u00AD').slice(0, -1)) {
    offset += piece.length
    if (offset >= 2 && body.length - offset >= 3) breaks.push(head + offset)
  }
  return breaks
}
