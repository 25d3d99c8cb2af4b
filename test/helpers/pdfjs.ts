// pdfjs-dist for the tests, with the engine's own built-ins kept. Under Node 20 the legacy build (the one
// that runs on Node) replaces `Array.prototype.push`, `JSON.parse` and `JSON.stringify` with core-js's
// versions in plain JavaScript for the whole process, when it loads and again when its worker module loads.
// A worker runs file after file (isolate: false), so every test after the first PDF read ran parse,
// validation, rendering and the tests' own JSON on them: a `push` for each Markdown token, a `stringify`
// for each word compared. Both modules load here, then the built-ins are put back; pdfjs does not need
// what the replacements add (a test that reads a PDF fails if it did).
import { restoreNatives } from './natives.js'
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'
// The module pdfjs's "fake worker" imports on the first getDocument (it finds it on globalThis.pdfjsWorker).
import 'pdfjs-dist/legacy/build/pdf.worker.mjs'

restoreNatives()

export const { getDocument, OPS } = pdfjs
