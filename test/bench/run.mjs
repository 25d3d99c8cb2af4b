// `npm run bench`: times parse, validate, Markdown, PDF, DOCX, HTML and diff on the bundled declaration and
// letter and on generated declarations of 100, 1,000 and 10,000 clauses, prints the figures against the
// targets and, with `--json FILE`, writes them as JSON.
// Usage: node test/bench/run.mjs [--json FILE] [--sizes 100,1000,10000] [--rounds 3] [--no-bundle]
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { editDeclaration, generateDeclaration } from './generate.mjs'
import { formatLoose, measureLooseLines } from './loose-lines.mjs'
import { measure, median } from './measure.mjs'
import { loadLibrary, stageInputs, stageNames } from './stages.mjs'
import { formatReport } from './report.mjs'

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    sizes: { type: 'string', default: '100,1000,10000' },
    rounds: { type: 'string', default: '3' },
    'no-bundle': { type: 'boolean', default: false },
  },
})
const sizes = values.sizes.split(',').map(Number)
const rounds = Math.max(1, Number(values.rounds) || 1)

/** Targets in milliseconds for the bundled declaration (medians). */
const bundledTargets = { markdown: 5, pdf: 150, docx: 80, html: 5, diff: 20 }
const growthTarget = 12
const rssTargetMB = 500
const largeDiffTargetMs = 1000

const progress = (line) => process.stderr.write(`${line}\n`)
const started = performance.now()
const environment = {
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  totalMemoryMB: Math.round(os.totalmem() / 2 ** 20),
  loadAverageAtStart: os.loadavg().map((load) => Number(load.toFixed(2))),
}

const lib = await loadLibrary({ bundle: !values['no-bundle'] })

// 1. The bundled documents: a warm-up long enough for the JIT to settle, then enough runs for a stable median.
const bundled = []
for (const which of ['cop29', 'letter']) {
  const inputs = stageInputs(lib, which)
  for (const stage of stageNames) {
    inputs.prepare(stage)
    const document = which === 'cop29' ? 'declaration' : 'letter'
    const target = which === 'cop29' ? bundledTargets[stage] : undefined
    try {
      const figures = await measure(`${which} ${stage}`, inputs.tasks[stage], { iterations: 10, time: 1000, warmupIterations: 10, warmupTime: 300 })
      bundled.push({ document, stage, ...figures, targetMs: target, met: target === undefined ? undefined : figures.medianMs < target })
      progress(`${which} ${stage}: ${figures.medianMs.toFixed(2)} ms`)
    } catch (error) {
      // A stage that fails is reported as such; the others are still measured.
      bundled.push({ document, stage, error: String(error?.message ?? error), targetMs: target, met: target === undefined ? undefined : false })
      progress(`${which} ${stage}: failed: ${error?.message ?? error}`)
    }
  }
}

// Print quality of the bundled PDFs: the share of justified lines with a word space over twice the font's.
const print = []
for (const which of ['cop29', 'letter']) {
  const inputs = stageInputs(lib, which)
  const result = await measureLooseLines(await inputs.tasks.pdf())
  const name = which === 'cop29' ? 'declaration' : 'letter'
  print.push({ document: name, justifiedLines: result.justified, looseLines: result.loose.length, share: result.share, widestSpace: result.worst, charsPerLine: result.charsPerLine, target: 0.05, met: result.share < 0.05 })
  progress(formatLoose(name, result))
}

