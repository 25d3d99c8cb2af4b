import type { Node } from 'mdast'
import type { Issue, Place } from '../model/issues.js'

type Path = (string | number)[]

/** Collects issues and the source place of every model path while a parser walks the Markdown tree. */
export class ParseContext {
  readonly issues: Issue[] = []
  readonly places = new Map<string, Place>()

  /** The Markdown text being read, for checks that must tell what the author typed from what an escape gives. */
  source = ''

  constructor(readonly file: string | undefined) {}

  /** Remembers where in the source the model value at `path` comes from. */
  mark(path: Path, node: Node | Place | undefined): void {
    const place = node && 'line' in node ? node : node?.position?.start
    if (place) this.places.set(path.join('.'), { line: place.line, column: place.column })
  }

  /** Records an issue at a node (or at the place already marked for `path`). */
  report(code: string, message: string, path: Path, node?: Node | Place): void {
    const place = node ? ('line' in node ? node : node.position?.start) : this.placeOf(path)
    this.issues.push({
      code,
      message,
      path,
      ...(this.file === undefined ? {} : { file: this.file }),
      ...(place ? { line: place.line, column: place.column } : {}),
    })
  }

  /** The source place of a model path: the longest marked prefix. */
  placeOf(path: readonly (string | number)[]): Place | undefined {
    for (let length = path.length; length >= 0; length--) {
      const place = this.places.get(path.slice(0, length).join('.'))
      if (place) return place
    }
    return undefined
  }

  /** Adds file, line and column to issues found on the model (by validation). */
  locate(issues: readonly Issue[]): Issue[] {
    return issues.map((issue) => {
      const place = this.placeOf(issue.path)
      return {
        ...issue,
        ...(this.file === undefined ? {} : { file: this.file }),
        ...(place ? { line: place.line, column: place.column } : {}),
      }
    })
  }
}
