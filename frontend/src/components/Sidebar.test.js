import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import Sidebar from './Sidebar.vue'

const rooms = [
  { room: 'general', unread: 0 },
  { room: 'random', unread: 3 },
]

describe('Sidebar', () => {
  it('lists the rooms, marks the current one and the unread ones', () => {
    const wrapper = mount(Sidebar, { props: { rooms, current: 'general', createRoom: () => null } })
    const buttons = wrapper.findAll('button.room')
    expect(buttons.map((button) => button.get('.name').text())).toEqual(['# general', '# random'])
    expect(buttons[0].attributes('aria-current')).toBe('page')
    expect(buttons[1].classes('unread')).toBe(true)
    expect(buttons[1].get('.badge').attributes('aria-label')).toBe('3 unread')
  })

  it('selects a room', async () => {
    const wrapper = mount(Sidebar, { props: { rooms, current: 'general', createRoom: () => null } })
    await wrapper.findAll('button.room')[1].trigger('click')
    expect(wrapper.emitted('select')).toEqual([['random']])
  })

  it('creates a room, or says why not', async () => {
    const createRoom = vi.fn((name) => (name === 'Bad Name' ? 'A room name is lower-case' : null))
    const wrapper = mount(Sidebar, { props: { rooms, current: 'general', createRoom } })
    const input = wrapper.get('input#new-room')

    await input.setValue('Bad Name')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('[role="alert"]').text()).toBe('A room name is lower-case')
    expect(input.attributes('aria-invalid')).toBe('true')

    await input.setValue('team')
    await wrapper.get('form').trigger('submit')
    expect(createRoom).toHaveBeenLastCalledWith('team')
    expect(wrapper.get('[role="alert"]').text()).toBe('')
    expect(input.element.value).toBe('')
  })
})
