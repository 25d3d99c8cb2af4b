// Generated declarations for the scale series: valid generic declarations (no profile) of any size,
// with clause lengths like those of the bundled COP29 declaration, and drafts of them with a share of
// clauses edited. Deterministic: the same arguments always give the same document.

/** @typedef {import('../../dist/index.js').Declaration} Declaration */

const vocabulary = (
  'digital technologies climate action sustainable development energy efficiency emissions resilient infrastructure ' +
  'governments stakeholders international organisations private sector academia civil society data centres ' +
  'artificial intelligence deployment innovation research policies transition pathways adaptation mitigation ' +
  'communities women youth persons with disabilities indigenous peoples capacity-building literacy inclusion ' +
  'monitoring forecasting early warning systems recycling e-waste management supply chains lifecycle metrics ' +
  'indicators methodologies assessment implementation collaboration partnerships financing mechanisms ' +
  'the of and to in for on with by through across including among within their our these such as both ' +
  'ensure promote strengthen encourage support develop enhance foster mobilise leverage address reduce'
).split(' ')

const leads = [
  'Recognising', 'Highlighting', 'Noting with concern', 'Acknowledging', 'Underlining', 'Expressing deep concern',
  'Reaffirming', 'Emphasising', 'Recalling', 'Welcoming', 'Bearing in mind', 'Mindful', 'Stressing', 'Convinced',
]

/** A seeded pseudo-random generator (mulberry32): numbers in [0, 1). */
export function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const between = (next, low, high) => low + Math.floor(next() * (high - low + 1))
const pick = (next, list) => list[Math.floor(next() * list.length)]

/** Text of `count` words in sentences of 12 to 30 words, with commas, ending with `end`. */
function prose(next, count, end) {
  const out = []
  let sentence = 0
  for (let index = 0; index < count; index++) {
    let word = pick(next, vocabulary)
    if (sentence === 0 && out.length > 0) word = word[0].toUpperCase() + word.slice(1)
    sentence++
    const last = index === count - 1
    if (!last && sentence >= 12 && next() < 0.15) {
      word += '.'
      sentence = 0
    } else if (!last && next() < 0.08) word += ','
    out.push(word)
  }
  return out.join(' ') + end
}

const text = (value) => [{ type: 'text', value }]

/** The share of clauses in each part: half preambular paragraphs, 30 % objectives, the rest section paragraphs. */
function split(clauses) {
  const preamble = Math.round(clauses * 0.5)
  const objectives = Math.min(Math.round(clauses * 0.3), clauses - preamble)
  return { preamble, objectives, paragraphs: clauses - preamble - objectives }
}

const paragraph = (id, fields) => ({ type: 'paragraph', id, ...fields })

/** The objectives as the numbered list after the chapeau, numbered 1…n, with ids para-1…para-n. */
const objectiveList = (items) => ({
  type: 'list',
  ordered: true,
  intro: paragraph('intro-1', { text: text('Affirm within our respective mandates the following common objectives:') }),
  items: items.map((item, index) => ({ ...item, id: `para-${index + 1}`, num: `${index + 1}.` })),
})

/**
 * A valid generic declaration of exactly `clauses` clauses (preambular paragraphs, numbered objectives
 * and section paragraphs of 10 per section), with realistic clause lengths: 25-80 words in the
 * preamble, 20-110 in objectives, 40-130 in section paragraphs. The last section ends with the
 * endorsement lead-in and its one-item list.
 * @param {number} clauses
 * @param {number} [seed]
 * @returns {Declaration}
 */
