import { describe, expect, it } from 'vitest'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import { diffDocuments } from '../src/diff/index.js'
import type { Declaration } from '../src/model/declaration.js'
import { DocumentError } from '../src/model/issues.js'
import { renderDiffHtml, renderHtml } from '../src/render/html/index.js'
import { escapeHtml } from '../src/render/html/escape.js'
import { previewPage } from '../src/cli/preview/page.js'

const annexes = [cop29Declaration]
const body = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'))

describe('renderHtml', () => {
  it('writes one HTML5 page with the language, the title, the embedded stylesheet and no script', () => {
    const html = renderHtml(cop29Declaration)
    expect(html.split('\n').slice(0, 6)).toEqual([
      '<!DOCTYPE html>',
      '<html lang="en-GB">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="generator" content="declaration-kit">',
    ])
    expect(html).toContain('<title>COP29 Declaration on Green Digital Action</title>')
    expect(html).toContain('@media print {')
    expect(html).toContain('@page { size: A4;')
    expect(html).toContain('main { max-width: 70ch;')
    expect(html.match(/<main[ >]/g)).toEqual(['<main '])
    expect(html.match(/<h1[ >]/g)).toEqual(['<h1 '])
    expect(html).not.toMatch(/<script|\son[a-z]+=/i)
    expect(html.endsWith('</main>\n</body>\n</html>\n')).toBe(true)
  })

  it('gives the same bytes for the same document', () => {
    expect(renderHtml(structuredClone(cop29Letter), { annexes: structuredClone(annexes) })).toBe(renderHtml(cop29Letter, { annexes }))
  })

  it('sets a numbered paragraph as a list item that keeps its number as text, with its bold title and its id', () => {
    expect(body(renderHtml(cop29Declaration))).toContain(
      '<li id="para-2"><span class="num">II.</span> <strong>Building Resilient Digital Infrastructure:</strong> Emphasise the importance of designing digital infrastructure resilient to climate change impacts, ensuring the continued functionality of critical digital systems in adverse conditions.</li>',
    )
  })

  it('sets a preambular clause with its lead in <em> and an endorsement link as a mailto: link', () => {
    const html = body(renderHtml(cop29Declaration))
    expect(html).toContain('<p id="preamble-3" class="recital"><em>Noting with concern</em> the adverse climate impacts')
    expect(html).toContain('<a href="mailto:digitalisation@cop29.az">digitalisation@cop29.az</a></li>\n</ul>\n</section>')
    expect(html).toContain(
      '<section id="section-2" aria-labelledby="section-2-heading">\n<h2 id="section-2-heading">Collaboration</h2>\n<p id="section-2-1">We intend to convene',
    )
    expect(html).toContain('<p id="section-2-intro-1" class="intro">National governments and other stakeholders can endorse this Declaration through:</p>\n<ul>\n<li id="section-2-2">Any official')
  })

  it('sets footnotes as linked notes with back-links, sub-paragraphs as nested lists, closing lines with their breaks', () => {
    const doc: Declaration = {
      ...cop29Declaration,
      body: [
        {
          type: 'paragraph',
          id: 'para-1',
          num: '1.',
          lead: 'Decides',
          text: [{ type: 'text', value: 'to act' }, { type: 'footnoteReference', label: '1' }, { type: 'text', value: ':' }],
          children: [{ type: 'list', ordered: true, items: [{ type: 'paragraph', id: 'para-1-1', num: '(a)', text: [{ type: 'text', value: 'now' }, { type: 'footnoteReference', label: '1' }, { type: 'text', value: ';' }] }] }],
        },
        { type: 'separator' },
      ],
      closing: [{ type: 'paragraph', id: 'closing-1', text: [{ type: 'emphasis', children: [{ type: 'text', value: '30th plenary meeting' }] }, { type: 'break' }, { type: 'text', value: '1 November 2018' }] }],
      footnotes: [{ id: 'fn-1', label: '1', text: [{ type: 'text', value: 'A/73/85.' }] }],
    }
    const html = body(renderHtml(doc))
    expect(html.slice(html.indexOf('<section class="operative">'))).toBe(
      [
        '<section class="operative">',
        '<ol class="numbered">',
        '<li id="para-1"><span class="num">1.</span> <em>Decides</em> to act<sup><a id="fnref-1" href="#fn-1" class="fnref" role="doc-noteref" aria-label="Footnote 1">1</a></sup>:',
        '<ol class="numbered">',
        '<li id="para-1-1"><span class="num">(a)</span> now<sup><a id="fnref-1-2" href="#fn-1" class="fnref" role="doc-noteref" aria-label="Footnote 1">1</a></sup>;</li>',
        '</ol></li>',
        '</ol>',
        '<hr>',
        '</section>',
        '<div class="closing">',
        '<p id="closing-1" class="closing"><em>30th plenary meeting</em><br>1 November 2018</p>',
        '</div>',
        '<section class="footnotes" role="doc-endnotes" aria-label="Footnotes">',
        '<ol class="numbered">',
        '<li id="fn-1"><span class="num">1</span> A/73/85.<a href="#fnref-1" class="backref" role="doc-backlink" aria-label="Back to reference 1"></a></li>',
        '</ol>',
        '</section>',
        '',
      ].join('\n'),
    )
  })

  it('keeps one empty line inside a section, a list or a preamble that has nothing in it', () => {
    const doc: Declaration = {
      ...cop29Declaration,
      preface: [],
      subtitle: undefined,
      preamble: { paragraphs: [] },
      body: [
        { type: 'section', id: 'sec-1', level: 2, heading: 'Empty', body: [] },
        { type: 'list', ordered: true, items: [] },
        { type: 'list', ordered: false, items: [{ type: 'paragraph', id: 'item-1', text: [{ type: 'text', value: 'one' }] }] },
      ],
      closing: [],
      annexes: [{ id: 'annex-1', heading: 'Annex', body: [] }],
      footnotes: [],
    }
    expect(body(renderHtml(doc))).toBe(
      [
        '<main class="declaration">',
        '<h1 id="title" class="title">COP29 Declaration on Green Digital Action</h1>',
        '<section class="preamble">',
        '',
        '</section>',
        '<section class="operative">',
        '<section id="sec-1" aria-labelledby="sec-1-heading">',
        '<h2 id="sec-1-heading">Empty</h2>',
        '',
        '</section>',
        '<ul>',
        '',
        '</ul>',
        '<ul>',
        '<li id="item-1">one</li>',
        '</ul>',
        '</section>',
        '<section class="annex" id="annex-1" aria-labelledby="annex-1-heading">',
        '<h2 id="annex-1-heading">Annex</h2>',
        '',
        '</section>',
        '',
      ].join('\n'),
    )
  })

  it('writes a link that breaks the link rule (a document built in code) as its text only', () => {
    const doc: Declaration = {
      ...cop29Declaration,
      body: [{ type: 'paragraph', id: 'para-1', text: [{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'click' }] }, { type: 'text', value: ' and ' }, { type: 'link', url: 'https://www.itu.int/', children: [{ type: 'text', value: 'ITU' }] }] }],
    }
    expect(body(renderHtml(doc))).toContain('<p id="para-1">click and <a href="https://www.itu.int/">ITU</a></p>')
  })

  it('escapes markup characters in text and attributes', () => {
    const doc: Declaration = { ...cop29Declaration, title: 'A <b> & "c"' }
    const html = renderHtml(doc)
    expect(html).toContain('<title>A &lt;b&gt; &amp; &quot;c&quot;</title>')
    expect(html).toContain('<h1 id="title" class="title">A &lt;b&gt; &amp; &quot;c&quot;</h1>')
    expect(escapeHtml('<a href="x">&amp;</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;')
  })

  it("sets the letter's reference block, then its addressees, then the subject as the page's heading", () => {
    const html = body(renderHtml(cop29Letter, { annexes }))
    expect(html).toContain(
      '<dl class="reference"><div><dt>Référence:</dt><dd><strong>CL-24/63</strong></dd></div><div><dt>Tél.:</dt><dd>+41 22 730 5316</dd></div>' +
        '<div><dt>Fax:</dt><dd>+41 22 733 7256</dd></div><div><dt>Courriel:</dt><dd><a href="mailto:green@itu.int">green@itu.int</a></dd></div>' +
        '<div><dt>Contact:</dt><dd>Catalin Marinescu</dd></div></dl><ul class="addressees"><li id="addressee-1">Aux États Membres de l\'UIT;</li>',
    )
    expect(html.indexOf('class="addressees"')).toBeLessThan(html.indexOf('<h1 class="subject">Objet: <strong>Invitation'))
  })

  it("sets the letter's annex as a section in the declaration's language, its ids prefixed with the annex's", () => {
    const html = body(renderHtml(cop29Letter, { annexes }))
    expect(html).toContain(
      '<section class="annex" id="annex-1" aria-labelledby="annex-1-heading"><h2 id="annex-1-heading">Annexe – Déclaration de la COP29 sur l\'action du secteur du numérique pour l\'environnement (version anglaise uniquement)</h2>\n<article class="declaration" lang="en-GB">\n<h3 id="annex-1-title" class="title">COP29 Declaration on Green Digital Action</h3>',
    )
    expect(html).toContain('<li id="annex-1-para-1"><span class="num">I.</span>')
    expect(html).toContain('<h4 id="annex-1-section-1-heading">Implementation Framework</h4>')
  })

  it('prints only the annex line with annex: false, and names a missing annex', () => {
    const html = body(renderHtml(cop29Letter, { annex: false }))
    expect(html).toContain('<p class="annex-line" id="annex-1">Annexe – Déclaration de la COP29')
    expect(html).not.toContain('<section class="annex"')
    expect(() => renderHtml(cop29Letter)).toThrow(DocumentError)
    expect(() => renderHtml(cop29Letter)).toThrow('annex 1: document "cop29-green-digital-action" was not supplied; pass it in the annexes option, or set annex: false')
  })
})

