import { beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import type { Declaration, List } from '../src/model/declaration.js'
import { DocumentError } from '../src/model/issues.js'
import { toRoman } from '../src/model/roman.js'
import { renderDocx } from '../src/render/docx/index.js'
import { wordLanguage } from '../src/render/docx/language.js'
import { levelZero, paragraphs, parts, runs, styleDefinition, styleOf, textOf, val } from './docx-support.js'

let letter: Uint8Array
let declaration: Uint8Array
let letterParts: Record<string, string>
let declarationParts: Record<string, string>

beforeAll(async () => {
  letter = await renderDocx(cop29Letter, { annexes: [cop29Declaration] })
  declaration = await renderDocx(cop29Declaration)
  letterParts = parts(letter)
  declarationParts = parts(declaration)
})

const body = (files: Record<string, string>) => paragraphs(files['word/document.xml']!)
/** The numbered paragraphs (the objectives): list items that open with their bold title. */
const objectivesOf = (files: Record<string, string>) =>
  body(files).filter((paragraph) => styleOf(paragraph) === 'Objective' && val(runs(paragraph)[0]!, 'w:rStyle') === 'ObjectiveTitle')
const bundledObjectives = (cop29Declaration.body[0] as List).items
const declarationStyles = [
  'Title',
  'OpeningFormula',
  ...Array<string>(8).fill('PreambularClause'),
  'Chapeau',
  ...Array<string>(8).fill('Objective'),
  'Heading1',
  'SectionText',
  'Heading1',
  'SectionText',
  // The endorsement: a lead-in and a bulleted list item, styled as the numbered paragraphs' lead-in and items are.
  'Chapeau',
  'Objective',
]
const letterStyles = [
  'LetterOffice',
  ...Array<string>(5).fill('ReferenceBlock'),
  ...Array<string>(5).fill('Addressee'),
  'Subject',
  'Salutation',
  ...Array<string>(8).fill('BodyText'),
  'Signature',
  'Signature',
  'Signature',
  'AnnexLine',
]

describe('declaration-kit/docx', () => {
  it('exports the renderer, its default date, the package normalizer and the style ids, and nothing else', async () => {
    expect(Object.keys(await import('../src/render/docx/index.js')).sort()).toEqual(['characterStyle', 'declarationDate', 'normalizeDocx', 'paragraphStyle', 'renderAlignmentDocx', 'renderDocx', 'renderRedlineDocx'])
  })
})

describe('renderDocx: styles', () => {
  it('gives every paragraph of the body, headers and footers a named paragraph style defined in styles.xml', () => {
    const styles = letterParts['word/styles.xml']!
    for (const [path, xml] of Object.entries(letterParts).filter(([path]) => /^word\/(document|header\d|footer\d)\.xml$/.test(path))) {
      for (const paragraph of paragraphs(xml)) {
        const style = styleOf(paragraph)
        expect(style, `${path}: ${paragraph.slice(0, 120)}`).toBeDefined()
        expect(styleDefinition(styles, style!), `style ${style}`).toMatch(/w:type="paragraph"/)
      }
    }
  })

  it('styles the declaration part by part, in reading order', () => {
    expect(body(declarationParts).map(styleOf)).toEqual(declarationStyles)
  })

  it('lines the reference values and the subject up at 5.75 em of the body size (1265 twips), the PDF\'s label column', () => {
    const styles = letterParts['word/styles.xml']!
    expect(styleDefinition(styles, 'ReferenceBlock')).toContain('<w:tab w:val="left" w:pos="1265"/>')
    const subject = styleDefinition(styles, 'Subject')!
    expect(subject).toContain('<w:tab w:val="left" w:pos="1265"/>')
    expect(subject).toContain('<w:ind w:left="1265" w:hanging="1265"/>')
  })

  it('spaces page 1 as the PDF does: one line (290 twips) under the office, reference lines and addressees line under line, 20 pt above the subject', () => {
    const styles = letterParts['word/styles.xml']!
    expect(styleDefinition(styles, 'LetterOffice')).toContain('<w:spacing w:after="290"/>')
    expect(styleDefinition(styles, 'ReferenceBlock')).toContain('<w:spacing w:after="0" w:before="0"/>')
    expect(styleDefinition(styles, 'Addressee')).toContain('<w:spacing w:after="0" w:before="0"/>')
    expect(styleDefinition(styles, 'Subject')).toContain('<w:spacing w:after="360" w:before="400"/>')
  })

  it('styles the letter part by part, then its annex under a page-breaking annex label, with no annex line after the signature', () => {
    expect(body(letterParts).map(styleOf)).toEqual([...letterStyles.slice(0, -1), 'AnnexTitle', ...declarationStyles])
    const label = body(letterParts).find((paragraph) => styleOf(paragraph) === 'AnnexTitle')!
    expect(textOf(label)).toBe("Annexe – Déclaration de la COP29 sur l'action du secteur du numérique pour l'environnement (version anglaise uniquement)")
    // Bold at the body size (11 pt), centred, 18 pt above the declaration's title: the PDF's annex label.
    const annexTitle = styleDefinition(letterParts['word/styles.xml']!, 'AnnexTitle')!
    expect(annexTitle).toContain('<w:basedOn w:val="Normal"/>')
    expect(annexTitle).toContain('<w:pageBreakBefore/>')
    expect(val(annexTitle, 'w:jc')).toBe('center')
    expect(val(annexTitle, 'w:sz')).toBe('22')
    expect(annexTitle).toContain('<w:spacing w:after="360" w:before="0"/>')
    expect(annexTitle).toContain('<w:b/>')
  })

  it('makes every heading and the title black, with an outline level for the Navigation pane', () => {
    const styles = declarationParts['word/styles.xml']!
    const outline = ['Title', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6'].map((id) => {
      const style = styleDefinition(styles, id)!
      return [id, val(style, 'w:color'), val(style, 'w:outlineLvl'), /<w:b\/>/.test(style)]
    })
    expect(outline).toEqual([
      ['Title', '000000', '0', true],
      ['Heading1', '000000', '0', true],
      ['Heading2', '000000', '1', true],
      ['Heading3', '000000', '2', true],
      ['Heading4', '000000', '3', true],
      ['Heading5', '000000', '4', true],
      ['Heading6', '000000', '5', true],
    ])
  })

  it('sets a default font and size and the document language in the document defaults', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(declarationParts['word/styles.xml']!)![0]
    expect(defaults).toContain('<w:rFonts w:ascii="Noto Serif" w:cs="Noto Serif" w:eastAsia="Noto Serif" w:hAnsi="Noto Serif"/>')
    expect(val(defaults, 'w:sz')).toBe('22')
    expect(val(defaults, 'w:lang')).toBe('en-GB')
    expect(val(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(letterParts['word/styles.xml']!)![0], 'w:lang')).toBe('fr-FR')
  })

  it('writes each preambular lead phrase as a run in the italic LeadPhrase character style', () => {
    const styles = declarationParts['word/styles.xml']!
    expect(styleDefinition(styles, 'LeadPhrase')).toMatch(/w:type="character"[\s\S]*<w:i\/>/)
    const leads = body(declarationParts)
      .filter((paragraph) => styleOf(paragraph) === 'PreambularClause')
      .map((paragraph) => runs(paragraph)[0]!)
    expect(leads.map((run) => val(run, 'w:rStyle'))).toEqual(Array(8).fill('LeadPhrase'))
    expect(leads.map(textOf)).toEqual(cop29Declaration.preamble!.paragraphs.map((clause) => clause.lead))
  })
})

