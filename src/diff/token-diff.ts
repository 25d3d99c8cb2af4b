/** A run of tokens kept (neither flag), inserted (`added`) or deleted (`removed`), as jsdiff's `diffArrays` reports it. */
export interface TokenRun {
  count: number
  added: boolean
  removed: boolean
}

const KEPT = 0
const ADDED = 1
const REMOVED = 2

/**
 * The runs jsdiff's `diffArrays` gives for two token lists compared with `===` and a `maxEditLength`:
 * the same Myers search, step for step (the same diagonals, the same choice between an insertion and a
 * deletion, the same pruning at the edges of the edit graph), with each path kept as a few numbers in
 * typed arrays instead of two objects per diagonal and step, which for two unrelated clauses came to
 * tens of thousands of short-lived objects.
 * @returns the runs in order, or `undefined` past `maxEditLength` edits (as jsdiff)
 */
export function diffTokens(oldTokens: readonly string[], newTokens: readonly string[], maxEditLength: number): TokenRun[] | undefined {
  const oldLen = oldTokens.length
  const newLen = newTokens.length
  const limit = Math.min(oldLen + newLen, maxEditLength)
  const paths = new Paths()
  // The path that ends furthest on each diagonal (old position minus new position), -1 for none;
  // diagonals -(limit + 1) to limit + 1 at `diagonal + offset` (a bound below 0 or not a number: no step).
  const offset = (limit >= 0 ? Math.floor(limit) : 0) + 1
  const best = new Int32Array(2 * offset + 1).fill(-1)

  const seed = paths.add(KEPT, -1, -1)
  let newPos = paths.extend(seed, 0, oldTokens, newTokens)
  if (paths.oldPos[seed]! + 1 >= oldLen && newPos + 1 >= newLen) return paths.runs(seed)
  best[offset] = seed

  // Past the right edge (or the bottom) of the edit graph on one diagonal, the diagonals beyond it need more edits.
  let minDiagonal = -Infinity
  let maxDiagonal = Infinity
  for (let editLength = 1; editLength <= limit; editLength++) {
    for (let diagonal = Math.max(minDiagonal, -editLength); diagonal <= Math.min(maxDiagonal, editLength); diagonal += 2) {
      const removePath = best[diagonal - 1 + offset]!
      const addPath = best[diagonal + 1 + offset]!
      if (removePath !== -1) best[diagonal - 1 + offset] = -1
      let canAdd = false
      if (addPath !== -1) {
        const addNewPos = paths.oldPos[addPath]! - diagonal
        canAdd = 0 <= addNewPos && addNewPos < newLen
      }
      const canRemove = removePath !== -1 && paths.oldPos[removePath]! + 1 < oldLen
      if (!canAdd && !canRemove) {
        best[diagonal + offset] = -1
        continue
      }
      // From the path furthest along the old tokens that stays inside the edit graph.
      const path = !canRemove || (canAdd && paths.oldPos[removePath]! < paths.oldPos[addPath]!)
        ? paths.add(ADDED, addPath, paths.oldPos[addPath]!)
        : paths.add(REMOVED, removePath, paths.oldPos[removePath]! + 1)
      newPos = paths.extend(path, diagonal, oldTokens, newTokens)
      const oldPos = paths.oldPos[path]!
      if (oldPos + 1 >= oldLen && newPos + 1 >= newLen) return paths.runs(path)
      best[diagonal + offset] = path
      if (oldPos + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, diagonal - 1)
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, diagonal + 1)
    }
  }
  return undefined
}

// Every step of every path: the edit it ends with, the path it extends, the old position it reaches and
// how many kept tokens follow the edit.
class Paths {
  size = 0
  edit = new Uint8Array(256)
  parent = new Int32Array(256)
  oldPos = new Int32Array(256)
  kept = new Int32Array(256)

  add(edit: number, parent: number, oldPos: number): number {
    if (this.size === this.edit.length) this.grow()
    const at = this.size++
    this.edit[at] = edit
    this.parent[at] = parent
    this.oldPos[at] = oldPos
    this.kept[at] = 0
    return at
  }

  // Follows the tokens both lists share from the path's end; returns the new position reached.
  extend(path: number, diagonal: number, oldTokens: readonly string[], newTokens: readonly string[]): number {
    let oldPos = this.oldPos[path]!
    let newPos = oldPos - diagonal
    let kept = 0
    while (newPos + 1 < newTokens.length && oldPos + 1 < oldTokens.length && oldTokens[oldPos + 1] === newTokens[newPos + 1]) {
      newPos++
      oldPos++
      kept++
    }
    this.oldPos[path] = oldPos
    this.kept[path] = kept
    return newPos
  }

  // The runs of a path, from its first step: each edit, then the tokens kept after it, runs of one kind merged.
  runs(last: number): TokenRun[] {
    const steps: number[] = []
    for (let at = last; at !== -1; at = this.parent[at]!) steps.push(at)
    const runs: TokenRun[] = []
    for (let index = steps.length - 1; index >= 0; index--) {
      const at = steps[index]!
      const edit = this.edit[at]!
      if (edit !== KEPT) {
        const previous = runs[runs.length - 1]
        if (previous && previous.added === (edit === ADDED) && previous.removed === (edit === REMOVED)) previous.count++
        else runs.push({ count: 1, added: edit === ADDED, removed: edit === REMOVED })
      }
      if (this.kept[at]) runs.push({ count: this.kept[at]!, added: false, removed: false })
    }
    return runs
  }

  private grow(): void {
    const length = this.edit.length * 2
    const edit = new Uint8Array(length)
    edit.set(this.edit)
    this.edit = edit
    for (const name of ['parent', 'oldPos', 'kept'] as const) {
      const next = new Int32Array(length)
      next.set(this[name])
      this[name] = next
    }
  }
}
