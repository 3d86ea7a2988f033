import { expect, test } from '@playwright/test'
import { expectAccessible } from './axe.js'
import { aliceAndBobIn, closeAll, enterRoom, freshRoom, messageList, reloadAndWait, roomLink, SCREENS, send, signIn } from './chat-session.js'

test('the sign-in screen comes first', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await page.screenshot({ path: `${SCREENS}/sign-in.png` })
  await expectAccessible(page, 'the sign-in screen')
})

test('an unreachable sign-in service gets a clear screen', async ({ page }) => {
  const config = await (await page.request.get('/config.js')).text()
  const issuer = /"VUE_APP_DEX_ISSUER_URL":"([^"]+)"/.exec(config)[1]
  await page.route(`${issuer}/**`, (route) => route.abort())
  await page.goto('/')
  await expect(page.getByRole('alert')).toContainText(`The sign-in service at ${issuer} cannot be reached`)
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
  await expectAccessible(page, 'the sign-in problem screen')
})

test('the built app carries none of the run-time settings', async ({ page }) => {
  const config = await (await page.request.get('/config.js')).text()
  const settings = JSON.parse(config.slice(config.indexOf('{'), config.lastIndexOf('}') + 1))
  const html = await (await page.request.get('/')).text()
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1])
  expect(scripts.length).toBeGreaterThan(0)
  for (const asset of ['/', ...scripts]) {
    const body = await (await page.request.get(asset)).text()
    for (const value of [settings.VUE_APP_DEX_ISSUER_URL, settings.VUE_APP_WS_URL, settings.VUE_APP_DEX_REDIRECT_URI]) {
      expect(body, `${asset} must not contain ${value}`).not.toContain(value)
    }
  }
})

test('alice and bob talk live, and history survives a reload', async ({ browser }) => {
  const alice = await signIn(browser, 'alice')
  const bob = await signIn(browser, 'bob')
  const room = freshRoom('e2e')
  await enterRoom(alice.page, room)
  await enterRoom(bob.page, room)

  const text = `Hello Bob, it is ${new Date().toISOString()}`
  await send(alice.page, text)
  const started = Date.now()
  await expect(messageList(bob.page).getByText(text)).toBeVisible({ timeout: 2_000 })
  console.log(`delivered to bob in ${Date.now() - started} ms`)
  await expect(messageList(bob.page).locator('li.message', { hasText: text }).locator('.sender')).toHaveText('Alice Liddell')

  await send(bob.page, 'Hi Alice!\nTwo lines, sent with Shift+Enter in mind.')
  await expect(messageList(alice.page).getByText('Hi Alice!')).toBeVisible({ timeout: 2_000 })
  await alice.page.screenshot({ path: `${SCREENS}/chat.png` })
  await expectAccessible(alice.page, 'the chat')

  // A message in another room of bob's marks it unread for him until he enters it. The count
  // is the server's: it survives a reload, and reading the room clears it on every device.
  const otherRoom = freshRoom('unread')
  await enterRoom(alice.page, otherRoom)
  await enterRoom(bob.page, otherRoom)
  await enterRoom(bob.page, room)
  await send(alice.page, 'over here')
  const otherEntry = roomLink(bob.page, new RegExp(otherRoom))
  await expect(otherEntry.getByLabel('1 unread')).toBeVisible({ timeout: 5_000 })
  await expectAccessible(bob.page, 'the chat with an unread room')
  await reloadAndWait(bob.page)
  await expect(otherEntry.getByLabel('1 unread')).toBeVisible({ timeout: 5_000 })
  const markedRead = bob.page.waitForResponse((response) => response.request().method() === 'PUT'
    && response.url().endsWith(`/rooms/${otherRoom}/read`))
  await otherEntry.click()
  await expect(messageList(bob.page).getByText('over here')).toBeVisible()
  await expect(otherEntry.getByLabel('1 unread')).toHaveCount(0)
  expect((await markedRead).status()).toBe(204)
  await reloadAndWait(bob.page)
  await expect(otherEntry).toBeVisible()
  await expect(otherEntry.getByLabel(/unread/)).toHaveCount(0)

  await reloadAndWait(bob.page)
  await enterRoom(bob.page, room)
  await expect(messageList(bob.page).getByText(text)).toBeVisible()
  await expect(messageList(bob.page).getByText('Hi Alice!')).toBeVisible()

  await closeAll(alice, bob)
})

