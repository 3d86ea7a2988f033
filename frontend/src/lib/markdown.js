// A message's text as Markdown: bold, italics, strike-through, code spans, fenced code blocks,
// links and lists. Raw HTML is never rendered: markdown-it escapes it, and DOMPurify then
// keeps only the elements this renderer makes. Links open in a new tab that cannot reach back.
import MarkdownIt from 'markdown-it'
import createDOMPurify from 'dompurify'

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 's', 'code', 'pre', 'a', 'ul', 'ol', 'li', 'blockquote']
const ALLOWED_ATTR = ['href', 'target', 'rel', 'start']

/** @returns {(text: string) => string} safe HTML for a message's text */
export function createRenderer(window = globalThis.window) {
  // Headings, rules, tables and images make no sense in a chat line; "# 1" stays text.
  const markdown = new MarkdownIt('default', { html: false, linkify: true, breaks: true })
    .disable(['heading', 'lheading', 'hr', 'table', 'image'])
  const purifier = createDOMPurify(window)
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank')
      node.setAttribute('rel', 'noopener noreferrer')
    }
  })
  const options = { ALLOWED_TAGS, ALLOWED_ATTR, ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i }
  // Trimmed: the line break markdown-it ends with would be part of the message's text.
  return (text) => purifier.sanitize(markdown.render(text), options).trim()
}
