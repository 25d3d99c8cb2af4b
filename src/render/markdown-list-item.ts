import type { ListItem } from 'mdast'
import type { Handle, State } from 'mdast-util-to-markdown'

/**
 * mdast-util-to-markdown's list item handler, for the writer's options (`listItemIndent: 'one'`, `bullet: '-'`),
 * numbering an ordered list's item by its index instead of searching the list for it: the library's handler calls
 * `parent.children.indexOf(node)` for every item, a scan that made a list of n items cost n² / 2 comparisons.
 * The list's `containerFlow` puts the item's index on `state.indexStack` before it hands the item over.
 */
export const listItem: Handle = (node: ListItem, parent, state, info) => {
  let bullet = state.bulletCurrent || '-'
  if (parent?.type === 'list' && parent.ordered) {
    const start = typeof parent.start === 'number' && parent.start > -1 ? parent.start : 1
    bullet = `${start + itemIndex(node, parent.children, state)}${bullet}`
  }
  const size = bullet.length + 1
  const tracker = state.createTracker(info)
  tracker.move(bullet + ' '.repeat(size - bullet.length))
  tracker.shift(size)
  const exit = state.enter('listItem')
  const value = state.indentLines(state.containerFlow(node, tracker.current()), (line, index, blank) => {
    if (index) return (blank ? '' : ' '.repeat(size)) + line
    return (blank ? bullet : bullet + ' '.repeat(size - bullet.length)) + line
  })
  exit()
  return value
}

// The item's index in its list: the one on the index stack when it is this item (always, from a list's own
// containerFlow), else found by a search as the library does.
function itemIndex(node: ListItem, children: readonly unknown[], state: State): number {
  const index = state.indexStack[state.indexStack.length - 1]
  return index !== undefined && children[index] === node ? index : children.indexOf(node)
}
