/** What a command may touch of the outside world; tests and the entry point supply it. */
export interface Io {
  /** Writes text to standard output. */
  stdout(text: string): void
  /** Writes text to standard error. */
  stderr(text: string): void
  /** Whether standard error is a terminal (a progress line is shown there only then). */
  stderrIsTerminal?: boolean
  /** Environment variables (for `SOURCE_DATE_EPOCH`). */
  env: Record<string, string | undefined>
  /** Folder relative paths are resolved against and printed relative to. */
  cwd: string
  /** Stops a long-running command (`preview`); without it, the command stops on SIGINT or SIGTERM. */
  signal?: AbortSignal
}
