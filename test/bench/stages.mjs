// The library under benchmark and the inputs of each stage: parse, validate, Markdown, PDF, DOCX, HTML
// and diff, for the bundled declaration, the bundled letter (with its annexed declaration) and generated
// declarations of any number of clauses.
import { readFileSync } from 'node:fs'
import { editDeclaration, generateDeclaration } from './generate.mjs'
import { benchLib, bundleLibrary } from './bundle.mjs'

/** The stages in the order they run and print. */
export const stageNames = ['parse', 'validate', 'markdown', 'pdf', 'docx', 'html', 'diff']

/**
 * Imports the core (with the clause diff), the HTML entry and, unless left out, the PDF and DOCX entries: from a fresh
 * bundle of `src/` (`bundle: true`, the default), or from the `.bench/lib/` bundle already built.
 */
export async function loadLibrary({ bundle = true, pdf = true, docx = true } = {}) {
  if (bundle) bundleLibrary()
  const load = (name) => import(new URL(`${name}.js`, benchLib).href)
  const [core, pdfEntry, docxEntry, htmlEntry] = await Promise.all([load('index'), pdf ? load('pdf') : {}, docx ? load('docx') : {}, load('html')])
  return { ...core, renderPdf: pdfEntry.renderPdf, renderDocx: docxEntry.renderDocx, renderHtml: htmlEntry.renderHtml }
}

const draftFile = new URL('../fixtures/diff/declaration.draft-2.en.md', import.meta.url)

/** A copy of the letter whose first body paragraph has one word replaced (the letter's diff input). */
function editLetter(letter) {
  const [first, ...rest] = letter.body
  const value = first.text.map((node) => (node.type === 'text' ? node.value : '')).join('')
  return { ...letter, body: [{ ...first, text: [{ type: 'text', value: value.replace(/\S+$/, 'modifié.') }] }, ...rest] }
}

/**
 * The work of each stage for one document, as functions to time: `cop29` (the bundled declaration,
 * diffed against the second draft in test/fixtures/diff), `letter` (the bundled letter and its annex)
 * or a number of clauses (a generated declaration, diffed against a draft with 1 % of clauses changed).
 * Inputs a stage needs (Markdown source, draft) are made by `prepare(stage)`, outside the timings.
 */
export function stageInputs(lib, which) {
  const declaration = lib.cop29Declaration
  const bundled = which === 'cop29' || which === 'letter'
  const doc = which === 'cop29' ? declaration : which === 'letter' ? lib.cop29Letter : generateDeclaration(Number(which))
  const annexes = which === 'letter' ? [declaration] : undefined
  const options = annexes ? { annexes } : {}
  let source, draft
  const makeSource = () =>
    (source ??= which === 'cop29' ? lib.cop29DeclarationSource : which === 'letter' ? lib.cop29LetterSource : lib.renderMarkdown(doc))
  const makeDraft = () =>
    (draft ??= which === 'cop29' ? lib.parseDocument(readFileSync(draftFile, 'utf8')) : which === 'letter' ? editLetter(doc) : editDeclaration(doc, 0.01))
  return {
    doc,
    bundled,
    prepare(stage) {
      if (stage === 'parse') makeSource()
      if (stage === 'diff') makeDraft()
    },
    tasks: {
      // A generated document of 10,000 clauses is larger than the default input limit (4 MB).
      parse: () => lib.parseDocument(makeSource(), { maxSize: 64 * 2 ** 20 }),
      validate: () => lib.safeValidate(doc),
      markdown: () => lib.renderMarkdown(doc),
      pdf: async () => lib.renderPdf(doc, options),
      docx: async () => lib.renderDocx(doc, options),
      html: () => lib.renderHtml(doc, options),
      diff: () => lib.diffDocuments(doc, makeDraft()),
    },
  }
}

/**
 * Whether a stage also runs twice, untimed, on the measured document itself before it is timed at this size:
 * all do but a 10,000-clause PDF or DOCX render, whose runs take seconds (they are warmed up on the smaller
 * sizes, and the heap is collected before each of their timed runs, for their peak memory).
 */
export function warmsUp(stage, clauses) {
  return !((stage === 'pdf' || stage === 'docx') && Number(clauses) >= 10000)
}

/**
 * Warms a stage's code paths on smaller documents first (5 runs and 500 ms at least on each), so that every
 * size starts from the same optimised code and the figures compare the stage, not V8's tiering: a 10,000-clause
 * PDF once rendered without it took a first run's JIT warm-up into its single timed run, which the warmed-up
 * 1,000-clause median did not have.
 */
export async function warmUp(lib, stage, clauses) {
  // A 100-clause draft has one changed clause: a larger document also warms the paths that only several
  // changed clauses take (pairing the leftovers by similarity), as the 1,000-clause runs warm themselves.
  for (const size of Number(clauses) > 1000 ? ['100', '1000'] : ['100']) {
    const warm = stageInputs(lib, size)
    warm.prepare(stage)
    for (let runs = 0, started = performance.now(); runs < 5 || performance.now() - started < 500; runs++) await warm.tasks[stage]()
  }
}
