import { expect, test } from '@playwright/test'
import { expectAccessible } from './axe.js'
import { aliceAndBobIn, closeAll, enterRoom, freshRoom, messageList, reloadAndWait, roomLink, SCREENS, send, signIn } from './chat-session.js'

const composer = (page) => page.getByRole('textbox', { name: /^Message/ })
const typingLine = (page) => page.locator('.typing')

test('typing shows to the others in the room, and who is online shows in the members panel', async ({ browser }) => {
  const { alice, bob } = await aliceAndBobIn(browser, 'typing')

  await composer(alice.page).pressSequentially('hello the')
  await expect(typingLine(bob.page)).toHaveText(/^Alice.* is typing…$/, { timeout: 5_000 })
  await expect(typingLine(alice.page)).toHaveText('')
  await bob.page.screenshot({ path: `${SCREENS}/typing.png` })
  await expectAccessible(bob.page, 'the room with someone typing')
  // Sending ends it at once, before its time is up.
  await composer(alice.page).press('Enter')
  await expect(messageList(bob.page).getByText('hello the')).toBeVisible({ timeout: 5_000 })
  await expect(typingLine(bob.page)).toHaveText('', { timeout: 1_000 })

  await bob.page.getByRole('button', { name: 'Members' }).click()
  const members = bob.page.getByRole('complementary', { name: 'Members' })
  const aliceThere = members.getByRole('listitem').filter({ hasText: 'Alice' })
  await expect(aliceThere).toContainText('online')
  await expectAccessible(bob.page, 'the members panel with presence')
  await alice.context.close()
  await expect(aliceThere).toContainText('offline', { timeout: 5_000 })
  await closeAll(bob)
})

test('reading a room on one device clears it on the other; the new messages are marked where they begin', async ({ browser }) => {
  const alice = await signIn(browser, 'alice')
  const phone = await signIn(browser, 'bob')
  const laptop = await signIn(browser, 'bob')
  const room = freshRoom('read-sync')
  await enterRoom(alice.page, room)
  await enterRoom(phone.page, room)
  await roomLink(phone.page, '# general').click()
  await expect(phone.page).toHaveURL(/\/rooms\/general$/)
  await reloadAndWait(laptop.page)
  await expect(roomLink(laptop.page, new RegExp(room))).toBeVisible({ timeout: 5_000 })

  await send(alice.page, 'are you there?')
  for (const device of [phone, laptop]) {
    await expect(roomLink(device.page, new RegExp(room)).getByLabel('1 unread')).toBeVisible({ timeout: 5_000 })
  }
  await roomLink(phone.page, new RegExp(room)).click()
  await expect(messageList(phone.page).locator('li.new-line + li.message')).toContainText('are you there?')
  await expect(composer(phone.page)).toBeFocused()
  await expectAccessible(phone.page, 'a room with new messages')
  await expect(roomLink(laptop.page, new RegExp(room)).getByLabel('1 unread')).toHaveCount(0, { timeout: 5_000 })

  // On the laptop the keyboard goes from room to room; Esc says the room is read.
  await laptop.page.keyboard.press('Alt+ArrowDown')
  await expect(laptop.page).not.toHaveURL(/\/rooms\/general$/)
  await laptop.page.keyboard.press('Alt+ArrowUp')
  await expect(laptop.page).toHaveURL(/\/rooms\/general$/)
  await roomLink(phone.page, '# general').click()
  await expect(phone.page).toHaveURL(/\/rooms\/general$/)
  await send(alice.page, 'one more')
  await expect(roomLink(phone.page, new RegExp(room)).getByLabel('1 unread')).toBeVisible({ timeout: 5_000 })
  await roomLink(phone.page, new RegExp(room)).click()
  await expect(messageList(phone.page).locator('li.new-line')).toHaveCount(1)
  await composer(phone.page).press('Escape')
  await expect(messageList(phone.page).locator('li.new-line')).toHaveCount(0)
  await closeAll(alice, phone, laptop)
})

test('the app follows the system\'s dark mode, as readable as in light', async ({ browser }) => {
  const alice = await signIn(browser, 'alice', { colorScheme: 'dark' })
  const bob = await signIn(browser, 'bob')
  const room = freshRoom('dark')
  await enterRoom(alice.page, room)
  await enterRoom(bob.page, room)
  await send(bob.page, 'hello in the dark')
  await expect(messageList(alice.page).getByText('hello in the dark')).toBeVisible({ timeout: 5_000 })
  const background = await alice.page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor)
  expect(background).toBe('rgb(31, 41, 55)')
  await alice.page.getByRole('button', { name: 'Members' }).click()
  await alice.page.screenshot({ path: `${SCREENS}/dark.png` })
  await expectAccessible(alice.page, 'the chat in dark mode')
  await closeAll(alice, bob)
})
