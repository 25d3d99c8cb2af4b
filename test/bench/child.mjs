// Measures one stage on a generated declaration in a fresh process, so that the peak resident memory
// (maxRSS) is that of this stage alone and every size is measured under the same conditions.
// Prints one JSON line.
// Usage: node --expose-gc test/bench/child.mjs STAGE CLAUSES (after run.mjs or profile.mjs built .bench/lib)
import { measure } from './measure.mjs'
import { loadLibrary, stageInputs, warmUp } from './stages.mjs'

const [stage, clauses] = process.argv.slice(2)
// Only the stage's own renderer is loaded: the peak is what a service doing this one thing needs.
const lib = await loadLibrary({ bundle: false, pdf: stage === 'pdf', docx: stage === 'docx' })

await warmUp(lib, stage, clauses)

const inputs = stageInputs(lib, clauses)
inputs.prepare(stage)
globalThis.gc?.()
const baselineRss = process.memoryUsage().rss
// At least three runs and 1.5 s, for a median that one slow run cannot move; a 10,000-clause PDF,
// which takes many seconds, runs once.
const iterations = stage === 'pdf' && Number(clauses) >= 10000 ? 1 : 3
const figures = await measure(`${stage} ${clauses}`, inputs.tasks[stage], { iterations, time: 1500, warmupIterations: 0 })
console.log(JSON.stringify({ stage, clauses: Number(clauses), ...figures, baselineRssMB: baselineRss / 2 ** 20, peakRssMB: process.resourceUsage().maxRSS / 1024 }))
