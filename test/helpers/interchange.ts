// Shared by the XLIFF and Akoma Ntoso tests: schema validation and a deterministic pseudo-translation.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DOMParser, XMLSerializer, type Element, type Node } from '@xmldom/xmldom'
import { validateXML } from 'xmllint-wasm'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The shared schema copies (never committed): `../shared/schemas` from the repo root (or from its parent, for a worktree in a sibling folder). */
export const schemasDir = [resolve(repoRoot, '../shared/schemas'), resolve(repoRoot, '../../shared/schemas')].find((dir) => existsSync(dir)) ?? resolve(repoRoot, '../shared/schemas')

/** Whether the schema copies are present; schema tests skip otherwise. */
export const hasSchemas = existsSync(schemasDir)

function file(path: string, fileName = path) {
  return { fileName, contents: readFileSync(join(schemasDir, path), 'utf8') }
}

/**
 * Validates XML documents against an XSD from the shared folder (with the files it imports preloaded), in one
 * xmllint run: starting xmllint's WebAssembly and reading the schema cost about a second of CPU per run (the
 * Akoma Ntoso schema most of it), a document a few milliseconds. Returns the error messages of each document.
 */
async function validate(xmls: readonly string[], schema: string, preload: { path: string; as: string }[]): Promise<string[][]> {
  const names = xmls.map((_, index) => `document-${index + 1}.xml`)
  const result = await validateXML({
    xml: xmls.map((contents, index) => ({ fileName: names[index]!, contents })),
    schema: [file(schema, schema.split('/').pop())],
    preload: preload.map(({ path, as }) => file(path, as)),
  })
  // xmllint starts each message with the file's name ("document-2.xml:14: Schemas validity error…",
  // "document-2.xml fails to validate"); a message that names none is every document's.
  const owner = (message: string) => names.findIndex((name) => message.startsWith(`${name}:`) || message.startsWith(`${name} `))
  const messages = result.errors.map((error) => error.rawMessage)
  return names.map((_, index) => messages.filter((message) => [index, -1].includes(owner(message))))
}

const xliffSchema = ['xliff/xliff_core_2.0.xsd', [{ path: 'xliff/informativeCopiesOf3rdPartySchemas/w3c/xml.xsd', as: 'informativeCopiesOf3rdPartySchemas/w3c/xml.xsd' }]] as const
const xliff12Schema = ['xliff12/xliff-core-1.2-strict.xsd', [{ path: 'xliff12/xml.xsd', as: 'xml.xsd' }]] as const
const aknSchema = ['akn/akomantoso30.xsd', [{ path: 'akn/xml.xsd', as: 'xml.xsd' }]] as const

/** Errors of an XLIFF string against the OASIS XLIFF 2.0 core schema (empty when valid). */
export async function validateXliff(xml: string): Promise<string[]> {
  return (await validateXliffEach([xml]))[0]!
}

/** Errors of each XLIFF string against the OASIS XLIFF 2.0 core schema, in one run (an empty list for a valid one). */
export function validateXliffEach(xmls: readonly string[]): Promise<string[][]> {
  return validate(xmls, xliffSchema[0], [...xliffSchema[1]])
}

/** Errors of an XLIFF 1.2 string against the OASIS XLIFF 1.2 strict schema (empty when valid). */
export async function validateXliff12(xml: string): Promise<string[]> {
  return (await validateXliff12Each([xml]))[0]!
}

/** Errors of each XLIFF 1.2 string against the OASIS XLIFF 1.2 strict schema, in one run (an empty list for a valid one). */
export function validateXliff12Each(xmls: readonly string[]): Promise<string[][]> {
  return validate(xmls, xliff12Schema[0], [...xliff12Schema[1]])
}

/** Errors of an Akoma Ntoso string against the OASIS Akoma Ntoso 3.0 schema (empty when valid). */
export async function validateAkn(xml: string): Promise<string[]> {
  return (await validateAknEach([xml]))[0]!
}

/** Errors of each Akoma Ntoso string against the OASIS Akoma Ntoso 3.0 schema, in one run (an empty list for a valid one). */
export function validateAknEach(xmls: readonly string[]): Promise<string[][]> {
  return validate(xmls, aknSchema[0], [...aknSchema[1]])
}

const accents: Record<string, string> = { a: 'à', e: 'é', i: 'î', o: 'ô', u: 'ü', A: 'À', E: 'É', O: 'Ô' }

/** A deterministic pseudo-translation: every vowel accented ("Objective" -> "Ôbjéctîvé"), all else kept. */
export function pseudo(text: string): string {
  return text.replace(/[aeiouAEO]/g, (c) => accents[c]!)
}

function translateCopy(node: Node, doc: ReturnType<DOMParser['parseFromString']>): Node {
  if (node.nodeType === 3) return doc.createTextNode(pseudo(node.nodeValue ?? ''))
  const copy = node.cloneNode(false)
  for (let child = node.firstChild; child; child = child.nextSibling) copy.appendChild(translateCopy(child, doc))
  return copy
}

/** Fills every segment's target with the pseudo-translation of its source (inline codes kept) and marks it translated. */
export function fillTargets(xliff: string, state = 'translated', skip: (unitId: string) => boolean = () => false): string {
  const doc = new DOMParser().parseFromString(xliff, 'text/xml')
  const segments = doc.getElementsByTagName('segment')
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!
    const unitId = (segment.parentNode as Element).getAttribute('id')!
    if (skip(unitId)) continue
    const source = segment.getElementsByTagName('source')[0]!
    const old = segment.getElementsByTagName('target')[0]
    if (old) segment.removeChild(old)
    const target = doc.createElementNS(source.namespaceURI, 'target')
    for (let child = source.firstChild; child; child = child.nextSibling) target.appendChild(translateCopy(child, doc))
    segment.appendChild(target)
    segment.setAttribute('state', state)
  }
  return new XMLSerializer().serializeToString(doc)
}

/** Fills every XLIFF 1.2 trans-unit's target with the pseudo-translation of its source (codes kept), in `state`. */
export function fillTargets12(xliff: string, state = 'translated', skip: (unitId: string) => boolean = () => false): string {
  const doc = new DOMParser().parseFromString(xliff, 'text/xml')
  const units = doc.getElementsByTagName('trans-unit')
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!
    if (skip(unit.getAttribute('id')!)) continue
    const source = unit.getElementsByTagName('source')[0]!
    const old = unit.getElementsByTagName('target')[0]
    const target = doc.createElementNS(source.namespaceURI, 'target')
    for (let child = source.firstChild; child; child = child.nextSibling) target.appendChild(translateCopy(child, doc))
    target.setAttribute('state', state)
    if (old) unit.replaceChild(target, old)
    else unit.insertBefore(target, source.nextSibling)
  }
  return new XMLSerializer().serializeToString(doc)
}

/** Parses XML with xmldom, for tests that edit or inspect an export. */
export function parseXml(xml: string) {
  return new DOMParser().parseFromString(xml, 'text/xml')
}

/** Serialises a DOM back to a string. */
export function serializeXml(doc: Node): string {
  return new XMLSerializer().serializeToString(doc)
}
