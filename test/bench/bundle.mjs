// Builds the library for the benchmarks: the same tsup/esbuild bundling as `npm run build`, without
// the type declarations (which take a minute) and without the CommonJS copies.
import { execFileSync } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * The folder the benchmark bundle is written to (ignored by git); `BENCH_LIB=DIR` loads another bundle
 * instead (a patched copy, to compare figures before and after a change).
 */
export const benchLib = process.env.BENCH_LIB ? new URL(`file://${process.env.BENCH_LIB.replace(/\/?$/, '/')}`) : new URL('../../.bench/lib/', import.meta.url)

/**
 * Bundles the core, PDF, DOCX and HTML entries as ES modules into `.bench/lib/`, in a child process so that
 * the measuring process starts without tsup's modules and garbage in its heap.
 */
export function bundleLibrary() {
  execFileSync(process.execPath, [fileURLToPath(import.meta.url)], { stdio: 'inherit', cwd: fileURLToPath(new URL('../..', import.meta.url)) })
}

async function build() {
  const tsup = await import('tsup')
  await tsup.build({
    config: false,
    entry: {
      index: 'src/index.ts',
      pdf: 'src/render/pdf/index.ts',
      docx: 'src/render/docx/index.ts',
      html: 'src/render/html/index.ts',
    },
    format: ['esm'],
    target: 'node20',
    shims: true,
    dts: false,
    clean: true,
    silent: true,
    loader: { '.md': 'text' },
    outDir: '.bench/lib',
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await build()