// 2. The scale series: one child process per stage, size and round, so that every size is measured under the
//    same conditions and each has its own peak memory. A stage's sizes run one after the other, round after
//    round, so that each round's growth factor compares runs made seconds apart, not minutes apart on a
//    machine whose load moves; the growth reported is the median of the rounds' factors.
const scale = []
const rows = []
const child = fileURLToPath(new URL('child.mjs', import.meta.url))
for (const stage of stageNames) {
  for (let round = 1; round <= rounds; round++) {
    for (const clauses of sizes) {
      try {
        const output = execFileSync(process.execPath, ['--expose-gc', child, stage, String(clauses)], { encoding: 'utf8', maxBuffer: 2 ** 20, stdio: ['ignore', 'pipe', 'pipe'] })
        const figures = { ...JSON.parse(output.trim().split('\n').at(-1)), round }
        rows.push(figures)
        progress(`${clauses} clauses ${stage}, round ${round}: ${figures.medianMs.toFixed(1)} ms (CPU ${figures.cpuMedianMs.toFixed(1)} ms), peak RSS ${figures.peakRssMB.toFixed(0)} MB`)
      } catch (error) {
        const message = String(error.stderr ?? error.message).trim().split('\n').find((line) => /Error/.test(line)) ?? 'failed'
        rows.push({ stage, clauses, round, error: message })
        progress(`${clauses} clauses ${stage}, round ${round}: failed: ${message}`)
      }
    }
  }
  for (const clauses of sizes) scale.push(combineRounds(rows.filter((row) => row.stage === stage && row.clauses === clauses)))
}

/**
 * One stage and size over the rounds: the median of the rounds' median wall and CPU times, the highest peak
 * RSS (a round's figures are kept in `rounds`); an error when any round failed.
 */
function combineRounds(list) {
  const failed = list.find((row) => row.error)
  if (failed) return { stage: failed.stage, clauses: failed.clauses, error: failed.error, rounds: list }
  const { stage, clauses } = list[0]
  const peak = list.reduce((highest, row) => (row.peakRssMB > highest.peakRssMB ? row : highest))
  return { stage, clauses, medianMs: median(list.map((row) => row.medianMs)), cpuMedianMs: median(list.map((row) => row.cpuMedianMs)), peakRssMB: peak.peakRssMB, baselineRssMB: peak.baselineRssMB, rounds: list }
}

const figureOf = (stage, clauses, round) => rows.find((row) => row.stage === stage && row.clauses === clauses && row.round === round)
// Each round's factor from its own two runs; the median of the factors, which one round of a busy host cannot move
// (with three rounds), and their range, which shows how much the host moved them.
const growth = sizes.includes(1000) && sizes.includes(10000)
  ? stageNames.map((stage) => {
      const pairs = Array.from({ length: rounds }, (_, index) => [figureOf(stage, 1000, index + 1), figureOf(stage, 10000, index + 1)])
      if (pairs.some(([small, large]) => small.error || large.error)) return { stage, from: 1000, to: 10000, target: growthTarget, met: false }
      const factors = pairs.map(([small, large]) => large.medianMs / small.medianMs)
      const cpuFactors = pairs.map(([small, large]) => large.cpuMedianMs / small.cpuMedianMs)
      const factor = median(factors)
      const cpuFactor = median(cpuFactors)
      return { stage, from: 1000, to: 10000, factor, cpuFactor, factors, cpuFactors, target: growthTarget, met: factor <= growthTarget && cpuFactor <= growthTarget }
    })
  : []
const memory = scale
  .filter((row) => row.clauses === 10000)
  .map(({ stage, clauses, peakRssMB, baselineRssMB }) => ({ stage, clauses, peakRssMB, baselineRssMB, targetMB: rssTargetMB, met: peakRssMB !== undefined && peakRssMB < rssTargetMB }))

// 3. Two drafts of 2,000 clauses with 1 % of the clauses changed.
const large = generateDeclaration(2000)
const largeDraft = editDeclaration(large, 0.01)
const largeDiff = { clauses: 2000, changedShare: 0.01, ...(await measure('diff 2000', () => lib.diffDocuments(large, largeDraft), { iterations: 5, time: 1000, warmupIterations: 1 })) }
largeDiff.targetMs = largeDiffTargetMs
largeDiff.met = largeDiff.medianMs < largeDiffTargetMs
progress(`diff 2,000 clauses, 1 % changed: ${largeDiff.medianMs.toFixed(1)} ms`)

environment.loadAverageAtEnd = os.loadavg().map((load) => Number(load.toFixed(2)))
environment.wallSeconds = Number(((performance.now() - started) / 1000).toFixed(1))
environment.commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
  } catch {
    return undefined
  }
})()

environment.rounds = rounds
const report = { environment, bundled, print, scale, growth, memory, largeDiff }
console.log(formatReport(report))
if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`)
