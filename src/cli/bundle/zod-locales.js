// Stands in for zod's index of locales in the CLI's bundle: zod sets its English messages from the English module
// itself, and the CLI words its messages in English. The other 47 locales were 0.37 MB of the CLI's code.
export { default as en } from 'zod/v4/locales/en.js'
