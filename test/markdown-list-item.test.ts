import type { List, ListItem, Root } from 'mdast'
import { toMarkdown } from 'mdast-util-to-markdown'
import { describe, expect, it } from 'vitest'
import { listItem } from '../src/render/markdown-list-item.js'

const options = { bullet: '-', emphasis: '*', strong: '*', listItemIndent: 'one', rule: '-' } as const
const item = (...values: string[]): ListItem => ({ type: 'listItem', spread: values.length > 1, children: values.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })) })
const ordered = (start: number | undefined, items: ListItem[]): List => ({ type: 'list', ordered: true, spread: false, ...(start === undefined ? {} : { start }), children: items })

describe('the Markdown writer’s list item handler', () => {
  it('numbers an ordered list from its start and indents each item’s lines by its marker’s width', () => {
    const list = ordered(9, [item('nine'), item('ten', 'second paragraph'), item('eleven')])
    // An item's number comes from its index, never from a search of the list (n searches of n items).
    Object.defineProperty(list.children, 'indexOf', { value: () => expect.unreachable('searched the list') })
    const tree: Root = { type: 'root', children: [list] }
    expect(toMarkdown(tree, { ...options, handlers: { listItem } })).toBe('9. nine\n10. ten\n\n    second paragraph\n11. eleven\n')
  })

  it('writes what mdast-util-to-markdown’s own handler writes, for ordered, unordered, nested and adjacent lists', () => {
    const nested: ListItem = { ...item('outer'), children: [...item('outer').children, ordered(undefined, [item('a'), item('b', 'b again')])] }
    const tree: Root = {
      type: 'root',
      children: [
        ordered(1, Array.from({ length: 120 }, (_, index) => item(`clause ${index}`))),
        ordered(0, [item('zero'), nested]),
        { type: 'list', ordered: false, spread: false, children: [item('dash'), item('')] },
        { type: 'list', ordered: false, spread: true, children: [item('other marker'), nested] },
        ordered(-3, [item('negative start')]),
      ],
    }
    expect(toMarkdown(tree, { ...options, handlers: { listItem } })).toBe(toMarkdown(tree, options))
  })
})
