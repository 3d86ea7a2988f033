import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../lib/api.js'
import { flush, mountInChat } from './testing.js'
import BrowseRoomsDialog from './BrowseRoomsDialog.vue'

const ROOMS = [
  { id: 'general', name: 'general', members: 12, member: true },
  { id: 'design', name: 'Design team', members: 1, member: false },
]

describe('BrowseRoomsDialog', () => {
  it('lists the public rooms, filters them, and goes to the one picked', async () => {
    const chat = { publicRooms: vi.fn(async () => ROOMS) }
    const { wrapper, router } = await mountInChat(BrowseRoomsDialog, { chat })
    const rows = () => wrapper.findAll('.rooms li')
    expect(rows().map((row) => row.findAll('strong, span, button').map((part) => part.text()))).toEqual([
      ['# general', '12 members', 'Open'], ['# design', 'Design team', '1 member', 'Join']])
    await wrapper.get('#room-filter').setValue('team')
    expect(rows()).toHaveLength(1)
    await rows()[0].get('button').trigger('click')
    await flush()
    expect(router.currentRoute.value.fullPath).toBe('/rooms/design')
    expect(wrapper.emitted('close')).toHaveLength(1)
  })

  it('says when there are none, or none match', async () => {
    const { wrapper } = await mountInChat(BrowseRoomsDialog, { chat: { publicRooms: async () => [] } })
    expect(wrapper.get('[role="status"]').text()).toBe('There are no public rooms yet.')
    const some = (await mountInChat(BrowseRoomsDialog, { chat: { publicRooms: async () => ROOMS } })).wrapper
    await some.get('#room-filter').setValue('nothing-like-it')
    expect(some.get('[role="status"]').text()).toBe('No public room matches.')
  })

  it('shows a failure, and tries again', async () => {
    const publicRooms = vi.fn().mockRejectedValueOnce(new ApiError(503, { detail: 'Unavailable' })).mockResolvedValue(ROOMS)
    const { wrapper } = await mountInChat(BrowseRoomsDialog, { chat: { publicRooms } })
    expect(wrapper.get('[role="alert"]').text()).toContain('Unavailable')
    await wrapper.get('[role="alert"] button').trigger('click')
    await flush()
    expect(wrapper.findAll('.rooms li')).toHaveLength(2)
  })
})
