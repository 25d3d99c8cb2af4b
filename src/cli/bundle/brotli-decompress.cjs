// Stands in for brotli's decoder in the CLI's bundle. fontkit needs it only for WOFF2 fonts, but loading it builds
// its 120 KB dictionary, about 30 ms of every run's start-up: it is loaded the first time a WOFF2 font is read.
let decompress

module.exports = function brotliDecompress(buffer, outSize) {
  decompress ??= require('brotli/decompress.js')
  return decompress(buffer, outSize)
}
