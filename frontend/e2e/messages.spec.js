import { expect, test } from '@playwright/test'
import { expectAccessible } from './axe.js'
import { aliceAndBobIn, closeAll, messageList, reloadAndWait, SCREENS, send } from './chat-session.js'

const item = (page, text) => messageList(page).locator('li.message', { hasText: text })
/** A message that answers none: not a reply that quotes the text. */
const original = (page, text) => item(page, text).filter({ hasNot: page.locator('.quote') })
/** The one message being edited in place. */
const editor = (page) => messageList(page).getByRole('textbox', { name: 'Edit your message' })

/** Hovers a message and clicks one of its actions. */
async function act(page, text, action) {
  const message = original(page, text)
  await message.hover()
  await message.getByRole('button', { name: action, exact: true }).click()
}

test('edit, react, reply and delete reach the room, and history keeps them', async ({ browser }) => {
  const { alice, bob } = await aliceAndBobIn(browser, 'changes')
  await send(alice.page, 'helo **world**')
  await expect(item(bob.page, 'helo world').locator('.text strong')).toHaveText('world', { timeout: 5_000 })

  // Alice fixes her typo in place; Esc would have left it as it was.
  await act(alice.page, 'helo world', 'Edit')
  await expect(editor(alice.page)).toBeFocused()
  await editor(alice.page).fill('hello **world**')
  await editor(alice.page).press('Enter')
  await expect(item(bob.page, 'hello world')).toContainText('(edited)', { timeout: 5_000 })
  await expect(item(bob.page, 'helo')).toHaveCount(0)

  // Bob reacts, alice adds hers on the chip, bob answers her message.
  await act(bob.page, 'hello world', 'React')
  await item(bob.page, 'hello world').getByRole('button', { name: 'React with 👍' }).click()
  const chip = item(alice.page, 'hello world').locator('.chip')
  await expect(chip).toHaveText('👍 1', { timeout: 5_000 })
  await expect(chip).toHaveAttribute('aria-pressed', 'false')
  await chip.click()
  await expect(item(bob.page, 'hello world').locator('.chip')).toHaveText('👍 2', { timeout: 5_000 })
  await expect(chip).toHaveAttribute('aria-pressed', 'true')

  await act(bob.page, 'hello world', 'Reply')
  await expect(bob.page.getByText('Replying to alice')).toBeVisible()
  await send(bob.page, 'agreed')
  const reply = item(alice.page, 'agreed')
  await expect(reply.locator('.quote')).toContainText('hello world', { timeout: 5_000 })
  await reply.locator('.quote').click()
  await expect(original(alice.page, 'hello world')).toBeFocused()
  await alice.page.screenshot({ path: `${SCREENS}/changes.png` })
  await expectAccessible(alice.page, 'a conversation with an edit, reactions and a reply')

  // Up in the empty composer edits her last message; Esc leaves it.
  const composer = alice.page.getByRole('textbox', { name: /^Message / })
  await composer.focus()
  await composer.press('ArrowUp')
  await expect(editor(alice.page)).toBeFocused()
  await expect(editor(alice.page)).toHaveValue('hello **world**')
  await alice.page.keyboard.press('Escape')
  await expect(editor(alice.page)).toHaveCount(0)
  await expect(original(alice.page, 'hello world')).toBeVisible()

  await act(alice.page, 'hello world', 'Delete')
  const confirm = alice.page.getByRole('dialog', { name: 'Delete this message?' })
  await expectAccessible(alice.page, 'the deletion dialog')
  await confirm.getByRole('button', { name: 'Delete' }).click()
  await expect(original(bob.page, 'message deleted')).toBeVisible({ timeout: 5_000 })
  await expect(item(bob.page, 'agreed').locator('.quote')).toContainText('message deleted')
  await expect(messageList(bob.page).getByText('hello world')).toHaveCount(0)

  await reloadAndWait(bob.page)
  await expect(original(bob.page, 'message deleted')).toBeVisible({ timeout: 10_000 })
  await expect(item(bob.page, 'agreed').locator('.quote')).toContainText('message deleted')
  await closeAll(alice, bob)
})

