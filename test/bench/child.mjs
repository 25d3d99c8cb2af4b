// Measures one stage on a generated declaration in a fresh process, so that the peak resident memory
// (maxRSS) is that of this stage alone. Prints one JSON line.
// Usage: node test/bench/child.mjs STAGE CLAUSES (after run.mjs or profile.mjs built .bench/lib)
import { measure } from './measure.mjs'
import { loadLibrary, stageInputs } from './stages.mjs'

const [stage, clauses] = process.argv.slice(2)
const lib = await loadLibrary({ bundle: false })

// Warm the code paths on a small document (20 runs and 300 ms at least), as the in-process series does
// with its warm-up, without raising the memory baseline as a large warm-up document would.
const warm = stageInputs(lib, '100')
warm.prepare(stage)
for (let runs = 0, started = performance.now(); runs < 20 || performance.now() - started < 300; runs++) await warm.tasks[stage]()

const inputs = stageInputs(lib, clauses)
inputs.prepare(stage)
globalThis.gc?.()
const baselineRss = process.memoryUsage().rss
// One run is enough past a few seconds; quicker stages run at least three times.
const figures = await measure(`${stage} ${clauses}`, inputs.tasks[stage], { iterations: 1, time: 3000, warmupIterations: 0 })
console.log(JSON.stringify({ stage, clauses: Number(clauses), ...figures, baselineRssMB: baselineRss / 2 ** 20, peakRssMB: process.resourceUsage().maxRSS / 1024 }))
