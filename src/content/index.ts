import declarationSource from '../../content/declaration.en.md'
import letterSource from '../../content/letter.fr.md'
import type { Declaration } from '../model/declaration.js'
import type { Letter } from '../model/letter.js'
import { parseDeclaration, parseLetter } from '../parse/index.js'

/** The Markdown source of the bundled COP29 Declaration on Green Digital Action (English). */
export const cop29DeclarationSource: string = declarationSource

/** The Markdown source of the bundled ITU circular letter CL-24/63 (French). */
export const cop29LetterSource: string = letterSource

/** The COP29 Declaration on Green Digital Action, parsed and validated (English, `cop29` profile). */
export const cop29Declaration: Declaration = parseDeclaration(declarationSource, { file: 'content/declaration.en.md' })

/** ITU circular letter CL-24/63 (French), which transmits the declaration as its annex. */
export const cop29Letter: Letter = parseLetter(letterSource, { file: 'content/letter.fr.md' })
