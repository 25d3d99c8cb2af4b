import type { List, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { findLocale, locales } from '../i18n/index.js'
import type { Locale } from '../i18n/types.js'
import type { Clause } from '../model/declaration.js'
import type { ParseContext } from './context.js'
import { itemParagraph } from './declaration.js'
import { takeId } from './ids.js'
import { readPhrasing } from './inline.js'
import { positionalId } from '../model/ids.js'
import { inSchemaOrder } from './schema-order.js'
import type { FrontMatter } from './source.js'
import { ContactBlock } from '../model/letter.js'
import { mailtoAddress } from '../model/links.js'

type ContactField = 'reference' | 'tel' | 'fax' | 'email' | 'contact'
const contactFields: ContactField[] = ['reference', 'tel', 'fax', 'email', 'contact']

/** Splits a paragraph's children at hard line breaks. */
function lines(paragraph: Paragraph): PhrasingContent[][] {
  const out: PhrasingContent[][] = [[]]
  for (const child of paragraph.children) {
    if (child.type === 'break') out.push([])
    else out[out.length - 1]!.push(child)
  }
  return out
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

// A locale's name in its own messages ("a French letter").
const languageName = (locale: Locale): string => (locale.code === 'fr' ? 'French' : 'English')
const aLetter = (locale: Locale): string => `${locale.code === 'en' ? 'an' : 'a'} ${languageName(locale)} letter (language: ${locale.code})`

/** The other locales in which `label` is the label of `field`, e.g. "Reference" in an English letter. */
function foreignLocale(text: string, field: ContactField, locale: Locale): Locale | undefined {
  return Object.values(locales).find((other) => other !== locale && afterLabel(text, other.labels[field], other) !== undefined)
}

const plain = (nodes: PhrasingContent[]): string => nodes.map((node) => toString(node)).join('').replace(/\s*\n\s*/g, ' ').trim()

/** The targets of the links in some inline content (links do not nest, emphasis may hold one). */
function linkUrls(nodes: readonly PhrasingContent[]): string[] {
  const urls: string[] = []
  const stack = [...nodes]
  while (stack.length) {
    const node = stack.pop()!
    if (node.type === 'link') urls.push(node.url)
    if ('children' in node) stack.push(...(node.children as PhrasingContent[]))
  }
  return urls
}

/** Cuts "Label: value" at the label, or returns `undefined` when the text does not start with it. */
function afterLabel(text: string, label: string, locale: Locale): string | undefined {
  const prefix = `${label}${locale.labels.separator.trimEnd()}`
  return text.startsWith(prefix) ? text.slice(prefix.length).trim() : undefined
}

function readReferenceBlock(paragraph: Paragraph, locale: Locale, context: ParseContext, out: Record<string, unknown>): void {
  const contact: Record<string, string> = {}
  out.contact = contact
  const labels = contactFields.map((field) => locale.labels[field])
  for (const line of lines(paragraph)) {
    const text = plain(line)
    let field = contactFields.find((name) => afterLabel(text, locale.labels[name], locale) !== undefined)
    const start = line[0]?.position?.start
    let value = field && afterLabel(text, locale.labels[field], locale)
    if (!field) {
      // A label of the other language ("Reference:" in a French letter) is read as its field, and said once.
      field = contactFields.find((name) => foreignLocale(text, name, locale))
      const other = field && foreignLocale(text, field, locale)
      if (!field || !other) {
        context.report('unknown_label', `reference block line "${text}": expected one of the labels ${labels.map((l) => `"${l}:"`).join(', ')}`, ['contact'], start ?? paragraph)
        continue
      }
      value = afterLabel(text, other.labels[field], other)
      context.report(
        'foreign_label',
        `reference block line "${text}": "${other.labels[field]}" is the ${languageName(other)} label; expected "${locale.labels[field]}:" in ${aLetter(locale)}`,
        ['contact'],
        start ?? paragraph,
      )
    }
    value = value!
    const key = field === 'reference' ? ['reference'] : ['contact', field === 'contact' ? 'name' : field]
    // The block keeps text only: a link there may only be the e-mail line's own address, or its target would be lost unseen.
    for (const url of linkUrls(line)) {
      if (field !== 'email' || mailtoAddress(url)?.toLowerCase() !== value.toLowerCase()) {
        const own = field === 'email' ? ` (mailto:${value})` : ''
        context.report('contact_link', `reference block line "${text}": links to "${url}"; a contact line may only link to its own address${own}`, key, start ?? paragraph)
      }
    }
    context.mark(key, start)
    if (field === 'reference') out.reference = value
    else contact[field === 'contact' ? 'name' : field] = value
  }
  out.contact = inSchemaOrder(ContactBlock, contact)
  if (out.reference === undefined) {
    context.report('missing_reference', `reference block: expected a line "${locale.labels.reference}${locale.labels.separator}…"`, ['reference'], paragraph)
  }
}

function readAddressees(list: List, context: ParseContext): Clause[] {
  return list.children.flatMap((item, index) => {
    const path = ['addressees', index]
    context.mark(path, item)
    const paragraph = itemParagraph(item, context, path, `addressee ${index + 1}`)
    if (!paragraph) return []
    const pinned = takeId(paragraph.children, context, path)
    return [{ id: pinned.id ?? positionalId.addressee(index), text: readPhrasing(pinned.children, context, [...path, 'text']) }]
  })
}

/** Builds a letter candidate (not yet validated) from the Markdown blocks after the front matter. */
export function readLetter(blocks: RootContent[], frontMatter: FrontMatter, context: ParseContext): Record<string, unknown> {
  const { annexes: annexRefs, ...values } = frontMatter.values
  const out: Record<string, unknown> = { type: 'letter', ...values }
  const language = typeof values.language === 'string' ? values.language : ''
  const locale = findLocale(language)
  if (!locale) {
    context.report('unsupported_language', `language "${language}": letters are read through a locale; expected one of en, fr`, ['language'])
    return out
  }
  const queue = blocks.filter((block) => block.type !== 'definition')
  const end = queue[queue.length - 1]?.position?.end ?? { line: frontMatter.line, column: 1 }
  const take = (what: string, path: (string | number)[]): Paragraph | undefined => {
    const block = queue.shift()
    if (block?.type === 'paragraph') {
      context.mark(path, block)
      return block
    }
    context.report('missing_block', `expected ${what}`, path, block ?? end)
    if (block) queue.unshift(block)
    return undefined
  }

  const office = take('the issuing office as a paragraph (Secrétariat général (SG))', ['office'])
  if (office) out.office = plain(office.children)
  const dateLine = take(`the date line (${locale.dateLine('Genève', '2024-11-07')})`, ['date'])
  if (dateLine) {
    const text = plain(dateLine.children)
    const parsed = locale.parseDateLine(text)
    if (parsed) {
      out.place = parsed.place
      out.date = parsed.date
      context.mark(['place'], dateLine)
    } else {
      // Place and date come from this line: validation's "place: expected string" would only repeat it.
      context.mark(['place'], dateLine)
      context.report('invalid_date_line', `date line "${text}": expected a place and an existing date such as "${locale.dateLine('Genève', '2024-11-07')}"`, ['date'], dateLine)
    }
  }
  const reference = take(`the reference block (${locale.labels.reference}${locale.labels.separator}…)`, ['reference'])
  if (reference) readReferenceBlock(reference, locale, context, out)
  const list = queue[0]?.type === 'list' ? (queue.shift() as List) : undefined
  out.addressees = list ? readAddressees(list, context) : []

  const subject = take(`the subject (${locale.labels.subject}${locale.labels.separator}**…**)`, ['subject'])
  const subjectText = subject ? afterLabel(plain(subject.children), locale.labels.subject, locale) : undefined
  if (subject && subjectText === undefined) {
    context.report('missing_subject', `paragraph "${plain(subject.children).slice(0, 40)}": expected the subject line "${locale.labels.subject}${locale.labels.separator}**…**"`, ['subject'], subject)
  } else if (subjectText !== undefined) out.subject = subjectText
  const salutation = take('the salutation (Madame, Monsieur,)', ['salutation'])
  if (salutation) out.salutation = plain(salutation.children)

  readClosing(queue, Array.isArray(annexRefs) ? annexRefs : [], locale, context, out, end)
  return out
}

function readClosing(
  queue: RootContent[],
  annexRefs: unknown[],
  locale: Locale,
  context: ParseContext,
  out: Record<string, unknown>,
  end: { line: number; column: number },
): void {
  const annexPrefix = new RegExp(`^${escapeRegExp(locale.labels.annex)}( \\d+)?${escapeRegExp(locale.labels.annexSeparator)}`)
  // An annex line written with a hyphen, an em dash, a colon or no dash at all: still an annex line, said once.
  const looseAnnex = new RegExp(`^${escapeRegExp(locale.labels.annex)}( \\d+)?(\\s*[-‐‑‒—―:]\\s*|\\s*–\\s*)(?=\\S)`)
  const isAnnex = (block: RootContent) => block.type === 'paragraph' && looseAnnex.test(plain(block.children))
  const isStrictAnnex = (block: RootContent) => block.type === 'paragraph' && annexPrefix.test(plain(block.children))
  // The annex lines end the letter: the trailing run of (loosely written) annex lines, or from the first exact one.
  let trailing = queue.length
  while (trailing > 0 && isAnnex(queue[trailing - 1]!)) trailing--
  const strictStart = queue.findIndex(isStrictAnnex)
  const annexStart = strictStart !== -1 && strictStart < trailing ? strictStart : trailing < queue.length ? trailing : -1
  const annexes = annexStart === -1 ? [] : queue.splice(annexStart)
  // The signed mark of the other language ("(signé)" left in an English letter) is read as the mark, and said once.
  const signedMarks = new Map(Object.values(locales).map((other) => [other.labels.signed, other]))
  const signedAt = queue.findIndex((block) => block.type === 'paragraph' && signedMarks.has(plain(block.children)))
  const mark = signedAt === -1 ? undefined : queue[signedAt]!
  const markLocale = mark && signedMarks.get(plain((mark as Paragraph).children))
  if (mark && markLocale !== locale) {
    context.report(
      'foreign_label',
      `signed mark "${markLocale!.labels.signed}": it is the ${languageName(markLocale!)} mark; expected "${locale.labels.signed}" in ${aLetter(locale)}`,
      ['signed'],
      mark,
    )
  }
  const signatureAt = signedAt === -1 ? queue.length - 1 : signedAt + 1
  const body = queue.slice(0, signedAt === -1 ? signatureAt : signedAt)
  out.signed = signedAt !== -1
  out.body = body.flatMap((block, index) => {
    const path = ['body', index]
    context.mark(path, block)
    if (block.type !== 'paragraph') {
      context.report('unexpected_block', `${block.type}: expected body paragraphs between the salutation and the signature`, path, block)
      return []
    }
    const pinned = takeId(block.children, context, path)
    return [{ id: pinned.id ?? positionalId.body(index), text: readPhrasing(pinned.children, context, [...path, 'text']) }]
  })
  const signature = queue[signatureAt]
  if (signature?.type !== 'paragraph' || lines(signature).length !== 2 || signatureAt !== queue.length - 1) {
    context.report('missing_signatory', 'expected the signatory as the last paragraph before the annexes: name, a line break (\\ at the end of the line), title', ['signatory'], signature ?? end)
  } else {
    const [name = [], title = []] = lines(signature)
    context.mark(['signatory'], signature)
    out.signatory = { name: plain(name), title: plain(title) }
  }
  out.annexes = annexes.flatMap((block, index) => {
    const path = ['annexes', index]
    context.mark(path, block)
    if (!isAnnex(block) || block.type !== 'paragraph') {
      context.report('unexpected_block', `${block.type}: expected only annex lines (${locale.labels.annex}${locale.labels.annexSeparator}…) after the first one`, path, block)
      return []
    }
    const ref = annexRefs[index]
    if (typeof ref !== 'string') {
      context.report('missing_annex_ref', `annex ${index + 1}: the front matter's "annexes" list names no document for it; expected the id of the annexed declaration`, path, block)
      return []
    }
    const pinned = takeId(block.children, context, path)
    const text = plain(pinned.children)
    if (!annexPrefix.test(text)) {
      const found = looseAnnex.exec(text)![0]
      const fixed = `${locale.labels.annex}${found.match(/^\S+( \d+)?/)![1] ?? ''}${locale.labels.annexSeparator}`
      context.report(
        'annex_separator',
        `annex line "${found.trim()} …": expected an en dash (–, U+2013) with a space on each side between "${locale.labels.annex}" and the title; write "${fixed}${text.slice(found.length).split(' ')[0]} …"`,
        path,
        block,
      )
    }
    const title = text.replace(looseAnnex, '')
    return [{ id: pinned.id ?? positionalId.annex(index), ref, title }]
  })
  if (annexRefs.length > annexes.length) {
    const extra = annexRefs.slice(annexes.length).map((ref) => JSON.stringify(ref)).join(', ')
    context.report(
      'extra_annex_ref',
      `front matter "annexes": lists ${annexRefs.length} documents but the letter has ${annexes.length} annex ${annexes.length === 1 ? 'line' : 'lines'}; remove ${extra} or add ${annexRefs.length - annexes.length === 1 ? 'its annex line' : 'their annex lines'}`,
      ['annexes'],
    )
  }
}
