// Builds dist/: the JavaScript with tsup (esbuild) and the type declarations with tsc, side by side.
// Usage: node scripts/build.mjs [--if-stale] [--js-only] [--silent]
//   --if-stale  rebuild only the part (JavaScript, types) older than its sources; nothing when dist/ is fresh
//   --js-only   leave the type declarations alone (what running the CLI needs)
// tsup's own dts build (rollup-plugin-dts over a full program) took most of a minute; tsc writes one
// declaration file per module in a few seconds, and small entry files re-export them for ESM and CommonJS.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { newest } from './newest.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = new Set(process.argv.slice(2))
const silent = args.has('--silent')
const entries = ['index', 'pdf', 'docx', 'html']
// The modules each entry's declarations start from, under dist/types (tsc mirrors src/).
const typeEntries = { index: 'index', pdf: 'render/pdf/index', docx: 'render/docx/index', html: 'render/html/index' }

const config = ['package.json', 'tsconfig.json', 'scripts/build.mjs', 'scripts/newest.mjs']
const inputs = {
  js: { sources: ['src', 'content', 'tsup.config.ts', ...config], outputs: ['cli.js', 'cli/render-worker.js', 'cli/program.js', ...entries.flatMap((e) => [`${e}.js`, `${e}.cjs`])] },
  types: { sources: ['src', 'tsconfig.build.json', ...config], outputs: entries.flatMap((e) => [`${e}.d.ts`, `${e}.d.cts`]) },
}

/** Whether every output exists and is newer than every source. */
function fresh({ sources, outputs }) {
  const files = outputs.map((file) => path.join(root, 'dist', file))
  if (!files.every((file) => existsSync(file))) return false
  return Math.min(...files.map((file) => statSync(file).mtimeMs)) > newest(root, sources)
}

function exec(command, commandArgs) {
  const bin = path.join(root, 'node_modules/.bin', command)
  return new Promise((resolve, reject) => {
    const child = spawn(bin, commandArgs, { cwd: root, stdio: ['ignore', silent ? 'ignore' : 'inherit', 'inherit'] })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${commandArgs.join(' ')} exited with ${code}`))))
  })
}

async function buildJs() {
  for (const name of readdirSync(path.join(root, 'dist'))) {
    if (/\.(c?js|map)$/.test(name)) rmSync(path.join(root, 'dist', name))
  }
  // The CLI's chunks, named by their content's hash.
  rmSync(path.join(root, 'dist/cli'), { recursive: true, force: true })
  await exec('tsup', ['--silent'])
}

async function buildTypes() {
  for (const name of readdirSync(path.join(root, 'dist'))) {
    if (/\.d\.c?ts$/.test(name) || name === 'types' || name === 'types-cjs') rmSync(path.join(root, 'dist', name), { recursive: true })
  }
  // Type checking is `npm run typecheck`'s job (and `npm test`'s); emitting needs none.
  await exec('tsc', ['-p', 'tsconfig.build.json', '--noCheck'])
  // The same declarations under a package.json of type commonjs are what `require` sees.
  cpSync(path.join(root, 'dist/types'), path.join(root, 'dist/types-cjs'), { recursive: true })
  writeFileSync(path.join(root, 'dist/types-cjs/package.json'), '{ "type": "commonjs" }\n')
  for (const [entry, module] of Object.entries(typeEntries)) {
    writeFileSync(path.join(root, `dist/${entry}.d.ts`), `export * from './types/${module}.js'\n`)
    writeFileSync(path.join(root, `dist/${entry}.d.cts`), `export * from './types-cjs/${module}.js'\n`)
  }
}

const started = performance.now()
mkdirSync(path.join(root, 'dist'), { recursive: true })
const ifStale = args.has('--if-stale')
const jobs = []
if (!ifStale || !fresh(inputs.js)) jobs.push(buildJs())
if (!args.has('--js-only') && (!ifStale || !fresh(inputs.types))) jobs.push(buildTypes())
try {
  await Promise.all(jobs)
} catch (error) {
  console.error(error.message)
  process.exit(1)
}
if (jobs.length > 0 && !silent) console.error(`built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s`)
