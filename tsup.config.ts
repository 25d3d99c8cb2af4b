import { defineConfig } from 'tsup'

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
  { ...shared, format: ['cjs'], entry, noExternal: [/^(?!(pdfkit|docx|zod|yaml|fflate|@fontsource\/.*)$)/] },
  {
    entry: { cli: 'src/cli/index.ts' },
    format: ['esm'],
    target: 'node20',
    loader: { '.md': 'text' },
    // The CLI loads the PDF, DOCX and HTML renderers from the package's own dist/pdf.js, docx.js and html.js (built above)
    // rather than bundling a second copy: one file, dist/cli.js, and pdfkit/docx load only when asked for.
    esbuildPlugins: [
      {
        name: 'renderer-entries',
        setup(build) {
          build.onResolve({ filter: /\/render\/(pdf|docx|html)\/index\.js$/ }, (args) => ({
            path: `./${/(pdf|docx|html)\/index\.js$/.exec(args.path)![1]}.js`,
            external: true,
          }))
        },
      },
    ],
  },
])
