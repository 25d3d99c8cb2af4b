#!/bin/sh
# Cold start of the CLI rendering both bundled documents to Markdown, PDF and DOCX (six files), side by
# side with pandoc converting the declaration alone to DOCX, in one hyperfine run; prints the ratio.
# A third command renders the declaration alone to DOCX, like for like with pandoc.
# Usage: test/bench/cold-start.sh [JSON-FILE]   (SKIP_BUILD=1 to reuse dist/)
set -eu
cd "$(dirname "$0")/../.."
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f dist/cli.js ]; then npm run build --silent >/dev/null; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
json=${1:-$work/cold-start.json}
hyperfine --warmup 2 --runs 10 --export-json "$json" \
  --command-name 'declaration-kit render (2 documents x md, pdf, docx)' "node dist/cli.js render --quiet --out $work/out" \
  --command-name 'pandoc declaration.en.md -> docx' "pandoc content/declaration.en.md -o $work/pandoc.docx" \
  --command-name 'declaration-kit render declaration.en.md -> docx' "node dist/cli.js render content/declaration.en.md --format docx --quiet --out $work/one"
node -e '
const { results: [kit, pandoc, one] } = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
const ms = (s) => (s * 1000).toFixed(0) + " ms"
const ratio = (a, b) => `${(a.median / b.median).toFixed(1)}x the median (${(a.mean / b.mean).toFixed(1)}x the mean)`
console.log(`all formats of both documents: median ${ms(kit.median)}, pandoc (declaration to DOCX) ${ms(pandoc.median)}: ${ratio(kit, pandoc)}`)
console.log(`declaration to DOCX alone: median ${ms(one.median)}: ${ratio(one, pandoc)} of pandoc`)
' "$json"
