// Documents per second of a batch: `declaration-kit render` of N generated declarations (Markdown files) on
// every core (worker threads) and on one, side by side with N pandoc processes converting the same files
// to DOCX, as many at once as there are cores (xargs -P) and one after the other.
// Usage: node test/bench/batch.mjs [--count N] [--clauses N] [--format LIST] [--jobs N] [--json FILE]
// (builds dist/ first when a source is newer)
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { generateDeclaration } from './generate.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '200' },
    clauses: { type: 'string', default: '30' },
    format: { type: 'string', default: 'md,pdf,docx' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    json: { type: 'string' },
  },
})
const count = Number(values.count)
const jobs = Number(values.jobs)
execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--js-only', '--silent'], { cwd: root, stdio: 'inherit' })
const { renderMarkdown } = await import(path.join(root, 'dist/index.js'))

const work = mkdtempSync(path.join(tmpdir(), 'declaration-kit-batch-'))
const inputs = path.join(work, 'in')
mkdirSync(inputs)
const files = Array.from({ length: count }, (_, index) => {
  const doc = generateDeclaration(Number(values.clauses), index + 1)
  const file = path.join(inputs, `declaration-${String(index + 1).padStart(3, '0')}.en.md`)
  writeFileSync(file, renderMarkdown({ ...doc, id: `generated-${index + 1}` }))
  return file
})

// Wall time, and the CPU time (user + system) of the command and its children, from bash's `times`.
function time(command, args, options = {}) {
  const started = process.hrtime.bigint()
  const result = spawnSync('bash', ['-c', '"$@" >/dev/null || exit $?; times', 'bash', command, ...args], { cwd: root, encoding: 'utf8', ...options })
  const wall = Number(process.hrtime.bigint() - started) / 1e6
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`)
  const [user, system] = result.stdout.trim().split('\n').pop().split(/\s+/).map((field) => {
    const [, minutes, seconds] = /^(\d+)m([\d.]+)s$/.exec(field)
    return (Number(minutes) * 60 + Number(seconds)) * 1000
  })
  return { wall, cpu: user + system }
}

const kit = (threads) => time(process.execPath, [path.join(root, 'dist/cli.js'), 'render', ...files, '--format', values.format, '--quiet', '--jobs', String(threads), '--out', path.join(work, `out-${threads}`)])
// xargs runs the pandoc processes; `times` counts their CPU time as its children's.
const pandoc = (parallel) => {
  const out = path.join(work, `pandoc-${parallel}`)
  mkdirSync(out, { recursive: true })
  writeFileSync(path.join(work, 'list'), files.join('\n') + '\n')
  return time('xargs', ['-a', path.join(work, 'list'), '-P', String(parallel), '-I{}', 'sh', '-c', `pandoc "$1" -o "${out}/$(basename "$1" .md).docx"`, 'sh', '{}'])
}

try {
  const figures = { [`kit, ${jobs} threads`]: kit(jobs), 'kit, 1 thread': kit(1), [`pandoc, ${jobs} at once`]: pandoc(jobs), 'pandoc, one after the other': pandoc(1) }
  const version = execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0]
  console.log(`${count} generated declarations of ${values.clauses} clauses; declaration-kit render --format ${values.format}; ${version} to DOCX; Node ${process.version}`)
  for (const [name, { wall, cpu }] of Object.entries(figures)) {
    console.log(`${name.padEnd(28)} wall ${(wall / 1000).toFixed(1).padStart(6)} s  CPU ${(cpu / 1000).toFixed(1).padStart(6)} s  ${((count * 1000) / wall).toFixed(1).padStart(6)} documents/s`)
  }
  if (values.json) writeFileSync(values.json, JSON.stringify({ count, clauses: Number(values.clauses), format: values.format, figures }, null, 2) + '\n')
} finally {
  rmSync(work, { recursive: true, force: true })
}
