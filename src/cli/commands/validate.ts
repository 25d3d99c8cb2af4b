import { annexIssues, annexPool } from '../annexes.js'
import { defineCommand } from '../command.js'
import { exitCodes, issuesError } from '../errors.js'
import { bundledFiles, loadSources } from '../sources.js'

/** `declaration-kit validate`: checks documents and reports every issue with its place in the source. */
export const validate = defineCommand({
  name: 'validate',
  summary: 'Check documents and report every issue with its place',
  positionals: { usage: '[FILES...]', min: 0, max: Infinity },
  description: [
    'Parses and validates each document (with no FILES, the bundled ones) and checks that every annex of a\n' +
      'letter is found. Prints a one-line summary and exits 0 when all are valid; otherwise prints each issue\n' +
      'as file:line:column message on stderr and exits 1.',
  ],
  options: {},
  examples: ['validate', 'validate content/declaration.en.md my-letter.fr.md'],
  exits: { 0: 'every document is valid', 1: 'a document has issues (each printed as file:line:column message) or cannot be read' },
  async run({ positionals }, io) {
    const { sources, issues } = await loadSources(positionals.length ? positionals : await bundledFiles(), io)
    issues.push(...annexIssues(sources, await annexPool(sources, io)))
    if (issues.length) throw issuesError(issues)
    const list = sources.map((source) => `${source.name} (${source.document.type})`).join(', ')
    io.stdout(`${sources.length} ${sources.length === 1 ? 'document' : 'documents'} valid: ${list}\n`)
    return exitCodes.ok
  },
})