export function generateDeclaration(clauses, seed = 1) {
  const next = random(seed)
  const counts = split(clauses)
  const recitals = Array.from({ length: counts.preamble }, (_, index) =>
    paragraph(`preamble-${index + 1}`, { lead: pick(next, leads), text: text(prose(next, between(next, 25, 80), ';')) }),
  )
  const objectives = Array.from({ length: counts.objectives }, (_, index) =>
    paragraph(`para-${index + 1}`, {
      num: `${index + 1}.`,
      title: `${prose(next, between(next, 3, 7), '').replace(/^./, (c) => c.toUpperCase()).replace(/[.,]/g, '')}:`,
      text: text(prose(next, between(next, 20, 110), '.').replace(/^./, (c) => c.toUpperCase())),
    }),
  )
  const sections = []
  for (let start = 0; start < counts.paragraphs; start += 10) {
    const number = sections.length + 1
    const length = Math.min(10, counts.paragraphs - start)
    sections.push({
      type: 'section',
      id: `section-${number}`,
      level: 2,
      heading: `Section ${number}: ${prose(next, between(next, 2, 4), '').replace(/[.,]/g, '')}`,
      body: Array.from({ length }, (_, index) =>
        paragraph(`section-${number}-${index + 1}`, { text: text(prose(next, between(next, 40, 130), '.').replace(/^./, (c) => c.toUpperCase())) }),
      ),
    })
  }
  const endorsement = {
    type: 'list',
    ordered: false,
    intro: paragraph(`${sections.length ? `section-${sections.length}-` : ''}intro-${objectives.length ? 2 : 1}`, {
      text: text('National governments and other stakeholders can endorse this Declaration through:'),
    }),
    items: [paragraph('endorsement', { text: text('Any official written communication to the Presidency.') })],
  }
  const body = [...(objectives.length ? [objectiveList(objectives)] : []), ...sections]
  if (sections.length) sections[sections.length - 1].body.push(endorsement)
  else body.push(endorsement)
  return {
    type: 'declaration',
    id: `generated-${clauses}`,
    language: 'en-GB',
    preface: [],
    title: `Generated Declaration of ${clauses} Clauses`,
    preamble: {
      formula: paragraph('formula', { text: text('We, national governments and other stakeholders, including international organisations and civil society organisations;') }),
      paragraphs: recitals,
    },
    body,
    closing: [],
    annexes: [],
    footnotes: [],
  }
}

/**
 * A later draft of a declaration with `share` of its clauses changed, as a re-parsed draft would be
 * (positional ids and objective numbers renumbered): of every four edits, two reword a few words of a
 * clause, one inserts a new preambular paragraph and one removes a preambular paragraph.
 * @param {Declaration} doc
 * @param {number} share fraction of clauses to change, such as 0.01
 * @param {number} [seed]
 * @returns {Declaration}
 */
export function editDeclaration(doc, share, seed = 2) {
  const next = random(seed)
  const preamble = doc.preamble.paragraphs.map((clause) => ({ ...clause }))
  const list = doc.body[0]?.type === 'list' && doc.body[0].ordered ? doc.body[0] : undefined
  const objectives = (list?.items ?? []).map((clause) => ({ ...clause }))
  const edits = Math.max(1, Math.round(clauseCount(doc) * share))
  const reword = (clause) => {
    const words = clause.text[0].value.split(' ')
    for (let count = 0; count < 3; count++) words[between(next, 0, words.length - 2)] = pick(next, vocabulary)
    return { ...clause, text: text(words.join(' ')) }
  }
  for (let edit = 0; edit < edits; edit++) {
    const at = between(next, 0, preamble.length - 1)
    if (edit % 4 === 2) preamble.splice(at, 0, paragraph('new', { lead: pick(next, leads), text: text(prose(next, between(next, 25, 80), ';')) }))
    else if (edit % 4 === 3 && preamble.length > 1) preamble.splice(at, 1)
    else if (edit % 2 === 0) preamble[at] = reword(preamble[at])
    else {
      const index = between(next, 0, objectives.length - 1)
      if (objectives.length) objectives[index] = reword(objectives[index])
    }
  }
  return {
    ...doc,
    preamble: { ...doc.preamble, paragraphs: preamble.map((clause, index) => ({ ...clause, id: `preamble-${index + 1}` })) },
    body: list ? [{ ...list, items: objectives.map((item, index) => ({ ...item, id: `para-${index + 1}`, num: `${index + 1}.` })) }, ...doc.body.slice(1)] : doc.body,
  }
}

/** The number of clauses (preambular paragraphs, objectives, section paragraphs; not lead-ins nor the endorsement) of a declaration. */
export function clauseCount(doc) {
  const list = doc.body[0]?.type === 'list' && doc.body[0].ordered ? doc.body[0] : undefined
  const sectionParagraphs = doc.body.reduce((sum, block) => sum + (block.type === 'section' ? block.body.filter((inner) => inner.type === 'paragraph').length : 0), 0)
  return doc.preamble.paragraphs.length + (list?.items.length ?? 0) + sectionParagraphs
}
