#!/usr/bin/env node
import module from 'node:module'

// V8's compile cache (Node ≥ 22.1; NODE_DISABLE_COMPILE_CACHE=1 turns it off) keeps the compiled code
// of every module loaded after this line, so the CLI and pdfkit, fontkit and docx compile once, not on
// every run. The program is imported afterwards for that reason.
;(module as { enableCompileCache?: () => unknown }).enableCompileCache?.()
const { runCli } = await import('./program.js')

// The only place that touches process: the commands receive their streams, environment and folder.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTerminal: process.stderr.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
})