describe('renderDocx: numbering', () => {
  it('makes the objectives one upper-Roman list "I." with a hanging indent, with no typed numerals', () => {
    const objectives = objectivesOf(declarationParts)
    const numIds = new Set(objectives.map((paragraph) => val(paragraph, 'w:numId')))
    expect(objectives.map((paragraph) => val(paragraph, 'w:ilvl'))).toEqual(Array(8).fill('0'))
    expect(numIds.size).toBe(1)
    const level = levelZero(declarationParts['word/numbering.xml']!, [...numIds][0]!)!
    expect([val(level, 'w:numFmt'), val(level, 'w:lvlText'), val(level, 'w:start')]).toEqual(['upperRoman', '%1.', '1'])
    expect(level).toContain('<w:ind w:left="567" w:hanging="567"/>')
    expect(objectives.map((paragraph) => /^[IVX]+\./.test(textOf(paragraph)))).toEqual(Array(8).fill(false))
  })

  it('opens each objective with its bold title run, then its text', () => {
    expect(styleDefinition(declarationParts['word/styles.xml']!, 'ObjectiveTitle')).toMatch(/w:type="character"[\s\S]*<w:b\/>/)
    const objectives = objectivesOf(declarationParts)
    expect(objectives.map((paragraph) => [val(runs(paragraph)[0]!, 'w:rStyle'), textOf(runs(paragraph)[0]!)])).toEqual(
      bundledObjectives.map((objective) => ['ObjectiveTitle', objective.title]),
    )
    expect(bundledObjectives.map((objective) => objective.title!.endsWith(':'))).toEqual(Array(8).fill(true))
    expect(objectives.map(textOf)).toEqual(bundledObjectives.map((o) => `${o.title} ${o.text.map((n) => (n.type === 'text' ? n.value : '')).join('')}`))
  })

  it('makes the addressees a bulleted list', () => {
    const addressees = body(letterParts).filter((paragraph) => styleOf(paragraph) === 'Addressee')
    const numIds = new Set(addressees.map((paragraph) => val(paragraph, 'w:numId')))
    expect(numIds.size).toBe(1)
    expect(val(levelZero(letterParts['word/numbering.xml']!, [...numIds][0]!)!, 'w:numFmt')).toBe('bullet')
    expect(addressees.map(textOf)).toEqual(cop29Letter.addressees.map((a) => a.text.map((n) => (n.type === 'text' ? n.value : '')).join('')))
  })

  it('numbers the objectives of the annex from I, in a list of their own', () => {
    const numbered = objectivesOf(letterParts)
    expect(new Set(numbered.map((paragraph) => val(paragraph, 'w:numId'))).size).toBe(1)
    expect(val(levelZero(letterParts['word/numbering.xml']!, val(numbered[0]!, 'w:numId')!)!, 'w:numFmt')).toBe('upperRoman')
  })
})

