// Where the objects that outlive V8's young generation come from: samples allocations while one stage
// runs on a generated declaration, keeping the objects that survived a scavenge (died in a full
// collection or still alive), and prints the functions that allocated most of them, per run.
// Usage: node --expose-gc test/bench/survivors.mjs STAGE CLAUSES [RUNS] (after run.mjs built .bench/lib)
import { Session } from 'node:inspector/promises'
import { loadLibrary, stageInputs } from './stages.mjs'

const [stage, clauses, runs = '3'] = process.argv.slice(2)
const lib = await loadLibrary({ bundle: false, pdf: stage === 'pdf', docx: stage === 'docx' })
const warm = stageInputs(lib, '100')
warm.prepare(stage)
for (let run = 0; run < 50; run++) await warm.tasks[stage]()
const inputs = stageInputs(lib, clauses)
inputs.prepare(stage)
globalThis.gc?.()
const session = new Session()
session.connect()
await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: false })
for (let run = 0; run < Number(runs); run++) await inputs.tasks[stage]()
const { profile } = await session.post('HeapProfiler.stopSampling')
const bytes = new Map()
const visit = (node) => {
  const { functionName, url, lineNumber } = node.callFrame
  const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`
  if (node.selfSize) bytes.set(name, (bytes.get(name) ?? 0) + node.selfSize)
  for (const child of node.children) visit(child)
}
visit(profile.head)
const perRun = (size) => (size / 2 ** 20 / Number(runs)).toFixed(2).padStart(7)
console.log(`${stage} ${clauses}: ${perRun([...bytes.values()].reduce((sum, size) => sum + size, 0))} MB per run outlived a scavenge`)
for (const [name, size] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${perRun(size)} MB  ${name}`)