test('Markdown is rendered safely: nothing runs, links cannot reach back', async ({ browser }) => {
  const { alice, bob } = await aliceAndBobIn(browser, 'markdown')
  for (const attack of ['<img src=x onerror=alert(1)>', '[click me](javascript:alert(1))', '<script>alert(2)</script>',
    '[docs](https://example.com/docs) and `<b>code</b>`']) {
    await send(alice.page, attack)
  }
  await expect(item(bob.page, 'docs and')).toBeVisible({ timeout: 10_000 })
  const list = messageList(bob.page)
  await expect(list.locator('img, script, iframe')).toHaveCount(0)
  await expect(list.getByText('<img src=x onerror=alert(1)>', { exact: true })).toBeVisible()
  await expect(list.locator('a[href^="javascript"]')).toHaveCount(0)
  const link = list.getByRole('link', { name: 'docs' })
  await expect(link).toHaveAttribute('href', 'https://example.com/docs')
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
  await expect(link).toHaveAttribute('target', '_blank')
  await expect(list.locator('code')).toHaveText('<b>code</b>')
  expect(bob.dialogs).toEqual([])
  expect(alice.dialogs).toEqual([])
  await closeAll(alice, bob)
})

test('a mention is highlighted for the one mentioned', async ({ browser }) => {
  const { alice, bob } = await aliceAndBobIn(browser, 'mention')
  await send(alice.page, '@bob can you look?')
  await expect(item(bob.page, 'can you look?')).toHaveClass(/mentions-me/, { timeout: 5_000 })
  await expect(item(bob.page, 'can you look?')).toContainText('mentions you')
  await expect(item(alice.page, 'can you look?')).not.toHaveClass(/mentions-me/)
  await expectAccessible(bob.page, 'a message that mentions the reader')
  await closeAll(alice, bob)
})

test('a client away while messages change ends with the timeline of one that stayed', async ({ browser }) => {
  const { alice, bob } = await aliceAndBobIn(browser, 'converge')
  for (const text of ['one', 'two', 'three']) await send(alice.page, text)
  await expect(item(bob.page, 'three')).toBeVisible({ timeout: 5_000 })

  await bob.page.route('**/api/ws-ticket', (route) => route.abort())
  await bob.page.evaluate(() => window.__chatConnection.drop())
  await expect(bob.page.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible()

  await act(alice.page, 'one', 'Edit')
  await editor(alice.page).fill('one, edited while bob was away')
  await editor(alice.page).press('Enter')
  await act(alice.page, 'two', 'Delete')
  await alice.page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
  await act(alice.page, 'three', 'React')
  await item(alice.page, 'three').getByRole('button', { name: 'React with 🎉' }).click()
  await send(alice.page, 'four')
  await expect(item(alice.page, 'three').locator('.chip')).toHaveText('🎉 1')
  await expect(item(alice.page, 'message deleted')).toBeVisible()

  await bob.page.unroute('**/api/ws-ticket')
  await expect(bob.page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({ timeout: 30_000 })
  await expect(item(bob.page, 'four')).toBeVisible({ timeout: 10_000 })
  // What both see of each message (their own actions differ): sender, text, "(edited)", reactions.
  const timeline = (page) => messageList(page).locator('li.message').evaluateAll((rows) => rows.map((row) => [
    row.querySelector('.sender')?.textContent, row.querySelector('.text')?.textContent.trim(), row.querySelector('.edited')?.textContent,
    ...[...row.querySelectorAll('.chip')].map((chip) => chip.textContent.trim())].join(' | ')))
  await expect.poll(() => timeline(bob.page), { timeout: 10_000 }).toEqual(await timeline(alice.page))
  expect(await timeline(bob.page)).toEqual(expect.arrayContaining([expect.stringContaining('one, edited while bob was away')]))
  await closeAll(alice, bob)
})
