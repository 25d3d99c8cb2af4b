// Runs one stage many times on the bundled declaration or a generated one, for `node --cpu-prof`.
// Usage: node --cpu-prof --cpu-prof-dir=.bench/profiles test/bench/profile.mjs STAGE [CLAUSES|cop29|letter] [RUNS]
// then: node test/bench/summarize-profile.mjs .bench/profiles/<file>.cpuprofile
import { loadLibrary, stageInputs } from './stages.mjs'

const [stage = 'markdown', which = 'cop29', runs = '20'] = process.argv.slice(2)
const lib = await loadLibrary({ bundle: process.env.BENCH_BUNDLE !== '0' })
const inputs = stageInputs(lib, which)
const task = inputs.tasks[stage]
if (!task) throw new Error(`unknown stage "${stage}"`)
inputs.prepare(stage)
const started = performance.now()
for (let run = 0; run < Number(runs); run++) await task()
console.log(`${stage} ${which}: ${((performance.now() - started) / Number(runs)).toFixed(1)} ms per run (mean of ${runs})`)
