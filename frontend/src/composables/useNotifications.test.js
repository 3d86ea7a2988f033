import { describe, expect, it, vi } from 'vitest'
import { nextTick, reactive } from 'vue'
import { useNotifications } from './useNotifications.js'

function setUp({ permission = 'default', answer = 'granted', stored = null } = {}) {
  const shown = []
  class Notifier {
    static permission = permission
    static requestPermission = vi.fn(async () => answer)
    constructor(title, options) {
      this.title = title
      this.options = options
      this.close = vi.fn()
      shown.push(this)
    }
  }
  const values = new Map(stored ? [['chat.muted.bob', stored]] : [])
  const storage = { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => values.set(key, value) }
  const doc = { title: 'Chat', visibilityState: 'visible' }
  const win = { focus: vi.fn() }
  const rooms = reactive([
    { room: 'general', visibility: 'public', attention: 0 },
    { room: 'dm-1', name: 'Alice, Bob', visibility: 'direct', attention: 0 },
  ])
  const show = vi.fn()
  const notifications = useNotifications({ me: 'bob', myName: 'Bob', rooms: () => rooms, show, storage, Notifier, doc, win })
  return { notifications, shown, Notifier, values, doc, win, rooms, show }
}

const mention = { id: 'm1', room: 'general', sender: { id: 'alice', name: 'Alice' }, text: '@bob look', mentions: ['bob'] }

describe('useNotifications', () => {
  it('counts what calls for the user in the page title, leaving muted rooms out', async () => {
    const { notifications, doc, rooms, values } = setUp()
    rooms[0].attention = 2
    rooms[1].attention = 1
    await nextTick()
    expect(doc.title).toBe('(3) Chat')
    notifications.toggleMute('general')
    await nextTick()
    expect(doc.title).toBe('(1) Chat')
    expect(JSON.parse(values.get('chat.muted.bob'))).toEqual(['general'])
    notifications.stop()
    expect(doc.title).toBe('Chat')
  })

  it('keeps the user\'s mutes for the next visit', () => {
    const { notifications } = setUp({ stored: '["general"]' })
    expect(notifications.isMuted('general')).toBe(true)
    notifications.toggleMute('general')
    expect(notifications.isMuted('general')).toBe(false)
    expect(setUp({ stored: 'not json' }).notifications.isMuted('general')).toBe(false)
  })

  it('asks permission only when told to, once', async () => {
    const { notifications, Notifier } = setUp()
    expect(Notifier.requestPermission).not.toHaveBeenCalled()
    await notifications.askPermission()
    expect(notifications.permission.value).toBe('granted')
    await notifications.askPermission()
    expect(Notifier.requestPermission).toHaveBeenCalledTimes(1)
  })

  it('notifies while the page is hidden, with permission, for rooms not muted; a click shows the room', () => {
    const { notifications, shown, doc, win, rooms, show } = setUp({ permission: 'granted' })
    notifications.arrived(mention, rooms[0])
    expect(shown).toHaveLength(0)

    doc.visibilityState = 'hidden'
    notifications.arrived(mention, rooms[0])
    expect(shown).toHaveLength(1)
    expect(shown[0].title).toBe('Alice in # general')
    expect(shown[0].options).toEqual({ body: '@bob look', tag: 'chat-room-general' })
    shown[0].onclick()
    expect(win.focus).toHaveBeenCalled()
    expect(show).toHaveBeenCalledWith('general')
    expect(shown[0].close).toHaveBeenCalled()

    notifications.toggleMute('general')
    notifications.arrived(mention, rooms[0])
    expect(shown).toHaveLength(1)
  })

  it('never notifies without permission', () => {
    const { notifications, shown, doc, rooms } = setUp({ permission: 'denied' })
    doc.visibilityState = 'hidden'
    notifications.arrived(mention, rooms[0])
    expect(shown).toHaveLength(0)
  })
})
