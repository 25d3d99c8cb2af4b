// Measures one stage on a generated declaration in a fresh process, so that the peak resident memory
// (maxRSS) is that of this stage alone and every size is measured under the same conditions.
// Prints one JSON line.
// Usage: node --expose-gc test/bench/child.mjs STAGE CLAUSES (after run.mjs or profile.mjs built .bench/lib)
import { measure } from './measure.mjs'
import { loadLibrary, stageInputs } from './stages.mjs'

const [stage, clauses] = process.argv.slice(2)
// Only the stage's own renderer is loaded: the peak is what a service doing this one thing needs.
const render = stage === 'pdf' || stage === 'docx'
const lib = await loadLibrary({ bundle: false, pdf: stage === 'pdf', docx: stage === 'docx' })

// Warm the code paths on a small document first (5 runs and 500 ms at least), so that every size
// starts from the same optimised code and the figures compare the renderer, not V8's tiering. A
// 10,000-clause PDF or DOCX render, long enough to warm itself up, skips this: its peak memory is
// then that of the render alone, not of the warm-up's heap too.
if (!(render && Number(clauses) >= 10000)) {
  const warm = stageInputs(lib, '100')
  warm.prepare(stage)
  for (let runs = 0, started = performance.now(); runs < 5 || performance.now() - started < 500; runs++) await warm.tasks[stage]()
}

const inputs = stageInputs(lib, clauses)
inputs.prepare(stage)
globalThis.gc?.()
const baselineRss = process.memoryUsage().rss
// At least three runs and 1.5 s, for a median that one slow run cannot move; a 10,000-clause PDF,
// which takes many seconds, runs once.
const iterations = stage === 'pdf' && Number(clauses) >= 10000 ? 1 : 3
const figures = await measure(`${stage} ${clauses}`, inputs.tasks[stage], { iterations, time: 1500, warmupIterations: 0 })
console.log(JSON.stringify({ stage, clauses: Number(clauses), ...figures, baselineRssMB: baselineRss / 2 ** 20, peakRssMB: process.resourceUsage().maxRSS / 1024 }))
