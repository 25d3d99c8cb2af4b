import { createRequire } from 'node:module'
import { brotliCompressSync, deflateRawSync } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

// The CLI's bundle replaces tiny-inflate and brotli's decoder with the modules under src/cli/bundle/
// (tsup.config.ts): they must answer exactly as the modules they stand in for.
const require = createRequire(import.meta.url)
const inflate = require('../src/cli/bundle/inflate.cjs') as (source: Uint8Array, dest: Uint8Array) => Uint8Array
const brotliDecompress = require('../src/cli/bundle/brotli-decompress.cjs') as (buffer: Uint8Array, outSize?: number) => Uint8Array
const tinyInflate = require('tiny-inflate') as typeof inflate
const brotli = require('brotli/decompress.js') as typeof brotliDecompress

const bytes = fc.oneof(fc.uint8Array({ maxLength: 4000 }), fc.array(fc.constantFrom(...'Whereas the Parties recall ')).map((chars) => new TextEncoder().encode(chars.join(''))))

describe('the CLI bundle stand-in for tiny-inflate', () => {
  it('inflates what tiny-inflate inflates, into a destination of the exact size, a larger one or a smaller one', () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: -50, max: 50 }), fc.uint8Array({ maxLength: 6 }), (data, slack, trailer) => {
        const stream = new Uint8Array([...deflateRawSync(data), ...trailer])
        const size = Math.max(0, data.length + slack)
        expect(inflate(stream, new Uint8Array(size))).toEqual(tinyInflate(stream, new Uint8Array(size)))
      }),
      { numRuns: 300, seed: 15 },
    )
  })

  it('hands a damaged stream to tiny-inflate, which fails or gets through as it would alone', () => {
    const stream = deflateRawSync(new TextEncoder().encode('Whereas the Parties recall the Paris Agreement'.repeat(20)))
    let same = 0
    for (let at = 0; at < stream.length; at++) {
      const damaged = Uint8Array.from(stream)
      damaged[at] = damaged[at]! ^ 0x5a
      const outcome = (run: typeof inflate) => {
        try {
          return Array.from(run(damaged, new Uint8Array(920)))
        } catch (error) {
          return String(error)
        }
      }
      expect(outcome(inflate)).toEqual(outcome(tinyInflate))
      same++
    }
    expect(same).toBe(stream.length)
  })
})

describe('the CLI bundle stand-in for brotli/decompress.js', () => {
  it('decodes a WOFF2-style brotli stream as brotli does, loading the decoder on first use', () => {
    const text = new TextEncoder().encode('Déclaration sur l’action numérique verte. '.repeat(40))
    const stream = brotliCompressSync(text)
    expect(Array.from(brotliDecompress(stream))).toEqual(Array.from(brotli(stream)))
    expect(new TextDecoder().decode(brotliDecompress(stream, text.length))).toBe(new TextDecoder().decode(text))
  })
})
