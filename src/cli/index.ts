#!/usr/bin/env node
import module from 'node:module'
import v8 from 'node:v8'

// V8's compile cache (Node ≥ 22.1; NODE_DISABLE_COMPILE_CACHE=1 turns it off) keeps the compiled code
// of every module loaded after this line, so the CLI and pdfkit, fontkit and docx compile once, not on
// every run. The program is imported afterwards for that reason.
;(module as { enableCompileCache?: () => unknown }).enableCompileCache?.()
// A CLI run is short: V8's default tier-up budget makes it optimise (and often deoptimise) functions
// that run only a few hundred times, which cost Node 20 more CPU than it saved (a third of the CPU of
// rendering both bundled documents to Markdown, PDF and DOCX; larger documents gain too). Node ≥ 22
// (V8 ≥ 12) counts invocations instead and has no such flag; setting flags changes no output.
if (Number(process.versions.v8.split('.')[0]) < 12) v8.setFlagsFromString('--interrupt-budget=1000000')
const { runCli } = await import('./program.js')

// The only place that touches process: the commands receive their streams, environment and folder.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTerminal: process.stderr.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
})
