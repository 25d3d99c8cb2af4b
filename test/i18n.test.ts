import { describe, expect, it } from 'vitest'
import { en } from '../src/i18n/en.js'
import { fr } from '../src/i18n/fr.js'
import { findLocale, localeFor } from '../src/i18n/index.js'
import { frenchTypography } from '../src/i18n/typography.js'

describe('locales', () => {
  it('write the date line as each language prints it', () => {
    expect(fr.dateLine('Genève', '2024-11-07')).toBe('Genève, le 7 novembre 2024')
    expect(fr.dateLine('Genève', '2025-08-01')).toBe('Genève, le 1er août 2025')
    expect(en.dateLine('Geneva', '2024-11-07')).toBe('Geneva, 7 November 2024')
    expect(en.dateLine('Geneva', '2025-08-01')).toBe('Geneva, 1 August 2025')
  })

  it('read the date line back into place and ISO date', () => {
    expect(fr.parseDateLine('Genève, le 1er août 2025')).toEqual({ place: 'Genève', date: '2025-08-01' })
    expect(fr.parseDateLine('Genève, le 7 novembre 2024')).toEqual({ place: 'Genève', date: '2024-11-07' })
    expect(en.parseDateLine('New York, 29 February 2024')).toEqual({ place: 'New York', date: '2024-02-29' })
    expect(en.parseDateLine('New York, 29 February 2023')).toBeUndefined()
    expect(fr.parseDateLine('Genève, 7 novembre 2024')).toBeUndefined()
    expect(fr.parseDateLine('Genève, le 7 brumaire 2024')).toBeUndefined()
  })

  it('have the same labels in every language', () => {
    expect(Object.keys(fr.labels)).toEqual(Object.keys(en.labels))
    expect([fr.labels.reference, fr.labels.subject, fr.labels.email, fr.labels.signed]).toEqual(['Référence', 'Objet', 'Courriel', '(signé)'])
    expect([en.labels.reference, en.labels.subject, en.labels.email, en.labels.signed]).toEqual(['Reference', 'Subject', 'E-mail', '(signed)'])
    expect(fr.pageNumber(2, 5)).toBe('2/5')
  })

  it('are found by the primary subtag of a BCP 47 tag, with English as the fallback', () => {
    expect(localeFor('fr-CH')).toBe(fr)
    expect(localeFor('en-GB')).toBe(en)
    expect(localeFor('es')).toBe(en)
    expect(findLocale('es')).toBeUndefined()
  })
})

describe('frenchTypography', () => {
  it('adds no-break spaces before high punctuation and inside guillemets, and curls apostrophes', () => {
    expect(frenchTypography("Objet: l'UIT ; « oui » ! Vraiment?")).toBe('Objet\u00A0: l’UIT\u202F; «\u00A0oui\u00A0»\u202F! Vraiment\u202F?')
  })

  it('leaves URLs, times and already correct text alone', () => {
    expect(frenchTypography('https://www.itu.int à 10:30')).toBe('https://www.itu.int à 10:30')
    const typeset = 'Objet\u00A0: l’UIT\u202F; «\u00A0oui\u00A0»'
    expect(frenchTypography(typeset)).toBe(typeset)
  })
})