describe('renderDocx: page furniture', () => {
  const fields = (xml: string) => [...xml.matchAll(/<w:instrText[^>]*>\s*([A-Z]+)\s*<\/w:instrText>/g)].map((match) => match[1])

  it('puts the localized page number "PAGE/NUMPAGES" as fields in every footer', () => {
    for (const files of [letterParts, declarationParts]) {
      const footers = Object.keys(files).filter((path) => /^word\/footer\d+\.xml$/.test(path))
      expect(footers.length).toBeGreaterThan(0)
      for (const path of footers) {
        expect(fields(files[path]!)).toEqual(['PAGE', 'NUMPAGES'])
        expect(textOf(paragraphs(files[path]!)[0]!)).toBe('/')
      }
    }
  })

  it('puts the letter reference in the header of the pages after the first, and nothing on the first', () => {
    const document = letterParts['word/document.xml']!
    const rels = letterParts['word/_rels/document.xml.rels']!
    expect(document).toContain('<w:titlePg/>')
    const header = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(document)![1]
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]
      return paragraphs(letterParts[`word/${target}`]!).map(textOf)
    }
    expect(header('default')).toEqual(['CL-24/63'])
    expect(header('first')).toEqual([''])
  })

  it('gives the declaration no header and one footer for all pages', () => {
    expect(Object.keys(declarationParts).filter((path) => /^word\/header/.test(path))).toEqual([])
    expect(declarationParts['word/document.xml']).not.toContain('<w:titlePg/>')
  })

  it('sets an A4 page by default and US Letter on request', async () => {
    expect(declarationParts['word/document.xml']).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>')
    const usLetter = parts(await renderDocx(cop29Declaration, { pageSize: 'LETTER' }))
    expect(usLetter['word/document.xml']).toContain('<w:pgSz w:w="12240" w:h="15840" w:orient="portrait"/>')
  })
})

