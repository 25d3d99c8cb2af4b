import { stylesheet } from './css.js'
import { attributeList, escapeHtml } from './escape.js'

/**
 * A complete HTML5 page: language, title, embedded stylesheet and the given body inside `<main>`; a body given as
 * lines is joined with the page's own, in one pass.
 */
export function htmlPage(page: { language: string; title: string; className: string; body: string | readonly string[] }): string {
  const body = typeof page.body === 'string' ? [page.body] : page.body.length ? page.body : ['']
  return [
    '<!DOCTYPE html>',
    `<html${attributeList({ lang: page.language })}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="declaration-kit">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>\n${stylesheet}\n</style>`,
    '</head>',
    '<body>',
    `<main${attributeList({ class: page.className })}>`,
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
