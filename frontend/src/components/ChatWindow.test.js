import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ChatWindow from './ChatWindow.vue'

const message = (id, text, sender = { id: 'bob', name: 'Bob' }) =>
  ({ id, room: 'general', text, sender, timestamp: '2026-11-24T10:20:30.123Z' })

describe('ChatWindow', () => {
  it('shows each message with its sender, time and text', () => {
    const wrapper = mount(ChatWindow, { props: { room: 'general', me: 'alice', messages: [message('1', 'hello')] } })
    const item = wrapper.get('li.message')
    expect(item.get('.sender').text()).toBe('Bob')
    expect(item.get('time').attributes('datetime')).toBe('2026-11-24T10:20:30.123Z')
    expect(item.get('.text').text()).toBe('hello')
  })

  it('renders markup as text', () => {
    const attack = '<img src=x onerror=alert(1)><b>bold</b>'
    const wrapper = mount(ChatWindow, { props: { room: 'general', me: 'alice', messages: [message('1', attack)] } })
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.find('b').exists()).toBe(false)
    expect(wrapper.get('.text').text()).toBe(attack)
  })

  it('marks the user\'s own messages', () => {
    const wrapper = mount(ChatWindow, {
      props: { room: 'general', me: 'alice', messages: [message('1', 'mine', { id: 'alice', name: 'Alice' }), message('2', 'theirs')] },
    })
    expect(wrapper.findAll('li.message').map((item) => item.classes('mine'))).toEqual([true, false])
  })

  it('shows messages on their way, and a retry for a failed one', async () => {
    const failed = { clientMessageId: 'c-2', text: 'lost', status: 'failed', detail: 'not durable' }
    const wrapper = mount(ChatWindow, {
      props: { room: 'general', me: 'alice', messages: [], pending: [{ clientMessageId: 'c-1', text: 'going', status: 'pending' }, failed] },
    })
    const items = wrapper.findAll('li.message')
    expect(items[0].get('.status').text()).toBe('Sending…')
    expect(items[1].get('.status').text()).toBe('Not sent')
    expect(items[1].get('.failure').text()).toContain('not durable')
    await items[1].get('button').trigger('click')
    expect(wrapper.emitted('retry')).toEqual([[failed]])
  })

  it('offers older messages when there are more', async () => {
    const wrapper = mount(ChatWindow, { props: { room: 'general', me: 'alice', messages: [message('1', 'hi')], hasMore: true } })
    await wrapper.get('li.older button').trigger('click')
    expect(wrapper.emitted('load-older')).toHaveLength(1)
  })

  it('says when a room is empty', () => {
    const wrapper = mount(ChatWindow, { props: { room: 'quiet', me: 'alice', messages: [] } })
    expect(wrapper.get('li.empty').text()).toContain('No messages in # quiet yet')
  })

  it('puts the day before its first message, and the full date on hover', () => {
    const day = (date) => ({ ...message(date, `on ${date}`), timestamp: new Date(`${date}T12:00:00`).toISOString() })
    const wrapper = mount(ChatWindow, {
      props: { room: 'general', me: 'alice', messages: [day('2026-11-20'), { ...day('2026-11-20'), id: 'x' }, day('2026-11-21')] },
    })
    const items = wrapper.findAll('li').map((item) => (item.classes('day') ? `day: ${item.text()}` : item.get('.text').text()))
    expect(items).toHaveLength(5)
    expect(items[0]).toMatch(/^day: .*20.*2026/)
    expect(items.slice(1, 3)).toEqual(['on 2026-11-20', 'on 2026-11-20'])
    expect(items[3]).toMatch(/^day: .*21.*2026/)
    expect(wrapper.get('time').attributes('title')).toMatch(/2026/)
  })

  it('says it is loading before the first messages come', () => {
    const wrapper = mount(ChatWindow, { props: { room: 'general', me: 'alice', messages: [], loading: true } })
    expect(wrapper.get('[role="status"]').text()).toBe('Loading messages…')
  })
})
