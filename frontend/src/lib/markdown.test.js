// @vitest-environment jsdom
// DOMPurify needs a complete DOM: under happy-dom it drops elements it should keep.
import { describe, expect, it } from 'vitest'
import { createRenderer } from './markdown.js'

const render = createRenderer(window)

/** What a rendering would run or load, if anything. */
function dangers(html) {
  const holder = document.createElement('div')
  holder.innerHTML = html
  const found = []
  for (const element of holder.querySelectorAll('*')) {
    if (!['P', 'BR', 'STRONG', 'EM', 'S', 'CODE', 'PRE', 'A', 'UL', 'OL', 'LI', 'BLOCKQUOTE'].includes(element.tagName)) {
      found.push(`<${element.tagName.toLowerCase()}>`)
    }
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith('on') || attribute.name === 'style' || attribute.name === 'src') found.push(attribute.name)
    }
    if (element.tagName === 'A' && !/^(https?|mailto):/i.test(element.getAttribute('href') ?? 'https:')) {
      found.push(`href=${element.getAttribute('href')}`)
    }
  }
  return found
}

// The payloads of the security tests' corpus, as a user could type them into a message.
const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '![x](https://evil.example/x.png)',
  '<a href="https://evil.example" onclick="alert(1)">x</a>',
  '**<b onmouseover=alert(1)>bold</b>**',
  '`<script>alert(1)</script>`',
  '```\n<script>alert(1)</script>\n```',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '[x](https://example.com "title\\" onmouseover=\\"alert(1)")',
  '<<script>script>alert(1)<</script>/script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  'javascript:alert(1)',
]

describe('createRenderer', () => {
  it('renders the Markdown people write in chats', () => {
    expect(render('**bold** and *italics* and ~~struck~~ and `code`')).toBe(
      '<p><strong>bold</strong> and <em>italics</em> and <s>struck</s> and <code>code</code></p>')
    expect(render('```\nconst a = 1\n```')).toBe('<pre><code>const a = 1\n</code></pre>')
    expect(render('- one\n- two')).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>')
    expect(render('line one\nline two')).toBe('<p>line one<br>\nline two</p>')
  })

  it('opens links in a new tab that cannot reach back, and finds bare addresses', () => {
    expect(render('[docs](https://example.com/a)')).toBe(
      '<p><a href="https://example.com/a" target="_blank" rel="noopener noreferrer">docs</a></p>')
    expect(render('see https://example.com')).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer">')
  })

  it('keeps headings, rules and images as the text typed', () => {
    expect(render('# 1 thing')).toBe('<p># 1 thing</p>')
    expect(render('---')).toBe('<p>---</p>')
    expect(render('![alt](https://example.com/x.png)')).not.toContain('<img')
  })

  it.each(XSS)('never renders anything that runs or loads: %s', (payload) => {
    const html = render(payload)
    expect(dangers(html)).toEqual([])
  })

  it('shows raw HTML as the text it is', () => {
    const holder = document.createElement('div')
    holder.innerHTML = render('<img src=x onerror=alert(1)>')
    expect(holder.textContent.trim()).toBe('<img src=x onerror=alert(1)>')
  })
})