describe('renderDocx: languages', () => {
  const languages = (paragraph: string) => runs(paragraph).map((run) => val(run, 'w:lang'))

  // An address shown as a link is in no language, so Word and LibreOffice never hyphenate it (the PDF does not either).
  const hyperlinkRuns = (xml: string) => [...xml.matchAll(/<w:hyperlink\b[\s\S]*?<\/w:hyperlink>/g)].flatMap((match) => runs(match[0]))
  const withoutHyperlinks = (xml: string) => xml.replace(/<w:hyperlink\b[\s\S]*?<\/w:hyperlink>/g, '')

  it('leaves the declaration in its default en-GB, with no run in another language but its addresses, in none (zxx)', () => {
    const xml = declarationParts['word/document.xml']!
    expect(withoutHyperlinks(xml)).not.toContain('<w:lang')
    const addresses = hyperlinkRuns(xml)
    expect(addresses.length).toBeGreaterThan(0)
    expect(new Set(addresses.map((run) => val(run, 'w:lang')))).toEqual(new Set(['zxx']))
  })

  it('prints the letter\'s e-mail addresses in no language (zxx), so that LibreOffice does not cut "green@itu.int" at the line\'s end', () => {
    const addresses = hyperlinkRuns(letterParts['word/document.xml']!)
    expect(addresses.map((run) => [textOf(run), val(run, 'w:lang')])).toEqual([
      ['green@itu.int', 'zxx'],
      ['digitalisation@cop29.az', 'zxx'],
      ['green@itu.int', 'zxx'],
      // The annexed declaration's own address.
      ['digitalisation@cop29.az', 'zxx'],
    ])
  })

  it('marks every run of the English annex en-GB inside the French letter, and no run before it', () => {
    const all = body(letterParts).map(withoutHyperlinks)
    // The annex label is the letter's French; the declaration starts after it.
    const annexStart = all.findIndex((paragraph) => styleOf(paragraph) === 'AnnexTitle') + 1
    expect(all.slice(0, annexStart).flatMap(languages).every((lang) => lang === undefined)).toBe(true)
    const annexLanguages = all.slice(annexStart).flatMap(languages)
    expect(annexLanguages.length).toBeGreaterThan(50)
    expect(new Set(annexLanguages)).toEqual(new Set(['en-GB']))
  })
})

describe('renderDocx: links and metadata', () => {
  const hyperlinks = (files: Record<string, string>) => {
    const rels = files['word/_rels/document.xml.rels']!
    return [...files['word/document.xml']!.matchAll(/<w:hyperlink\b[^>]*\br:id="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/g)].map((match) => {
      const relationship = new RegExp(`<Relationship Id="${match[1]}" Type="[^"]+/hyperlink" Target="([^"]+)" TargetMode="External"/>`).exec(rels)
      return [match[1]!.replace(/\d+$/, 'N'), relationship?.[1], textOf(match[2]!)]
    })
  }

  it('turns every e-mail address into a mailto: hyperlink in the Hyperlink character style', () => {
    expect(hyperlinks(letterParts)).toEqual([
      ['rIdN', 'mailto:green@itu.int', 'green@itu.int'],
      ['rIdN', 'mailto:digitalisation@cop29.az', 'digitalisation@cop29.az'],
      ['rIdN', 'mailto:green@itu.int', 'green@itu.int'],
      ['rIdN', 'mailto:digitalisation@cop29.az', 'digitalisation@cop29.az'],
    ])
    expect(hyperlinks(declarationParts)).toEqual([['rIdN', 'mailto:digitalisation@cop29.az', 'digitalisation@cop29.az']])
    const link = /<w:hyperlink[\s\S]*?<\/w:hyperlink>/.exec(letterParts['word/document.xml']!)![0]
    expect(val(link, 'w:rStyle')).toBe('Hyperlink')
  })

  const core = (files: Record<string, string>) => {
    const xml = files['docProps/core.xml']!
    const field = (name: string) => new RegExp(`<${name}\\b[^>]*>([^<]*)</${name}>`).exec(xml)?.[1]
    return ['dc:title', 'dc:subject', 'dc:creator', 'cp:keywords', 'cp:lastModifiedBy', 'dcterms:created', 'dcterms:modified'].map(field)
  }

  it('fills the letter core properties from the letter, dated with its date', () => {
    expect(core(letterParts)).toEqual([
      cop29Letter.subject.replaceAll("'", '&apos;'),
      'CL-24/63',
      'Secrétariat général (SG)',
      'CL-24/63, cl-24-63, cop29-green-digital-action',
      'Secrétariat général (SG)',
      '2024-11-07T00:00:00Z',
      '2024-11-07T00:00:00Z',
    ])
  })

  it('fills the declaration core properties, dated with the fixed declarationDate', () => {
    expect(core(declarationParts)).toEqual([
      'COP29 Declaration on Green Digital Action',
      'COP29 Declaration on Green Digital Action',
      'declaration-kit',
      'cop29-green-digital-action, cop29',
      'declaration-kit',
      '1980-01-01T00:00:00Z',
      '1980-01-01T00:00:00Z',
    ])
    expect(Object.values(declarationParts).some((xml) => xml.includes('Un-named'))).toBe(false)
  })

  it('takes the date and creator from the options', async () => {
    const dated = parts(await renderDocx(cop29Declaration, { date: new Date('2024-11-16T09:30:00Z'), creator: 'ITU' }))
    expect(core(dated).slice(2)).toEqual(['ITU', 'cop29-green-digital-action, cop29', 'ITU', '2024-11-16T09:30:00Z', '2024-11-16T09:30:00Z'])
  })
})

