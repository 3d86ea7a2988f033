import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import { createChatRouter } from '../router.js'
import Sidebar from './Sidebar.vue'

const rooms = [
  { room: 'general', visibility: 'public', unread: 0 },
  { room: 'secret', visibility: 'private', unread: 3 },
  { room: 'dm-1', name: 'Alice Liddell, Bob Builder', visibility: 'direct', unread: 1, attention: 1, peer: { id: 'bob', name: 'Bob Builder' } },
]

async function sidebar(props) {
  const router = createChatRouter(createMemoryHistory())
  await router.push('/rooms/general')
  const wrapper = mount(Sidebar, { props: { rooms, current: 'general', myName: 'Alice Liddell', ...props }, global: { plugins: [router] } })
  return { wrapper, router }
}

describe('Sidebar', () => {
  it('lists rooms and direct conversations apart, each a link to its address, marking the current and unread ones', async () => {
    const { wrapper } = await sidebar()
    const [roomList, directList] = wrapper.findAll('section')
    const links = roomList.findAll('a.room')
    expect(links.map((link) => link.get('.name').text())).toEqual(['# general', '# secret'])
    expect(links.map((link) => link.attributes('href'))).toEqual(['/rooms/general', '/rooms/secret'])
    expect(links[0].attributes('aria-current')).toBe('page')
    expect(links[1].classes('unread')).toBe(true)
    expect(links[1].get('.badge').attributes('aria-label')).toBe('3 unread')
    expect(links[1].get('.tag').text()).toBe('private')
    const direct = directList.get('a.room')
    expect(direct.get('.name').text()).toBe('Bob Builder')
    expect(direct.attributes('href')).toBe('/rooms/dm-1')
  })

  it('shows whether the person of a direct room is online, which unread messages are for the user, and muted rooms', async () => {
    const { wrapper } = await sidebar({ isOnline: (id) => id === 'bob', isMuted: (room) => room === 'secret' })
    const [general, secret, direct] = wrapper.findAll('a.room')
    expect(direct.get('.presence').classes('online')).toBe(true)
    expect(direct.get('.visually-hidden').text()).toBe('online')
    expect(general.find('.presence').exists()).toBe(false)
    expect(direct.get('.badge').attributes('aria-label')).toBe('1 unread, 1 for you')
    expect(direct.get('.badge').classes('attention')).toBe(true)
    expect(secret.findAll('.tag').map((tag) => tag.text())).toEqual(['private', 'muted'])
    expect(secret.get('.badge').classes('attention')).toBe(false)
  })

  it('goes to a room when its link is followed', async () => {
    const { wrapper, router } = await sidebar()
    await wrapper.findAll('a.room')[1].trigger('click')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(router.currentRoute.value.fullPath).toBe('/rooms/secret')
  })

  it('says when there are no direct conversations yet, and offers to start one, browse and create', async () => {
    const { wrapper } = await sidebar({ rooms: rooms.slice(0, 1) })
    expect(wrapper.findAll('section')[1].text()).toContain('No conversations yet.')
    for (const [label, event] of [['Browse rooms', 'browse'], ['New room', 'create'], ['New message', 'write']]) {
      await wrapper.findAll('button').find((button) => button.text() === label).trigger('click')
      expect(wrapper.emitted(event)).toHaveLength(1)
    }
  })
})
