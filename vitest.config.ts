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
    // The built package (dist/) is loaded by Node itself, as a user's program loads it, not through Vite's
    // transforms: the tests that run the built CLI's program in process (test/cli-run.ts) run the bundle.
    server: { deps: { external: [/\/dist\//] } },
  },
})
