// Mounting a component of the signed-in app in a test: with a chat (a stand-in) and the router.
import { mount } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import { CHAT } from '../composables/chatContext.js'
import { createChatRouter } from '../router.js'

export const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

export async function mountInChat(component, { chat, props = {}, at = '/rooms/general' } = {}) {
  const router = createChatRouter(createMemoryHistory())
  await router.push(at)
  const wrapper = mount(component, { props, global: { plugins: [router], provide: { [CHAT]: chat } }, attachTo: document.body })
  await flush()
  return { wrapper, router }
}

/** The button whose text is exactly this. */
export const button = (wrapper, text) => wrapper.findAll('button').find((candidate) => candidate.text() === text)
