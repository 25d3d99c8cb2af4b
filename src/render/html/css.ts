// One stylesheet for every page, embedded so that a page is a single self-contained file. Screen: a
// measure of about 70 characters; print: A4 with the margins of the PDF, each annex on a new page.
/** The stylesheet embedded in every page. */
export const stylesheet = `
:root { color-scheme: light; }
html { font-family: "Noto Serif", "DejaVu Serif", Georgia, "Times New Roman", serif; font-size: 100%; line-height: 1.5; color: #1a1a1a; background: #fff; }
body { margin: 0; }
main { max-width: 70ch; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.3; margin: 1.6em 0 0.6em; }
h1 { font-size: 1.45rem; }
.title { text-align: center; }
h2 { font-size: 1.2rem; }
h3 { font-size: 1.1rem; }
h4, h5, h6 { font-size: 1rem; }
p { margin: 0 0 0.8em; }
a { color: #0b4f9c; text-decoration: underline; text-underline-offset: 0.15em; }
a:focus-visible { outline: 2px solid #0b4f9c; outline-offset: 2px; }
:target { background: #fff6cc; }
.preface p { margin: 0 0 0.3em; }
.subtitle { text-align: center; font-style: italic; }
p.recital { text-indent: 3.5em; }
.sub { margin-left: 3.5em; }
.closing { margin-top: 1.5em; }
.closing p { margin: 0 0 0.3em; }
hr { border: 0; border-top: 1px solid #767676; margin: 1.5em 0; }
ol.numbered { list-style: none; margin: 0 0 0.8em; padding: 0; }
ol.numbered > li { padding-left: 3.5em; margin: 0 0 0.8em; }
ol.numbered > li > .num { display: inline-block; width: 3.5em; margin-left: -3.5em; }
ol.numbered ol.numbered { margin-top: 0.6em; }
ul { margin: 0 0 0.8em; padding-left: 3.5em; }
.letterhead { display: flex; justify-content: space-between; gap: 1rem; border-bottom: 1px solid #1a1a1a; padding-bottom: 0.4em; margin-bottom: 1.5em; }
.letterhead p { margin: 0; }
.letter-block { display: grid; grid-template-columns: 44% 1fr; gap: 1.5rem; margin-bottom: 1.5em; }
.reference { margin: 0; }
.reference > div { display: grid; grid-template-columns: 6.5em 1fr; }
.reference dt, .reference dd { margin: 0; }
.addressees { list-style: none; margin: 0; padding-left: 1em; }
.addressees > li::before { content: ""; display: inline-block; width: 0.45em; margin: 0 0.55em 0 -1em; vertical-align: 0.3em; border-top: 1px solid currentColor; }
h1.subject { font-size: 1rem; text-align: left; margin: 0 0 1.2em; font-weight: normal; }
.signature { margin-top: 2em; }
.annex-line { margin-top: 1.5em; }
.annex { margin-top: 3em; border-top: 1px solid #767676; padding-top: 1em; }
.annex > h2 { text-align: center; }
.footnotes { margin-top: 2.5em; border-top: 1px solid #767676; font-size: 0.9rem; }
.footnotes h2 { font-size: 1rem; }
a.backref::after { content: "\\21a9\\fe0e"; }
a.backref { text-decoration: none; margin-left: 0.3em; }
sup { line-height: 0; }
.summary { font-weight: bold; }
ins { background: #d9f2dd; color: #0a3d17; text-decoration: underline; }
del { background: #fbe0e0; color: #6b0d0d; text-decoration: line-through; }
@page { size: A4; margin: 20mm 20mm 22mm; }
@media print {
  html { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  :target { background: none; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; }
  p, li { orphans: 2; widows: 2; }
  .signature { break-inside: avoid; }
  a.backref { display: none; }
  .annex { break-before: page; margin-top: 0; border-top: 0; padding-top: 0; }
}
`.trim()
