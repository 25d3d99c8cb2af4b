import type { Document } from '../model/document.js'
import { el, type XmlElement } from './xml.js'

// ISO 639-2 codes AKN uses in FRBR URIs and FRBRlanguage, for the UN's six official languages;
// other languages keep their BCP 47 primary subtag.
const iso639_2: Record<string, string> = { en: 'eng', fr: 'fra', es: 'spa', ru: 'rus', zh: 'zho', ar: 'ara' }

/** The ISO 639-2 code of a BCP 47 tag (`en-GB` -> `eng`). */
export function aknLanguage(tag: string): string {
  const primary = tag.split('-')[0]!.toLowerCase()
  return iso639_2[primary] ?? primary
}

/** The AKN document name of a document: a declaration or resolution, or a circular letter. */
export function aknName(doc: Document): 'declaration' | 'resolution' | 'circular' {
  if (doc.type === 'letter') return 'circular'
  return doc.profile === 'un-resolution' || /\/RES\//.test(doc.symbol ?? '') ? 'resolution' : 'declaration'
}

/**
 * The FRBR Work URI: `/akn/un/statement/<name>/<date>/<document id>` for a declaration or resolution
 * (dated by its own date when it has one), `/akn/un/doc/circular/<date>/<id>` for a letter; identical
 * for every language version, and for a declaration exported alone or annexed to a letter.
 */
export function workUri(doc: Document, date: string): string {
  return doc.type === 'letter' ? `/akn/un/doc/circular/${date}/${doc.id}` : `/akn/un/statement/${aknName(doc)}/${doc.date ?? date}/${doc.id}`
}

/** A document carried as a component of another (an annexed declaration, an annex): its component name. */
export interface Component {
  name: string
}

/**
 * The `meta` block: FRBR Work, Expression (the document's language, as the original version
 * `lang@`) and Manifestation (this AKN file), all dated `date`, and the references they point at.
 * @param issuer who issued the document, as shown (`#issuer`)
 * @param prefix the eId prefix of an attached document (`att_1__`), so that every eId in the file is unique
 */
export function aknMeta(doc: Document, date: string, issuer: string, prefix = '', component?: Component): XmlElement {
  const work = workUri(doc, date)
  const expression = `${work}/${aknLanguage(doc.language)}@`
  const part = component ? `!${component.name}` : '!main'
  const dated = el('FRBRdate', { date: doc.type === 'declaration' ? (doc.date ?? date) : date, name: doc.type === 'declaration' && doc.date ? 'adoption' : 'issued' })
  const author = (href: string) => el('FRBRauthor', { href })
  return el('meta', {}, [
    el('identification', { source: `#${prefix}declaration-kit` }, [
      el('FRBRWork', {}, [
        el('FRBRthis', { value: `${work}/${part}` }),
        el('FRBRuri', { value: work }),
        dated,
        author(`#${prefix}issuer`),
        el('FRBRcountry', { value: 'un' }),
        // The schema's order: FRBRcountry, FRBRsubtype, FRBRnumber.
        ...(doc.type === 'declaration' ? [el('FRBRsubtype', { value: aknName(doc) })] : []),
        ...(doc.type === 'letter' ? [el('FRBRnumber', { value: doc.reference })] : doc.symbol ? [el('FRBRnumber', { value: doc.symbol })] : []),
      ]),
      el('FRBRExpression', {}, [
        el('FRBRthis', { value: `${expression}/${part}` }),
        el('FRBRuri', { value: expression }),
        dated,
        author(`#${prefix}issuer`),
        el('FRBRlanguage', { language: aknLanguage(doc.language) }),
      ]),
      el('FRBRManifestation', {}, [
        el('FRBRthis', { value: `${expression}/${part}.xml` }),
        el('FRBRuri', { value: `${expression}.akn` }),
        dated,
        author(`#${prefix}declaration-kit`),
        el('FRBRformat', { value: 'application/akn+xml' }),
      ]),
    ]),
    el('references', { source: `#${prefix}declaration-kit` }, [
      el('TLCOrganization', { eId: `${prefix}issuer`, href: `/ontology/organization/un/${doc.id}.issuer`, showAs: issuer }),
      el('TLCOrganization', { eId: `${prefix}declaration-kit`, href: '/ontology/organization/declaration-kit', showAs: 'declaration-kit' }),
      ...(doc.type === 'letter'
        ? [
            el('TLCPerson', { eId: `${prefix}signatory`, href: `/ontology/person/un/${doc.id}.signatory`, showAs: doc.signatory.name }),
            el('TLCRole', { eId: `${prefix}signatoryRole`, href: `/ontology/role/un/${doc.id}.signatory`, showAs: doc.signatory.title }),
          ]
        : []),
    ]),
  ])
}
