// What a person does in the web app, for the browser tests: signing in through the OIDC issuer's
// own page, entering rooms, sending.
import { expect } from '@playwright/test'

export const SCREENS = 'test-results/screens'

/**
 * Signs in through the OIDC issuer's own login page, as a person would.
 * @param {object} [options] the browser context's: e.g. a viewport, or colorScheme 'dark'
 */
export async function signIn(browser, user, options = {}) {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  const dialogs = []
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message())
    await dialog.dismiss()
  })
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.locator('input[name="username"]').fill(user)
  await page.getByRole('button', { name: 'Sign-in' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({ timeout: 20_000 })
  return { context, page, dialogs }
}

export function messageList(page) {
  return page.getByRole('log')
}

export function roomLink(page, label) {
  return page.getByRole('navigation', { name: 'Rooms' }).getByRole('link', { name: label })
}

/**
 * Enters a room from the list, or by its address: a public room is joined on entering, one
 * that does not exist yet is created there.
 */
export async function enterRoom(page, room) {
  const existing = roomLink(page, new RegExp(`^# ${room}\\b`))
  if (await existing.count()) {
    await existing.first().click()
  } else {
    await page.goto(`/rooms/${room}`)
  }
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`# ${room}`)
  const member = page.getByRole('button', { name: 'Leave room' })
  const create = page.getByRole('button', { name: `Create # ${room}` })
  await expect(member.or(create)).toBeVisible({ timeout: 20_000 })
  if (await create.isVisible()) await create.click()
  await expect(member).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({ timeout: 20_000 })
}

export async function send(page, text) {
  const input = page.getByRole('textbox', { name: /^Message / })
  await input.fill(text)
  await input.press('Enter')
}

export async function reloadAndWait(page) {
  await page.reload()
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({ timeout: 20_000 })
}

export function freshRoom(purpose) {
  return `${purpose}-${Date.now().toString(36)}`
}

/** Alice and Bob signed in, each in a browser context of their own, both in a new room. */
export async function aliceAndBobIn(browser, purpose) {
  const alice = await signIn(browser, 'alice')
  const bob = await signIn(browser, 'bob')
  const room = freshRoom(purpose)
  await enterRoom(alice.page, room)
  await enterRoom(bob.page, room)
  return { alice, bob, room }
}

export async function closeAll(...users) {
  for (const user of users) await user.context.close()
}
