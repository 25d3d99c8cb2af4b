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
  },
})
