import { expect, test } from '@playwright/test'

// How the server delivers the web app, as a browser meets it. The suite runs these against
// Liberty; scripts/test_frontend.sh runs them once more against the image's nginx
// (CHATAPP_SERVER=nginx).
const server = process.env.CHATAPP_SERVER ?? 'liberty'
const KEPT_FOR_A_YEAR = 'public, max-age=31536000, immutable'

/** Opens the app as a browser would, and answers every response its first load got. */
async function firstLoad(page) {
  const responses = []
  page.on('response', (response) => responses.push(response))
  await page.goto('/')
  await page.waitForLoadState('networkidle')
  return responses.filter((response) => new URL(response.url()).origin === new URL(page.url()).origin)
}

function pathOf(response) {
  return new URL(response.url()).pathname
}

// Below about 2 KB compression saves less than it costs; Liberty leaves such responses as they are.
const WORTH_COMPRESSING = 2048

test('the scripts and styles come compressed and are kept for a year', async ({ page }) => {
  const assets = (await firstLoad(page)).filter((response) => pathOf(response).startsWith('/assets/'))
  expect([...new Set(assets.map((response) => pathOf(response).split('.').pop()))].sort()).toEqual(['css', 'js'])
  for (const response of assets) {
    const headers = await response.allHeaders()
    if ((await response.body()).length >= WORTH_COMPRESSING) {
      expect(headers['content-encoding'], pathOf(response)).toMatch(/^(gzip|br)$/)
    }
    expect(headers['cache-control'], pathOf(response)).toBe(KEPT_FOR_A_YEAR)
  }
})

test('the page, its settings and its icon are revalidated on every use', async ({ request }) => {
  for (const path of ['/', '/index.html', '/config.js', '/favicon.svg']) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    expect(response.headers()['cache-control'], path).toBe('no-cache')
  }
})

test('a missing asset is a 404 that is not kept', async ({ request }) => {
  const response = await request.get('/assets/index-0000000.js')
  expect(response.status()).toBe(404)
  expect(response.headers()['cache-control'] ?? '').not.toContain('max-age')
})

test('the page names its icon and describes itself, and nothing it loads is missing', async ({ page, request }) => {
  const responses = await firstLoad(page)
  const failed = responses.filter((response) => response.status() >= 400).map(pathOf)
  expect(failed).toEqual([])
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\w{3,}/)
  const icon = await page.locator('link[rel="icon"]').getAttribute('href')
  const served = await request.get(icon)
  expect(served.status(), icon).toBe(200)
  expect(served.headers()['content-type'], icon).toContain('image/svg+xml')
})

test('every response carries the security headers', async ({ request }) => {
  const html = await (await request.get('/')).text()
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)[1]
  for (const path of ['/', '/config.js', script, '/favicon.svg', '/assets/index-0000000.js']) {
    const headers = (await request.get(path)).headers()
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['x-frame-options'], path).toBe('DENY')
    expect(headers['referrer-policy'], path).toBe('no-referrer')
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'")
  }
})

test('a room\'s address is the app, revalidated on every use, with the security headers', async ({ request }) => {
  const response = await request.get('/rooms/some-room')
  expect(response.status()).toBe(200)
  expect(response.headers()['cache-control']).toBe('no-cache')
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(await response.text()).toContain('id="app"')
})

test('any other path is the app too', async ({ request }) => {
  test.skip(server !== 'nginx', 'Liberty serves the app at / and /rooms/* only; the API shares its paths')
  const response = await request.get('/elsewhere')
  expect(response.status()).toBe(200)
  expect(await response.text()).toContain('id="app"')
})
