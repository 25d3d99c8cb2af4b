// Word spell-checks by a language *and* region ("fr-FR"); a bare "fr" leaves the proofing language unset in some
// versions, so a tag without a region takes the region its language is most often written for in UN documents.
const defaultRegions: Readonly<Record<string, string>> = {
  ar: 'ar-SA',
  en: 'en-GB',
  es: 'es-ES',
  fr: 'fr-FR',
  ru: 'ru-RU',
  zh: 'zh-CN',
}

/**
 * The `w:lang` value for a BCP 47 tag: the tag itself when it names a region (`fr-CH`), otherwise the language's
 * usual region (`fr` -> `fr-FR`, `en` -> `en-GB`).
 * @param tag a BCP 47 language tag such as `fr` or `en-GB`
 * @returns a language-region tag Word proofs with
 */
export function wordLanguage(tag: string): string {
  const [language = tag, ...rest] = tag.split('-')
  const region = rest.find((part) => /^([a-zA-Z]{2}|\d{3})$/.test(part))
  if (region) return `${language.toLowerCase()}-${region.toUpperCase()}`
  return defaultRegions[language.toLowerCase()] ?? tag
}
