import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cop29DeclarationSource } from '../src/content/index.js'
import { pieceStarts } from '../src/parse/pieces.js'
import { markdownTree } from '../src/parse/source.js'
import { renderMarkdown } from '../src/render/markdown.js'
import { declaration } from './arbitraries.js'

const source = ['---', 'type: declaration', '', 'id: x', '---', '', '# Title', '', 'First.', '', '- item', '', 'Second.', '', '## Part', '', '*Noting* third.', ''].join('\n')

describe('pieceStarts', () => {
  it('cuts after a blank line before a heading or a paragraph opening with a letter or emphasis, never in the front matter nor before a list', () => {
    expect(pieceStarts(source, 1).map((at) => source.slice(at, at + 8))).toEqual(['# Title\n', 'First.\n\n', 'Second.\n', '## Part\n', '*Noting*'])
  })

  it('keeps each piece at least the given size long, and the last one too', () => {
    expect(pieceStarts(source, 20).map((at) => source.slice(at, at + 8))).toEqual(['# Title\n', 'Second.\n'])
  })

  it.each([
    ['fenced code', '```\ncode\n\nmore\n```\n'],
    ['a tilde fence in a list item', '- ~~~\n'],
    ['an HTML block', '<!--\n\ncomment -->\n'],
    ['a link definition', '[x]: https://example.org\n'],
    ['a footnote definition', '[^1]: A note.\n'],
  ])('reads a source with %s whole', (_name, block) => {
    expect(pieceStarts(`${source}\n${block}`, 1)).toEqual([])
  })

  it('reads a source whole when its front matter is not closed, or when it is shorter than two pieces', () => {
    expect(pieceStarts(source.replace('\n---\n\n# Title', '\n\n# Title'), 1)).toEqual([])
    expect(pieceStarts(cop29DeclarationSource)).toEqual([])
  })
})

describe('markdownTree', () => {
  it('gives the tree of the whole source, positions included, when it reads the source in pieces', () => {
    const text = cop29DeclarationSource.replace(/ <!--[^>]*-->/g, '')
    const starts = pieceStarts(text, 200)
    expect(starts.length).toBe(12)
    expect(markdownTree(text, 200)).toEqual(markdownTree(text, Infinity))
  })

  it('gives the tree of the whole source for generated declarations cut into the smallest pieces', () => {
    fc.assert(
      fc.property(declaration, (doc) => {
        const text = renderMarkdown(doc)
        expect(markdownTree(text, 1).children).toEqual(markdownTree(text, Infinity).children)
      }),
      { numRuns: 40 },
    )
  })
})
