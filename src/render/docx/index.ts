export { renderDocx, declarationDate, type DocxOptions } from './render.js'
export { normalizeDocx, type NormalizeOptions } from './package.js'
export { paragraphStyle, characterStyle } from './styles.js'
