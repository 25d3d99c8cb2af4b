import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [
    {
      // The bundled documents are imported as text, as tsup's `.md: text` loader does.
      name: 'markdown-as-text',
      transform(code, id) {
        if (id.endsWith('.md')) return { code: `export default ${JSON.stringify(code)}`, map: null }
        return undefined
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One worker per core, at least two: vitest's default (cores - 1) runs the files one after another
    // on a two-core machine, while many of them mostly wait for child processes (CLI, Chromium, CAT tools).
    maxWorkers: Math.max(2, availableParallelism()),
    // Each worker runs file after file with the modules it has already loaded (src, pdfkit, fontkit, docx,
    // zod, pdfjs): loading them afresh for every file cost about a second of CPU per file. No test mocks
    // modules; the one that fakes the clock and the time zone restores both after itself.
    isolate: false,
    // Under Node 20 (V8 11) a worker optimises functions after a few hundred calls and often throws the code
    // away again: a higher tier-up budget, as the CLI sets for itself, took 18 % less CPU for the fuzz and
    // Markdown property tests. Node ≥ 22 (V8 ≥ 12) has no such flag.
    execArgv: Number(process.versions.v8.split('.')[0]) < 12 ? ['--interrupt-budget=1000000'] : [],
    // The built package (dist/) is loaded by Node itself, as a user's program loads it, not through Vite's
    // transforms: the tests that run the built CLI's program in process (test/cli-run.ts) run the bundle.
    server: { deps: { external: [/\/dist\//] } },
  },
})
