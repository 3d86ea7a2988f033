import { describe, expect, it, vi } from 'vitest'
import { button, flush, mountInChat } from './testing.js'
import MembersPanel from './MembersPanel.vue'

const ALICE = { id: 'alice', name: 'Alice' }
const BOB = { id: 'bob', name: 'Bob' }

function chatIn(room) {
  return {
    me: 'alice',
    online: new Set(['bob']),
    isOnline(userId) { return this.online.has(userId) },
    roomDetails: vi.fn(async () => room),
    openDirect: vi.fn(async () => 'dm-1'),
    addMember: vi.fn(async () => {}),
    removeMember: vi.fn(async () => {}),
    findUsers: vi.fn(async () => [ALICE, BOB, { id: 'carol', name: 'Carol' }]),
  }
}

describe('MembersPanel', () => {
  it('lists the members, and starts a direct conversation from a name', async () => {
    const chat = chatIn({ id: 'team', visibility: 'public', createdBy: BOB, memberList: [ALICE, BOB] })
    const { wrapper } = await mountInChat(MembersPanel, { chat, props: { room: 'team' } })
    expect(wrapper.get('h2').text()).toBe('Members (2)')
    expect(wrapper.findAll('li').map((item) => item.get('.name').text())).toEqual(['Alice', 'Bob'])
    expect(wrapper.findAll('li')[0].text()).toContain('you')
    expect(wrapper.findAll('li')[1].text()).toContain('creator')
    expect(wrapper.findAll('li').map((item) => item.get('.visually-hidden').text())).toEqual(['offline', 'online'])
    expect(wrapper.findAll('li .presence.online')).toHaveLength(1)
    // Not the creator: no one to remove; a public room: joined by the person, not added.
    expect(button(wrapper, 'Remove')).toBeUndefined()
    expect(button(wrapper, 'Add people')).toBeUndefined()
    await wrapper.get('button[aria-label="Message Bob"]').trigger('click')
    expect(chat.openDirect).toHaveBeenCalledWith('bob')
  })

  it('lets a member of a private room add people, and its creator remove them', async () => {
    const chat = chatIn({ id: 'secret', visibility: 'private', createdBy: ALICE, memberList: [ALICE, BOB] })
    const { wrapper } = await mountInChat(MembersPanel, { chat, props: { room: 'secret' } })
    await button(wrapper, 'Add people').trigger('click')
    await flush()
    expect(wrapper.findAll('.user-picker li button').map((item) => item.text())).toEqual(['Add Carol'])
    await button(wrapper, 'Add Carol').trigger('click')
    await flush()
    expect(chat.addMember).toHaveBeenCalledWith('secret', 'carol')
    await wrapper.get('button[aria-label="Remove Bob from the room"]').trigger('click')
    await flush()
    expect(chat.removeMember).toHaveBeenCalledWith('secret', 'bob')
    expect(chat.roomDetails).toHaveBeenCalledTimes(3)
  })

  it('shows a failure to load, and tries again', async () => {
    const chat = chatIn(null)
    chat.roomDetails = vi.fn().mockRejectedValueOnce(new Error('Unavailable'))
      .mockResolvedValue({ id: 'team', visibility: 'public', memberList: [ALICE] })
    const { wrapper } = await mountInChat(MembersPanel, { chat, props: { room: 'team' } })
    expect(wrapper.get('[role="alert"]').text()).toContain('Unavailable')
    await wrapper.get('[role="alert"] button').trigger('click')
    await flush()
    expect(wrapper.get('h2').text()).toBe('Members (1)')
  })
})
