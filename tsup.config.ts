import path from 'node:path'
import { defineConfig } from 'tsup'

// In the CLI's bundle two dependencies of fontkit are replaced by the modules under src/cli/bundle/, which say why.
// A shim's own import of the module it stands in for resolves as usual.
const shims: Record<string, string> = {
  'tiny-inflate': 'src/cli/bundle/inflate.cjs',
  'brotli/decompress.js': 'src/cli/bundle/brotli-decompress.cjs',
  '../locales/index.js': 'src/cli/bundle/zod-locales.js',
}
const cliShims = {
  name: 'cli-shims',
  setup(build: { onResolve(options: { filter: RegExp }, callback: (args: { path: string; importer: string }) => { path: string } | undefined): void }) {
    build.onResolve({ filter: /^(tiny-inflate|brotli\/decompress\.js|\.\.\/locales\/index\.js)$/ }, ({ path: request, importer }) => {
      if (request.startsWith('..') && !/\/zod\/v4\/(classic|core)\//.test(importer)) return undefined
      const shim = path.resolve(shims[request]!)
      return importer === shim ? undefined : { path: shim }
    })
  },
}

const shared = {
  format: ['esm', 'cjs'] as ('esm' | 'cjs')[],
  // Type declarations come from tsc (scripts/build.mjs): tsup's dts build took most of a minute.
  dts: false,
  sourcemap: false,
  target: 'node20' as const,
  shims: true,
  loader: { '.md': 'text' } as const,
  outExtension: ({ format }: { format: string }) => ({ js: format === 'cjs' ? '.cjs' : '.js' }),
}

// The core entry stays free of pdfkit/docx and of node: imports (it runs in a browser bundle);
// PDF, DOCX and HTML are separate entries behind subpath exports; the CLI is the only Node-only entry.
const entry = { index: 'src/index.ts', pdf: 'src/render/pdf/index.ts', docx: 'src/render/docx/index.ts', html: 'src/render/html/index.ts' }

export default defineConfig([
  { ...shared, format: ['esm'], entry },
  // unified and remark ship ESM only: the CommonJS build bundles every dependency that has no CommonJS entry of its own.
  { ...shared, format: ['cjs'], entry, noExternal: [/^(?!(pdfkit|docx|zod|yaml|fflate|pako|@fontsource\/.*)$)/] },
  {
    // The worker threads of a batch render load dist/cli/render-worker.js; the tests run the built program
    // (dist/cli/program.js, what dist/cli.js starts) in their own process as well as the CLI as a process.
    entry: { cli: 'src/cli/index.ts', 'cli/render-worker': 'src/cli/render-worker.ts', 'cli/program': 'src/cli/program.ts' },
    format: ['esm'],
    target: 'node20',
    loader: { '.md': 'text' },
    // The CLI is one program with its dependencies bundled in: resolving and loading a few hundred small
    // modules of node_modules (micromark, zod, docx, pdfkit, fontkit...) took more time than the render.
    // Each renderer (and the parser, diff, interchange) stays a chunk of its own under dist/cli/, loaded
    // only when a command asks for it.
    noExternal: [/./],
    splitting: true,
    // CommonJS dependencies bundled into ES modules call `require` for Node's built-in modules.
    banner: { js: "import { createRequire as __cliRequire } from 'node:module'; const require = __cliRequire(import.meta.url);" },
    esbuildPlugins: [cliShims],
    esbuildOptions(options) {
      options.chunkNames = 'cli/[name]-[hash]'
    },
  },
])
