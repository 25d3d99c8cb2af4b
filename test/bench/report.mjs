// Formats the benchmark figures as plain-text tables: bundled documents, scale series, growth,
// memory and the large diff, each row with its target and whether it is met.

const ms = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2))
const verdict = (met) => (met === undefined ? '' : met ? 'ok' : 'MISSED')

/** Lays out rows of cells as a table with a header rule; numbers are right-aligned. */
export function table(header, rows) {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => String(row[column]).length)))
  const numeric = header.map((_, column) => rows.every((row) => /^[\d.,x%-]*$|^$/.test(String(row[column]).replace(/ (ms|MB)$/, ''))))
  const line = (row) => row.map((cell, column) => (numeric[column] ? String(cell).padStart(widths[column]) : String(cell).padEnd(widths[column]))).join('  ').trimEnd()
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n')
}

/** The whole report as text. */
export function formatReport({ environment, bundled, print = [], scale, growth, memory, largeDiff }) {
  const out = []
  const env = environment
  out.push(`declaration-kit benchmarks: Node ${env.node}, ${env.cpus} × ${env.cpuModel}, load average ${env.loadAverageAtStart.join(' ')} at start, ${env.loadAverageAtEnd.join(' ')} at end; ${env.wallSeconds} s`)
  out.push('')
  out.push('Bundled documents (median wall time; CPU = process CPU time per run)')
  out.push(table(
    ['document', 'stage', 'median ms', 'CPU ms', 'ops/s', 'runs', 'target', ''],
    bundled.map((row) =>
      row.error
        ? [row.document, row.stage, 'error', '', '', '', row.targetMs ? `< ${row.targetMs} ms` : '', `FAILED: ${row.error}`]
        : [row.document, row.stage, ms(row.medianMs), ms(row.cpuMedianMs), row.opsPerSecond.toFixed(1), row.samples, row.targetMs ? `< ${row.targetMs} ms` : '', verdict(row.met)],
    ),
  ))
  if (print.length) {
    out.push('')
    out.push(`Loose lines in the bundled PDFs (justified lines whose widest word space is over twice the font's space; test/bench/loose-lines.mjs)`)
    out.push(table(
      ['document', 'justified lines', 'loose', 'share', 'widest space', 'characters a line', 'target', ''],
      print.map((row) => [row.document, row.justifiedLines, row.looseLines, `${(row.share * 100).toFixed(1)} %`, `${row.widestSpace.toFixed(2)}x`, row.charsPerLine.toFixed(0), `< ${row.target * 100} %`, verdict(row.met)]),
    ))
  }
  const sizes = [...new Set(scale.map((row) => row.clauses))]
  const stages = [...new Set(scale.map((row) => row.stage))]
  if (sizes.length) {
    out.push('')
    const rounds = env.rounds ?? 1
    out.push(`Generated declarations (median ms per run, each stage and size in its own warmed-up child process${rounds > 1 ? `, median of ${rounds} rounds` : ''}; clauses per second at the largest size)`)
    // A growth figure: the median of the rounds' factors, and their range when there are several rounds.
    const factor = (median, factors) => (median === undefined ? '' : `${median.toFixed(1)}x${factors?.length > 1 ? ` (${Math.min(...factors).toFixed(1)}–${Math.max(...factors).toFixed(1)})` : ''}`)
    out.push(table(
      ['stage', ...sizes.map((size) => `${size.toLocaleString('en')} cl.`), 'clauses/s', 'growth 1k→10k', 'CPU growth', ''],
      stages.map((stage) => {
        const rows = sizes.map((size) => scale.find((row) => row.stage === stage && row.clauses === size))
        const largest = rows.at(-1)
        const grow = growth.find((row) => row.stage === stage)
        return [
          stage,
          ...rows.map((row) => (row.error ? 'error' : ms(row.medianMs))),
          largest.error ? '' : Math.round((largest.clauses * 1000) / largest.medianMs).toLocaleString('en'),
          factor(grow?.factor, grow?.factors),
          factor(grow?.cpuFactor, grow?.cpuFactors),
          grow ? verdict(grow.met) : '',
        ]
      }),
    ))
    if (growth.length) {
      const each = rounds > 1 ? `; growth is the median of the ${rounds} rounds' own factors (each round runs both sizes back to back), their range in brackets` : ''
      out.push(`target: at most ${growth[0].target}x from 1,000 to 10,000 clauses, in wall and in CPU time${each}`)
    }
  }
  if (memory.length) {
    out.push('')
    out.push(`Peak memory (maxRSS of the child process of each stage and size${(env.rounds ?? 1) > 1 ? ', the highest of the rounds' : ''}; baseline = RSS with the library loaded and the document built)`)
    out.push(table(
      ['stage', ...sizes.map((size) => `${size.toLocaleString('en')} cl.`), 'baseline at largest', 'target', ''],
      stages.map((stage) => {
        const rows = sizes.map((size) => scale.find((row) => row.stage === stage && row.clauses === size))
        const target = memory.find((row) => row.stage === stage)
        const mb = (value) => (value === undefined ? 'error' : `${value.toFixed(0)} MB`)
        return [stage, ...rows.map((row) => mb(row.peakRssMB)), mb(rows.at(-1).baselineRssMB), target ? `< ${target.targetMB} MB` : '', target ? verdict(target.met) : '']
      }),
    ))
  }
  out.push('')
  out.push(`Diff of two ${largeDiff.clauses.toLocaleString('en')}-clause drafts with ${largeDiff.changedShare * 100} % of clauses changed: median ${ms(largeDiff.medianMs)} ms (CPU ${ms(largeDiff.cpuMedianMs)} ms, ${largeDiff.samples} runs), target < ${largeDiff.targetMs} ms ${verdict(largeDiff.met)}`)
  const failures = [...bundled, ...scale].filter((row) => row.error)
  if (failures.length) out.push('', 'Failures:', ...failures.map((row) => `  ${row.document ?? `${row.clauses} clauses`} ${row.stage}: ${row.error}`))
  return out.join('\n')
}
