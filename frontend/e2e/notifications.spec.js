import { expect, test } from '@playwright/test'
import { expectAccessible } from './axe.js'
import { aliceAndBobIn, closeAll, messageList, reloadAndWait, roomLink, send } from './chat-session.js'

// A headless browser cannot hide a tab, so the page is told it is hidden as a browser would
// tell it (visibilityState and the visibilitychange event); notifications go to the browser's
// own Notification, recorded on the way.
function watchNotifications() {
  const Native = window.Notification
  let hidden = false
  window.__shown = []
  window.__asked = 0
  window.__hide = (value) => {
    hidden = value
    document.dispatchEvent(new Event('visibilitychange'))
  }
  Object.defineProperty(document, 'visibilityState', { get: () => (hidden ? 'hidden' : 'visible') })
  Object.defineProperty(document, 'hidden', { get: () => hidden })
  window.Notification = class extends Native {
    constructor(title, options) {
      super(title, options)
      window.__shown.push({ title, body: options?.body })
    }

    static requestPermission() {
      window.__asked += 1
      return Native.requestPermission()
    }
  }
}

const shown = (page) => page.evaluate(() => window.__shown)
const hide = (page, hidden) => page.evaluate((value) => window.__hide(value), hidden)

test('a mention or a direct message while the tab is hidden notifies and counts in the title; a muted room does not', async ({ browser }) => {
  const { alice, bob, room } = await aliceAndBobIn(browser, 'notify')
  await bob.context.addInitScript(watchNotifications)
  await reloadAndWait(bob.page)

  // Asked only when the user says so, never on load.
  const turnOn = bob.page.getByRole('button', { name: 'Turn on notifications' })
  await expect(turnOn).toBeVisible()
  expect(await bob.page.evaluate(() => window.__asked)).toBe(0)
  await bob.context.grantPermissions(['notifications'])
  await turnOn.click()
  await expect(turnOn).toHaveCount(0)
  expect(await bob.page.evaluate(() => window.__asked)).toBe(1)

  await hide(bob.page, true)
  await send(alice.page, 'just saying')
  await send(alice.page, '@bob can you look at this?')
  await expect.poll(() => shown(bob.page), { timeout: 5_000 }).toEqual([{ title: `Alice Liddell in # ${room}`, body: '@bob can you look at this?' }])
  await expect(bob.page).toHaveTitle('(1) Chat')
  await expect(roomLink(bob.page, new RegExp(room)).getByLabel('2 unread, 1 for you')).toBeVisible()

  // Back on the tab, the room is read where it was left.
  await hide(bob.page, false)
  await expect(bob.page).toHaveTitle('Chat')
  await expect(messageList(bob.page).locator('li.new-line + li.message')).toContainText('just saying')

  // Muted, the room neither notifies nor counts.
  const mute = bob.page.getByRole('button', { name: 'Mute' })
  await mute.click()
  await expect(mute).toHaveAttribute('aria-pressed', 'true')
  await expect(roomLink(bob.page, new RegExp(room))).toContainText('muted')
  await expectAccessible(bob.page, 'a muted room')
  await hide(bob.page, true)
  await send(alice.page, '@bob once more')
  await expect(roomLink(bob.page, new RegExp(room)).getByLabel(/1 unread/)).toBeVisible({ timeout: 5_000 })
  await expect(bob.page).toHaveTitle('Chat')
  expect(await shown(bob.page)).toHaveLength(1)

  // A direct message needs no mention.
  await alice.page.getByRole('button', { name: 'New message' }).click()
  const dialog = alice.page.getByRole('dialog', { name: 'New direct message' })
  await dialog.getByLabel('Write to', { exact: true }).fill('bob')
  await dialog.getByRole('button', { name: 'Message Bob Builder' }).click()
  await expect(alice.page.getByRole('heading', { level: 1 })).toContainText('Bob Builder')
  const text = `a word in private, ${Date.now()}`
  await send(alice.page, text)
  await expect(messageList(alice.page).getByText(text)).toBeVisible()
  await expect.poll(async () => (await shown(bob.page)).at(-1), { timeout: 5_000 }).toEqual({ title: 'Alice Liddell', body: text })
  await expect(bob.page).toHaveTitle('(1) Chat')
  await hide(bob.page, false)
  await bob.page.getByRole('navigation', { name: 'Rooms' }).getByRole('link', { name: /^Alice Liddell/ }).click()
  await expect(messageList(bob.page).getByText(text)).toBeVisible()
  await expect(bob.page).toHaveTitle('Chat')
  await closeAll(alice, bob)
})
