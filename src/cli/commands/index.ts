import type { AnyCommand } from '../command.js'
import { align } from './align.js'
import { diff } from './diff.js'
import { exportCommand } from './export.js'
import { importXliff } from './import-xliff.js'
import { preview } from './preview.js'
import { render } from './render.js'
import { status } from './status.js'
import { validate } from './validate.js'

/** Every command of the CLI by name, in the order the program's help lists them: a new command is one file and one line here. */
export const commands: Readonly<Record<string, AnyCommand>> = { render, validate, diff, align, export: exportCommand, 'import-xliff': importXliff, status, preview }