describe('renderDiffHtml', () => {
  const edited: Declaration = structuredClone(cop29Declaration)
  const list = edited.body[0] as Extract<Declaration['body'][number], { type: 'list' }>
  list.items[1]!.text = [{ type: 'text', value: 'Emphasise the importance of designing digital infrastructure resilient to climate change.' }]
  edited.preamble!.paragraphs.splice(2, 1)

  it('puts the summary at the top and marks the words with <del> and <ins>', () => {
    const html = body(renderDiffHtml(diffDocuments(cop29Declaration, edited)))
    expect(html).toContain('<h1>Changes</h1>\n<p class="summary">0 added, 1 removed, 1 modified, 0 moved, 23 unchanged.</p>')
    expect(html).toContain(
      '<h2 id="change-2-heading">Paragraph II. (modified)</h2><p>Building Resilient Digital Infrastructure: Emphasise the importance of designing digital infrastructure resilient to climate change<del> impacts, ensuring the continued functionality of critical digital systems in adverse conditions</del>.</p>',
    )
    expect(html).toContain('<section id="change-1" class="change removed" aria-labelledby="change-1-heading"><h2 id="change-1-heading">Preambular clause 3 (removed)</h2><p><del>Noting with concern the adverse')
    const added = body(renderDiffHtml(diffDocuments(edited, cop29Declaration)))
    expect(added).toContain('climate change<ins> impacts, ensuring the continued functionality of critical digital systems in adverse conditions</ins>.</p>')
  })

  it('says so when nothing changed', () => {
    expect(body(renderDiffHtml(diffDocuments(cop29Declaration, cop29Declaration)))).toBe(
      '<main class="diff">\n<h1>Changes</h1>\n<p class="summary">0 added, 0 removed, 0 modified, 0 moved, 25 unchanged.</p>\n<p>No changes.</p>\n',
    )
  })
})

describe('the preview page', () => {
  it('adds the issues panel and the reload script to the rendered page, and nothing else', () => {
    const html = renderHtml(cop29Declaration)
    const page = previewPage(html, [{ code: 'x', message: 'title: expected <text>', path: [], file: 'a.md', line: 3, column: 1 }], 'a.md')
    expect(page).toContain('<li>a.md:3:1 title: expected &lt;text&gt;</li>')
    expect(page.match(/<script>/g)).toEqual(['<script>'])
    expect(page.replace(/<style>\.preview-issues[^]*?<\/aside>/, '').replace(/<script>[^]*?<\/script>\n/, '')).toBe(html)
  })
})
