import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

// The files that take longest, longest first: the first ones mostly wait on child processes (Chromium, npm
// and the tools it runs, tsc, tsx), then the long property tests and the real-tool tests. With two workers a
// long file that starts last makes the run's tail (vitest's own order needs the timings of an earlier run,
// which a clean clone has not got). Measured file by file (`/usr/bin/time vitest run test/x.test.ts`) on two cores.
const longestFirst = [
  'html-browser', 'package', 'readme', 'fuzz', 'examples', 'markdown', 'real-documents', 'house-style',
  'cli', 'cli-batch', 'issues-in-pieces', 'shaping', 'cat-tools', 'pdf-footnotes', 'node-versions', 'redline-libreoffice',
]

/** Runs the files of `longestFirst` first, in its order, then the others as vitest would (longest last time first, or largest first). */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = longestFirst.indexOf(/([^/]+)\.test\.ts$/.exec(file.moduleId)?.[1] ?? '')
      return index === -1 ? longestFirst.length : index
    }
    // Array.prototype.sort is stable: the other files keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b))
  }
}

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
    {
      // Dependencies load in their published builds, as in the bundled library: vite's default
      // "development" condition picked the development builds of micromark and mdast-util-from-markdown,
      // whose internal assertions made every Markdown parse in the tests about twice as slow as a user's.
      name: 'published-builds',
      configResolved(config) {
        const resolves = [config.resolve, config.ssr?.resolve, ...Object.values(config.environments ?? {}).map((environment) => environment.resolve)]
        for (const resolve of resolves) {
          if (resolve?.conditions) resolve.conditions = resolve.conditions.filter((condition) => condition !== 'development' && condition !== 'development|production')
        }
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
    sequence: { sequencer: LongestFirst },
  },
})
