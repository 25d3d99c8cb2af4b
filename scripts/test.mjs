// `npm test` after the build: the type check and the test suite side by side. On a clean clone tsc uses
// one core for about half a minute; vitest's workers take what it leaves. tsc's report is printed after
// vitest's, and the exit code is tsc's when vitest passes.
// Usage: node scripts/test.mjs [vitest arguments...]
import { spawn } from 'node:child_process'
import { existsSync, statSync, utimesSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { newest } from './newest.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Runs a tool of node_modules/.bin; resolves with its exit code and, when `capture` is set, its output. */
function run(command, args, capture) {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin', command), args, { cwd: root, stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' })
    let output = ''
    if (capture) for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk))
    child.on('error', (error) => resolve({ code: 1, output: `${command}: ${error.message}\n` }))
    child.on('exit', (code) => resolve({ code: code ?? 1, output }))
  })
}

// The type check keeps its state in node_modules/.cache/tsc/test.tsbuildinfo (tsconfig.typecheck.json).
// `tsc -b` finds in a second what an incremental `tsc --noEmit` took 10 s of CPU to find (it parses and
// binds all 900 files of the program first): that no file of the project changed since the last check,
// which then stands, errors included (they are reported again). It looks only at the project's own files
// and configuration, though: when the installed packages or the built declarations (dist/types, which the
// examples import) are newer than the last check, tsc checks in its incremental mode, which compares every
// file by content, and the state is dated from the start of that check.
const buildInfo = path.join(root, 'node_modules/.cache/tsc/test.tsbuildinfo')
const dependencies = ['package.json', 'package-lock.json', 'node_modules/.package-lock.json', 'dist/types', 'dist/types-cjs']
const checkAll = !existsSync(buildInfo) || newest(root, dependencies) >= statSync(buildInfo).mtimeMs
const started = new Date()
const typecheck = run('tsc', checkAll ? ['-p', 'tsconfig.typecheck.json'] : ['-b', 'tsconfig.typecheck.json'], true)
const tests = await run('vitest', ['run', ...process.argv.slice(2)], false)
const types = await typecheck
if (checkAll && types.code === 0 && existsSync(buildInfo)) utimesSync(buildInfo, started, started)
if (types.code !== 0) process.stderr.write(`\nthe type check (tsc) found type errors:\n${types.output}`)
process.exitCode = tests.code || types.code
