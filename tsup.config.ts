import { defineConfig } from 'tsup'

// The core entry stays free of pdfkit/docx and of node: imports; the PDF and DOCX
// renderers are separate entries behind subpath exports, the CLI is the only Node-only entry.
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    target: 'node20',
    loader: { '.md': 'text' },
    outExtension: ({ format }) => ({ js: format === 'cjs' ? '.cjs' : '.js' }),
  },
])
