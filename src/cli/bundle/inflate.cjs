// Stands in for tiny-inflate in the CLI's bundle. fontkit, linebreak and unicode-properties inflate their Unicode
// tables with it as they load, which took a run 40 to 230 ms of start-up in JavaScript that had not warmed up yet.
// Node's zlib inflates the same stream to the same bytes (inflating has one answer, whoever does it); a stream
// zlib refuses goes to tiny-inflate itself, so that a damaged font fails or gets through as it did before.
const { inflateRawSync } = require('node:zlib')
const tinyInflate = require('tiny-inflate')

module.exports = function inflate(source, dest) {
  let out
  try {
    out = inflateRawSync(source)
  } catch {
    return tinyInflate(source, dest)
  }
  // tiny-inflate writes into `dest` and returns it whole, or the part it filled when the stream was shorter.
  if (out.length > dest.length) return tinyInflate(source, dest)
  dest.set(out)
  return out.length === dest.length ? dest : dest.slice(0, out.length)
}
