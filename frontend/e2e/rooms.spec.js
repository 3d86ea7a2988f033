import { expect, test } from '@playwright/test'
import { expectAccessible } from './axe.js'
import { closeAll, enterRoom, freshRoom, messageList, reloadAndWait, roomLink, SCREENS, send, signIn } from './chat-session.js'

const heading = (page) => page.getByRole('heading', { level: 1 })

async function createRoom(page, id, { visibility = 'Public', add = [] } = {}) {
  await page.getByRole('button', { name: 'New room' }).click()
  const dialog = page.getByRole('dialog', { name: 'New room' })
  await dialog.getByLabel('Room id').fill(id)
  await dialog.getByRole('radio', { name: new RegExp(`^${visibility}:`) }).check()
  for (const person of add) {
    await dialog.getByLabel('Add people', { exact: true }).fill(person.search)
    await dialog.getByRole('button', { name: `Add ${person.name}` }).click()
  }
  return dialog
}

test('a room created in the dialog is found, joined and talked in by another user', async ({ browser }) => {
  const alice = await signIn(browser, 'alice')
  const bob = await signIn(browser, 'bob')
  const room = freshRoom('made')

  const dialog = await createRoom(alice.page, room)
  await expectAccessible(alice.page, 'the new room dialog')
  await alice.page.screenshot({ path: `${SCREENS}/new-room.png` })
  await dialog.getByRole('button', { name: 'Create room' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(heading(alice.page)).toContainText(`# ${room}`)
  await expect(alice.page).toHaveURL(new RegExp(`/rooms/${room}$`))
  await expect(roomLink(alice.page, `# ${room}`)).toHaveAttribute('aria-current', 'page')

  await bob.page.getByRole('button', { name: 'Browse rooms' }).click()
  const browse = bob.page.getByRole('dialog', { name: 'Browse rooms' })
  await browse.getByLabel('Find a room').fill(room)
  await expect(browse.getByRole('list', { name: 'Public rooms' }).getByRole('listitem')).toHaveCount(1)
  await expectAccessible(bob.page, 'the browse rooms dialog')
  await browse.getByRole('button', { name: `Join # ${room}` }).click()
  await expect(heading(bob.page)).toContainText(`# ${room}`)
  await expect(roomLink(bob.page, `# ${room}`)).toBeVisible()

  await send(alice.page, 'welcome to the new room')
  await expect(messageList(bob.page).getByText('welcome to the new room')).toBeVisible({ timeout: 5_000 })
  // The day is shown above the first message of the day, the full date on hovering its time.
  await expect(messageList(bob.page).locator('li.day').first()).toHaveText('Today')
  await expect(messageList(bob.page).locator('li.message time').first()).toHaveAttribute('title', /\d{4}/)

  // Bob is a member now: the members panel lists both.
  await bob.page.getByRole('button', { name: 'Members' }).click()
  const members = bob.page.getByRole('complementary', { name: 'Members' })
  await expect(members.getByRole('heading')).toHaveText('Members (2)')
  await expect(members).toContainText('Alice Liddell')
  await expectAccessible(bob.page, 'the members panel')
  await closeAll(alice, bob)
})

test('a private room is seen by its members only', async ({ browser }) => {
  const bob = await signIn(browser, 'bob')
  const alice = await signIn(browser, 'alice')
  const carol = await signIn(browser, 'carol')
  const room = freshRoom('secret')

  const dialog = await createRoom(alice.page, room, { visibility: 'Private', add: [{ search: 'bob', name: 'Bob Builder' }] })
  await expect(dialog.getByRole('list', { name: 'People to add' })).toContainText('Bob Builder')
  await dialog.getByRole('button', { name: 'Create room' }).click()
  await expect(heading(alice.page)).toContainText(`# ${room}`)
  await send(alice.page, 'for bob only')

  // Bob was added: the room comes to him with its first message.
  const bobsEntry = roomLink(bob.page, new RegExp(room))
  await expect(bobsEntry.getByLabel('1 unread')).toBeVisible({ timeout: 5_000 })
  await bobsEntry.click()
  await expect(messageList(bob.page).getByText('for bob only')).toBeVisible()

  // Carol does not see it: not in her list, not among the public rooms, not by its address.
  await carol.page.getByRole('button', { name: 'Browse rooms' }).click()
  const browse = carol.page.getByRole('dialog', { name: 'Browse rooms' })
  await expect(browse.getByRole('list', { name: 'Public rooms' })).toBeVisible()
  await expect(browse.getByText(room)).toHaveCount(0)
  await browse.getByRole('button', { name: 'Close' }).click()
  await carol.page.goto(`/rooms/${room}`)
  await expect(carol.page.getByRole('heading', { name: `There is no room called # ${room}` })).toBeVisible({ timeout: 20_000 })
  await expect(carol.page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({ timeout: 20_000 })
  await expectAccessible(carol.page, 'a room that is not there')
  await send(alice.page, 'still for bob only')
  await expect(messageList(bob.page).getByText('still for bob only')).toBeVisible({ timeout: 5_000 })
  await expect(roomLink(carol.page, new RegExp(room))).toHaveCount(0)
  await expect(carol.page.getByText('still for bob only')).toHaveCount(0)

  // Once alice adds her, carol, still at its address, sees the room and all it said before.
  await alice.page.getByRole('button', { name: 'Members' }).click()
  const members = alice.page.getByRole('complementary', { name: 'Members' })
  await members.getByRole('button', { name: 'Add people' }).click()
  await members.getByLabel('Add to this room', { exact: true }).fill('carol')
  await members.getByRole('button', { name: 'Add carol' }).click()
  await expect(members.getByRole('heading')).toHaveText('Members (3)')
  await expectAccessible(alice.page, 'the members panel of a private room')
  await send(alice.page, 'welcome carol')
  await expect(messageList(carol.page).getByText('welcome carol')).toBeVisible({ timeout: 5_000 })
  await expect(heading(carol.page)).toContainText(`# ${room}`)
  await expect(messageList(carol.page).locator('li.message .text')).toHaveText(['for bob only', 'still for bob only', 'welcome carol'])
  await expect(roomLink(carol.page, new RegExp(room))).toBeVisible()
  await closeAll(alice, bob, carol)
})

test('a direct message: started from the user picker, answered, the same room from either side', async ({ browser }) => {
  const bob = await signIn(browser, 'bob')
  const alice = await signIn(browser, 'alice')

  await alice.page.getByRole('button', { name: 'New message' }).click()
  const dialog = alice.page.getByRole('dialog', { name: 'New direct message' })
  await dialog.getByLabel('Write to', { exact: true }).fill('bob')
  await expectAccessible(alice.page, 'the new direct message dialog')
  await dialog.getByRole('button', { name: 'Message Bob Builder' }).click()
  await expect(heading(alice.page)).toContainText('Bob Builder')
  const address = alice.page.url()
  expect(address).toMatch(/\/rooms\/dm-[0-9a-f]{32}$/)
  const text = `a word in private, ${Date.now()}`
  await send(alice.page, text)

  const conversation = bob.page.getByRole('navigation', { name: 'Rooms' }).getByRole('link', { name: /^Alice Liddell/ })
  await expect(conversation.getByLabel(/unread/)).toBeVisible({ timeout: 5_000 })
  await conversation.click()
  await expect(messageList(bob.page).getByText(text)).toBeVisible()
  // The same two people always share the one room: the texts of an earlier run are there too.
  const answer = `got it, ${Date.now()}`
  await send(bob.page, answer)
  await expect(messageList(alice.page).getByText(answer)).toBeVisible({ timeout: 5_000 })
  await bob.page.screenshot({ path: `${SCREENS}/direct.png` })
  await expectAccessible(bob.page, 'a direct conversation')

  // From bob's side, starting a conversation with alice from her name is the same room.
  await roomLink(bob.page, '# general').click()
  await expect(heading(bob.page)).toContainText('# general')
  await bob.page.getByRole('button', { name: 'Members' }).click()
  await bob.page.getByRole('complementary', { name: 'Members' }).getByRole('button', { name: 'Message Alice Liddell' }).click()
  await expect(bob.page).toHaveURL(address)
  await expect(messageList(bob.page).getByText(text)).toBeVisible()
  await closeAll(alice, bob)
})

test('the room is in the address: links, reloads and Back work, and signing in returns to the link', async ({ browser }) => {
  const alice = await signIn(browser, 'alice')
  const [first, second] = [freshRoom('link-a'), freshRoom('link-b')]
  await enterRoom(alice.page, first)
  await send(alice.page, 'in the first room')
  await expect(messageList(alice.page).locator('li.message', { hasText: 'in the first room' })).toBeVisible()
  await enterRoom(alice.page, second)
  await reloadAndWait(alice.page)
  await expect(heading(alice.page)).toContainText(`# ${second}`)
  await roomLink(alice.page, `# ${first}`).click()
  await expect(heading(alice.page)).toContainText(`# ${first}`)
  await alice.page.goBack()
  await expect(heading(alice.page)).toContainText(`# ${second}`)
  await alice.page.goForward()
  await expect(heading(alice.page)).toContainText(`# ${first}`)
  await expect(messageList(alice.page).getByText('in the first room')).toBeVisible()

  // Someone who follows a link before signing in is taken to that room after signing in.
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`/rooms/${first}`)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.locator('input[name="username"]').fill('bob')
  await page.getByRole('button', { name: 'Sign-in' }).click()
  await expect(heading(page)).toContainText(`# ${first}`, { timeout: 20_000 })
  await expect(page).toHaveURL(new RegExp(`/rooms/${first}$`))
  await expect(messageList(page).getByText('in the first room')).toBeVisible()
  await context.close()
  await closeAll(alice)
})
