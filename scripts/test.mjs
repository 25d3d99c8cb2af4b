// `npm test` after the build: the type check and the test suite side by side. On a clean clone tsc uses
// one core for about half a minute; vitest's workers take what it leaves. tsc's report is printed after
// vitest's, and the exit code is tsc's when vitest passes.
// Usage: node scripts/test.mjs [vitest arguments...]
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

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

// The type check keeps its state under node_modules/.cache: a second run checks only what changed.
const typecheck = run('tsc', ['--noEmit', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/tsc/typecheck.tsbuildinfo'], true)
const tests = await run('vitest', ['run', ...process.argv.slice(2)], false)
const types = await typecheck
if (types.code !== 0) process.stderr.write(`\ntsc --noEmit found type errors:\n${types.output}`)
process.exitCode = tests.code || types.code
