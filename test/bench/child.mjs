// Measures one stage on a generated declaration in a fresh process, so that the peak resident memory
// (maxRSS) is that of this stage alone and every size is measured under the same conditions.
// Prints one JSON line.
// Usage: node --expose-gc test/bench/child.mjs STAGE CLAUSES (after run.mjs or profile.mjs built .bench/lib)
import { measure } from './measure.mjs'
import { loadLibrary, stageInputs, warmsUp, warmUp } from './stages.mjs'

const [stage, clauses] = process.argv.slice(2)
// Only the stage's own renderer is loaded: the peak is what a service doing this one thing needs.
const lib = await loadLibrary({ bundle: false, pdf: stage === 'pdf', docx: stage === 'docx' })

await warmUp(lib, stage, clauses)

const inputs = stageInputs(lib, clauses)
inputs.prepare(stage)
globalThis.gc?.()
const baselineRss = process.memoryUsage().rss
// At least three runs and 1.5 s, for a median that one slow run cannot move; a 10,000-clause PDF,
// which takes many seconds, runs once. Before them, two untimed runs on the measured document itself, at
// every size warmed up on smaller ones: the first runs at a new size grow the heap (a 10,000-clause diff's
// first run took twice the time of the third, most of it in the collector), and a size timed over many
// runs (a 1,000-clause diff runs about a hundred times in 1.5 s) left them out of its median where one
// timed over a few did not. A 10,000-clause PDF or DOCX render, whose runs take seconds, is warmed up on the
// smaller sizes only, and the heap is collected before each of its timed runs, for its peak memory: in three
// DOCX renders back to back, the collector left one render's garbage in the heap during the next (peak
// 489–516 MB, against 251–258 MB for one render).
const warm = warmsUp(stage, clauses)
const single = stage === 'pdf' && Number(clauses) >= 10000
const figures = await measure(`${stage} ${clauses}`, inputs.tasks[stage], { iterations: single ? 1 : 3, time: 1500, warmupIterations: warm ? 2 : 0, collect: !warm })
console.log(JSON.stringify({ stage, clauses: Number(clauses), ...figures, baselineRssMB: baselineRss / 2 ** 20, peakRssMB: process.resourceUsage().maxRSS / 1024 }))
