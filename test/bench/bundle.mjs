// Builds the library for the benchmarks: the same tsup/esbuild bundling as `npm run build`, without
// the type declarations (which take a minute) and without the CommonJS copies.
/** The folder the benchmark bundle is written to (ignored by git). */
export const benchLib = new URL('../../.bench/lib/', import.meta.url)

/** Bundles the core, PDF and DOCX entries as ES modules into `.bench/lib/`. */
export async function bundleLibrary() {
  // Imported here so that a process that only loads the bundle does not load tsup.
  const { build } = await import('tsup')
  await build({
    config: false,
    entry: {
      index: 'src/index.ts',
      pdf: 'src/render/pdf/index.ts',
      docx: 'src/render/docx/index.ts',
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
