// Runs one stage on a generated declaration in a fresh process and splits each run's time: wall, process
// CPU, and the garbage collector's pauses (by kind: 1 scavenge, 4 mark-compact, 8 incremental). Warms up
// on 100 clauses as child.mjs does; prints the run of median CPU time and the means.
// Usage: node --expose-gc [--single-threaded-gc] test/bench/gc-split.mjs STAGE CLAUSES [RUNS]
// (after run.mjs or profile.mjs built .bench/lib; BENCH_LIB=DIR for another bundle). With
// --single-threaded-gc the pauses are the collector's whole CPU time.
import { PerformanceObserver } from 'node:perf_hooks'
import { loadLibrary, stageInputs, warmUp } from './stages.mjs'

const [stage, clauses, runs = '5'] = process.argv.slice(2)
const lib = await loadLibrary({ bundle: false, pdf: stage === 'pdf', docx: stage === 'docx' })
let pauses = {}
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) pauses[entry.detail.kind] = (pauses[entry.detail.kind] ?? 0) + entry.duration
}).observe({ entryTypes: ['gc'] })
await warmUp(lib, stage, clauses)
const inputs = stageInputs(lib, clauses)
inputs.prepare(stage)
globalThis.gc?.()
const cpu = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
const rows = []
for (let run = 0; run < Number(runs); run++) {
  pauses = {}
  const [wall, started] = [performance.now(), cpu()]
  await inputs.tasks[stage]()
  const row = { wallMs: performance.now() - wall, cpuMs: cpu() - started }
  // GC entries are delivered after the run's synchronous work.
  await new Promise((resolve) => setTimeout(resolve, 0))
  rows.push({ ...row, gcMs: Object.values(pauses).reduce((sum, ms) => sum + ms, 0), gcByKind: pauses })
}
const round = (value) => Number(value.toFixed(1))
const mean = (key) => round(rows.reduce((sum, row) => sum + row[key], 0) / rows.length)
const median = [...rows].sort((a, b) => a.cpuMs - b.cpuMs)[rows.length >> 1]
console.log(JSON.stringify({ stage, clauses: Number(clauses), runs: rows.length, median: { wallMs: round(median.wallMs), cpuMs: round(median.cpuMs), gcMs: round(median.gcMs) }, meanCpuMs: mean('cpuMs'), meanGcMs: mean('gcMs'), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }))
