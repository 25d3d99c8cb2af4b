// Cold start of the CLI rendering both bundled documents to Markdown, PDF and DOCX (six files), side by
// side with pandoc converting the declaration alone to DOCX, and the declaration alone to DOCX (like for
// like). The three commands run interleaved, round after round, so that a busy machine slows all of them
// alike; the figure is the median over rounds of each round's ratio.
// Usage: node test/bench/cold-start.mjs [--runs N] [--node PATH] [--dist DIR] [--before DIR] [--json FILE]
// (builds dist/ first when a source is newer; --node runs the CLI under another Node binary; --dist
// measures another build, e.g. a copy of dist/ made before a change, placed inside the repository;
// --before measures such a copy too, in the same rounds, for a before/after pair)
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, node: { type: 'string', default: process.execPath }, json: { type: 'string' }, dist: { type: 'string' }, before: { type: 'string' } } })
const runs = Number(values.runs)
if (!values.dist) execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--js-only', '--silent'], { cwd: root, stdio: 'inherit' })
const work = mkdtempSync(path.join(tmpdir(), 'declaration-kit-cold-'))
const cli = path.resolve(values.dist ?? path.join(root, 'dist'), 'cli.js')
const commands = {
  kit: [values.node, [cli, 'render', '--format', 'md,pdf,docx', '--quiet', '--out', path.join(work, 'out')]],
  pandoc: ['pandoc', [path.join(root, 'content/declaration.en.md'), '-o', path.join(work, 'pandoc.docx')]],
  one: [values.node, [cli, 'render', path.join(root, 'content/declaration.en.md'), '--format', 'docx', '--quiet', '--out', path.join(work, 'one')]],
}
if (values.before) {
  const before = path.resolve(values.before, 'cli.js')
  commands['kit-before'] = [values.node, [before, ...commands.kit[1].slice(1)]]
  commands['one-before'] = [values.node, [before, ...commands.one[1].slice(1)]]
}

// Wall time, and the CPU time (user + system) bash's `times` reports for the child: on a machine shared
// with other work the wall time mostly measures the queue, the CPU time what the command itself did.
function time([command, args]) {
  const script = '"$@" >/dev/null || exit $?; times'
  const started = process.hrtime.bigint()
  const result = spawnSync('bash', ['-c', script, 'bash', command, ...args], { cwd: root, encoding: 'utf8' })
  const wall = Number(process.hrtime.bigint() - started) / 1e6
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`)
  const children = result.stdout.trim().split('\n').pop().split(/\s+/).map((field) => {
    const [, minutes, seconds] = /^(\d+)m([\d.]+)s$/.exec(field)
    return (Number(minutes) * 60 + Number(seconds)) * 1000
  })
  return { wall, cpu: children[0] + children[1] }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

try {
  // Two warm-up rounds fill the file system cache (and V8's compile cache where Node has one).
  for (let round = 0; round < 2; round++) for (const command of Object.values(commands)) time(command)
  const names = Object.keys(commands)
  const samples = Object.fromEntries(names.map((name) => [name, []]))
  for (let round = 0; round < runs; round++) {
    // Rotate the order so that no command always runs first after a pause.
    for (let index = 0; index < names.length; index++) {
      const name = names[(round + index) % names.length]
      samples[name].push(time(commands[name]))
    }
  }
  const ms = (value) => `${value.toFixed(0)} ms`
  const figure = (name, key) => median(samples[name].map((sample) => sample[key]))
  const ratio = (name, key) => median(samples[name].map((sample, round) => sample[key] / samples.pandoc[round][key])).toFixed(2)
  const line = (name) => `wall ${ms(figure(name, 'wall'))} (${ratio(name, 'wall')}x pandoc), CPU ${ms(figure(name, 'cpu'))} (${ratio(name, 'cpu')}x pandoc)`
  const version = execFileSync(values.node, ['--version'], { encoding: 'utf8' }).trim()
  console.log(`Node ${version}, ${runs} interleaved rounds, medians (ratios: median of each round's ratio)`)
  console.log(`pandoc declaration.en.md -> docx: wall ${ms(figure('pandoc', 'wall'))}, CPU ${ms(figure('pandoc', 'cpu'))}`)
  console.log(`declaration-kit render (2 documents x md, pdf, docx): ${line('kit')}`)
  console.log(`declaration-kit render declaration.en.md -> docx: ${line('one')}`)
  if (values.before) {
    console.log(`the same, build in ${values.before}: full job ${line('kit-before')}`)
    console.log(`the same, build in ${values.before}: declaration -> docx ${line('one-before')}`)
  }
  if (values.json) writeFileSync(values.json, JSON.stringify({ node: version, samples }, null, 2) + '\n')
} finally {
  rmSync(work, { recursive: true, force: true })
}
