// Speed of the clause diff: `npx vitest bench --run test/diff.bench.ts`.
import { bench, describe } from 'vitest'
import { cop29Declaration } from '../src/content/index.js'
import { diffDocuments } from '../src/diff/diff-documents.js'
import { diffText } from '../src/diff/word-diff.js'
import { parseDeclaration } from '../src/parse/index.js'
import draft2Source from './fixtures/diff/declaration.draft-2.en.md'
import { edited, large, random } from './fixtures/diff/large.js'

const draft2 = parseDeclaration(draft2Source)

const before = large()
const after = edited(before)
const words = (seed: number) => {
  const r = random(seed)
  return Array.from({ length: 10_000 }, () => Math.floor(r() * 1e9).toString(36)).join(' ')
}
const [pathologicalOld, pathologicalNew] = [words(1), words(2)]

describe('clause diff', () => {
  bench('bundled declaration vs its second draft', () => {
    diffDocuments(cop29Declaration, draft2)
  })
  bench('two 2,000-clause declarations, 1 % changed', () => {
    diffDocuments(before, after)
  }, { iterations: 10 })
  bench('pathological clause: 20,000 random tokens vs 20,000 others (falls back)', () => {
    diffText(pathologicalOld, pathologicalNew)
  }, { iterations: 10 })
})
