/** A place in a source file (1-based line and column). */
export interface Place {
  line: number
  column: number
}

/** One problem found in a document: what, where in the model, and where in the source. */
export interface Issue {
  /** Stable machine-readable code, e.g. `duplicate_id`, `invalid_link`, `profile_objectives`. */
  code: string
  /** Human-readable sentence naming the bad value and what was expected. */
  message: string
  /** Path into the model, e.g. `['objectives', 8, 'number']`. */
  path: (string | number)[]
  /** Source file, when the document came from one. */
  file?: string
  /** 1-based line in the source, when known. */
  line?: number
  /** 1-based column in the source, when known. */
  column?: number
}

/** The result of a `safeParse…` call. */
export type SafeParseResult<T> = { success: true; data: T } | { success: false; issues: Issue[] }

/** Formats one issue as `file:line:column message` (the parts that are known). */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line, issue.line === undefined ? undefined : issue.column]
    .filter((part) => part !== undefined)
    .join(':')
  return where ? `${where} ${issue.message}` : issue.message
}

/** Thrown by `parse…` functions; its `issues` say what is wrong and where. */
export class DocumentError extends Error {
  override readonly name = 'DocumentError'
  readonly issues: Issue[]

  constructor(issues: Issue[]) {
    super(issues.map(formatIssue).join('\n') || 'invalid document')
    this.issues = issues
  }
}
