import { describe, expect, it, vi } from 'vitest'
import { button, flush, mountInChat } from './testing.js'
import NewRoomDialog from './NewRoomDialog.vue'

const USERS = [{ id: 'alice', name: 'Alice' }, { id: 'bob', name: 'Bob' }, { id: 'carol', name: 'Carol' }]

function chatWith(createRoom) {
  return { me: 'alice', myName: 'Alice', createRoom: vi.fn(createRoom), findUsers: vi.fn(async () => USERS) }
}

describe('NewRoomDialog', () => {
  it('creates a private room with the people picked, and closes', async () => {
    const chat = chatWith(async () => null)
    const { wrapper } = await mountInChat(NewRoomDialog, { chat })
    expect(wrapper.get('dialog').element.open).toBe(true)
    await wrapper.get('#room-id').setValue('design')
    await wrapper.get('#room-name').setValue('Design team')
    await wrapper.get('input[value="private"]').setValue(true)
    // The user is in the room anyway: not offered.
    expect(wrapper.findAll('.user-picker li button').map((item) => item.text())).toEqual(['Add Bob', 'Add Carol'])
    await button(wrapper, 'Add Bob').trigger('click')
    expect(wrapper.get('.chosen').text()).toContain('Bob')
    expect(wrapper.findAll('.user-picker li button').map((item) => item.text())).toEqual(['Add Carol'])
    await wrapper.get('form').trigger('submit')
    await flush()
    expect(chat.createRoom).toHaveBeenCalledWith({ id: 'design', name: 'Design team', visibility: 'private', members: ['bob'] })
    expect(wrapper.emitted('close')).toHaveLength(1)
  })

  it('says what is wrong and stays open', async () => {
    const chat = chatWith(async () => 'A room called design exists already.')
    const { wrapper } = await mountInChat(NewRoomDialog, { chat })
    await wrapper.get('#room-id').setValue('design')
    await wrapper.get('form').trigger('submit')
    await flush()
    expect(wrapper.get('#room-problem').text()).toBe('A room called design exists already.')
    expect(wrapper.get('#room-id').attributes('aria-invalid')).toBe('true')
    expect(wrapper.emitted('close')).toBeUndefined()
  })

  it('closes on Cancel and on Esc', async () => {
    const { wrapper } = await mountInChat(NewRoomDialog, { chat: chatWith(async () => null) })
    await button(wrapper, 'Cancel').trigger('click')
    wrapper.get('dialog').element.dispatchEvent(new Event('cancel', { cancelable: true }))
    expect(wrapper.emitted('close')).toHaveLength(2)
  })
})