test('shift+enter makes a new line and enter sends', async ({ browser }) => {
  const alice = await signIn(browser, 'alice')
  await enterRoom(alice.page, freshRoom('keys'))
  const input = alice.page.getByRole('textbox', { name: /^Message / })
  await input.type('first line')
  await input.press('Shift+Enter')
  await input.type('second line')
  await expect(input).toHaveValue('first line\nsecond line')
  await input.press('Enter')
  await expect(input).toHaveValue('')
  const shown = messageList(alice.page).locator('li.message .text', { hasText: 'first line' })
  await expect(shown).toHaveText('first line\nsecond line')
  await expect(messageList(alice.page).locator('li.message.sent, li.message.pending')).toHaveCount(0, { timeout: 5_000 })
  await expectAccessible(alice.page, 'the chat with a multi-line message')
  await alice.context.close()
})

test('markup in a message is shown as text, never run', async ({ browser }) => {
  const { alice, bob, room } = await aliceAndBobIn(browser, 'xss')

  const attack = '<img src=x onerror=alert(1)>'
  await send(alice.page, attack)
  await expect(messageList(bob.page).getByText(attack, { exact: true })).toBeVisible({ timeout: 5_000 })
  await expect(messageList(bob.page).locator('img')).toHaveCount(0)
  await expect(messageList(alice.page).locator('img')).toHaveCount(0)
  expect(bob.dialogs).toEqual([])
  expect(alice.dialogs).toEqual([])

  const longWord = 'x'.repeat(600)
  await send(alice.page, longWord)
  const bubble = messageList(bob.page).locator('li.message', { hasText: longWord })
  await expect(bubble).toBeVisible({ timeout: 5_000 })
  const box = await bubble.boundingBox()
  expect(box.width).toBeLessThanOrEqual(bob.page.viewportSize().width)
  await expectAccessible(bob.page, 'the chat with markup and a long word')

  await closeAll(alice, bob)
})

test('leaving a room takes it off the list and its messages stop coming', async ({ browser }) => {
  const { alice, bob, room } = await aliceAndBobIn(browser, 'leave')
  await bob.page.getByRole('button', { name: 'Leave room' }).click()
  await expect(bob.page.getByRole('heading', { level: 1 })).toContainText('# general')
  const entry = roomLink(bob.page, new RegExp(room))
  await expect(entry).toHaveCount(0)
  await send(alice.page, 'after bob left')
  await expect(messageList(alice.page).getByText('after bob left')).toBeVisible()
  // Nothing of the room comes back for bob: not the message, not an unread room.
  await bob.page.waitForTimeout(1_500)
  await expect(entry).toHaveCount(0)
  await reloadAndWait(bob.page)
  await expect(entry).toHaveCount(0)
  await expectAccessible(bob.page, 'the chat after leaving a room')
  await closeAll(alice, bob)
})

test('after a dropped connection every message shows once, in order', async ({ browser }) => {
  const { alice, bob, room } = await aliceAndBobIn(browser, 'reconnect')
  await send(alice.page, 'before the drop')
  await expect(messageList(bob.page).getByText('before the drop')).toBeVisible({ timeout: 5_000 })

  // Bob's network drops, and stays down (no ticket, no reconnect) while alice keeps talking.
  await bob.page.route('**/api/ws-ticket', (route) => route.abort())
  await bob.page.evaluate(() => window.__chatConnection.drop())
  await expect(bob.page.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible()
  const missed = Array.from({ length: 6 }, (_, i) => `missed ${i + 1}`)
  for (const text of missed) {
    await send(alice.page, text)
  }
  await expect(messageList(alice.page).locator('li.message', { hasText: 'missed 6' })).toBeVisible()
  await bob.page.screenshot({ path: `${SCREENS}/reconnecting.png` })
  await expectAccessible(bob.page, 'the chat while reconnecting')

  await bob.page.unroute('**/api/ws-ticket')
  await expect(bob.page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({ timeout: 30_000 })
  await send(alice.page, 'after the drop')
  await expect(messageList(bob.page).getByText('after the drop')).toBeVisible({ timeout: 10_000 })

  const texts = await messageList(bob.page).locator('li.message .text').allTextContents()
  expect(texts).toEqual(['before the drop', ...missed, 'after the drop'])

  await closeAll(alice, bob)
})

test('works on a phone-sized screen', async ({ browser }) => {
  const alice = await signIn(browser, 'alice', { viewport: { width: 375, height: 700 } })
  await enterRoom(alice.page, freshRoom('phone'))
  await send(alice.page, 'typed on a phone')
  await expect(messageList(alice.page).getByText('typed on a phone')).toBeVisible()
  const width = await alice.page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(375)
  await alice.page.screenshot({ path: `${SCREENS}/phone.png` })
  await expectAccessible(alice.page, 'the chat on a phone')

  await alice.page.getByRole('button', { name: 'Sign out' }).click()
  await expect(alice.page.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 10_000 })
  await expectAccessible(alice.page, 'the sign-in screen after signing out')
  await alice.context.close()
})