describe('renderDocx: annexes and reproducibility', () => {
  it('gives the same bytes for the same document and options', async () => {
    expect(await renderDocx(cop29Letter, { annexes: [cop29Declaration] })).toEqual(letter)
    expect(await renderDocx(cop29Declaration)).toEqual(declaration)
  })

  it('prints only the annex line with annex: false', async () => {
    const alone = body(parts(await renderDocx(cop29Letter, { annex: false })))
    expect(alone.map(styleOf)).toEqual(letterStyles)
    expect(textOf(alone.at(-1)!)).toBe(
      "Annexe – Déclaration de la COP29 sur l'action du secteur du numérique pour l'environnement (version anglaise uniquement)",
    )
  })

  it('rejects a letter whose annexed declaration was not supplied, naming it', async () => {
    const error = await renderDocx(cop29Letter).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(DocumentError)
    expect((error as DocumentError).issues.map((issue) => issue.code)).toEqual(['missing_annex'])
  })

  it('numbers the objectives of two annexed declarations each from I', async () => {
    const second = { ...cop29Declaration, id: 'second-declaration' }
    const twoAnnexes = { ...cop29Letter, annexes: [...cop29Letter.annexes, { id: 'annex-2', ref: second.id, title: 'Second' }] }
    const files = parts(await renderDocx(twoAnnexes, { annexes: [cop29Declaration, second] }))
    const objectives = objectivesOf(files)
    const lists = [...new Set(objectives.map((paragraph) => val(paragraph, 'w:numId')))]
    expect(lists).toHaveLength(2)
    expect(lists.map((numId) => val(levelZero(files['word/numbering.xml']!, numId!)!, 'w:numFmt'))).toEqual(['upperRoman', 'upperRoman'])
    expect(body(files).filter((paragraph) => styleOf(paragraph) === 'AnnexTitle')).toHaveLength(2)
    expect(toRoman(objectives.length / 2)).toBe('VIII')
  })
})

describe('renderDocx: inline content', () => {
  const small: Declaration = {
    type: 'declaration',
    id: 'small',
    language: 'en',
    preface: [],
    title: 'Small Declaration',
    preamble: {
      formula: {
        type: 'paragraph',
        id: 'formula',
        text: [
          { type: 'text', value: 'We, ' },
          { type: 'emphasis', children: [{ type: 'text', value: 'the parties' }] },
          { type: 'text', value: ', ' },
          { type: 'strong', children: [{ type: 'text', value: 'firmly ' }, { type: 'emphasis', children: [{ type: 'text', value: 'and together' }] }] },
          { type: 'text', value: ', see ' },
          { type: 'link', url: 'https://www.itu.int/green', children: [{ type: 'text', value: 'the initiative' }] },
          { type: 'text', value: ' or write to a.b@example.org.' },
        ],
      },
      paragraphs: [],
    },
    body: [{ type: 'paragraph', id: 'para-1', text: [{ type: 'text', value: 'Affirm.' }] }],
    closing: [],
    annexes: [],
    footnotes: [],
  }

  it('writes emphasis, strong and both as character styles, and links and e-mail addresses as hyperlinks', async () => {
    const files = parts(await renderDocx(small))
    const opening = body(files)[1]!
    expect(runs(opening).map((run) => [val(run, 'w:rStyle'), textOf(run)])).toEqual([
      [undefined, 'We, '],
      ['Emphasis', 'the parties'],
      [undefined, ', '],
      ['Strong', 'firmly '],
      ['StrongEmphasis', 'and together'],
      [undefined, ', see '],
      ['Hyperlink', 'the initiative'],
      [undefined, ' or write to '],
      ['Hyperlink', 'a.b@example.org'],
      [undefined, '.'],
    ])
    const targets = [...files['word/_rels/document.xml.rels']!.matchAll(/Target="([^"]+)" TargetMode="External"/g)].map((match) => match[1])
    expect(targets).toEqual(['https://www.itu.int/green', 'mailto:a.b@example.org'])
    expect(val(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(files['word/styles.xml']!)![0], 'w:lang')).toBe('en-GB')
  })

  it('gives Word a language with its region', () => {
    expect(['fr', 'fr-CH', 'en', 'en-US', 'es', 'de', 'zh-Hant-TW'].map(wordLanguage)).toEqual(['fr-FR', 'fr-CH', 'en-GB', 'en-US', 'es-ES', 'de', 'zh-TW'])
  })
})
