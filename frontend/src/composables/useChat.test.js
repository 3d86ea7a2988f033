import { beforeEach, describe, expect, it } from 'vitest'
import { useChat } from './useChat.js'

const ALICE = { id: 'alice', name: 'Alice' }
const BOB = { id: 'bob', name: 'Bob' }
let clock = 0
const message = (id, room = 'general', sender = BOB, extra = {}) =>
  ({ id, room, text: `text ${id}`, sender, timestamp: new Date(Date.UTC(2026, 10, 24, 10, 0, clock++)).toISOString(), ...extra })

/** A stand-in for the REST API holding each room's stored history. */
function fakeApi(store = {}) {
  const api = {
    store,
    posted: [],
    failPost: null,
    async rooms() {
      return Object.keys(store).map((room) => ({ room, lastMessageAt: store[room].at(-1)?.timestamp ?? null }))
    },
    async history(room, { limit = 50, before } = {}) {
      const all = store[room] ?? []
      const end = before ? all.findIndex((candidate) => candidate.id === before) : all.length
      const start = Math.max(0, end - limit)
      return { messages: all.slice(start, end), hasMore: start > 0 }
    },
    async postMessage(room, text, clientMessageId) {
      if (api.failPost) throw api.failPost
      const posted = message(`rest-${api.posted.length}`, room, ALICE, { text, clientMessageId })
      api.posted.push(posted)
      return posted
    },
  }
  return api
}

function fakeConnection() {
  return {
    open: false,
    sent: [],
    handlers: null,
    started: false,
    start() { this.started = true },
    stop() { this.started = false },
    send(frame) {
      if (!this.open) return false
      this.sent.push(frame)
      return true
    },
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('useChat', () => {
  let api
  let connection
  let chat
  let timers
  let ids

  beforeEach(async () => {
    api = fakeApi({ general: [message('g1'), message('g2')], random: [message('r1')] })
    connection = fakeConnection()
    timers = []
    ids = 0
    chat = useChat({
      api,
      me: 'alice',
      connect: (handlers) => Object.assign(connection, { handlers }),
      newId: () => `c-${++ids}`,
      setTimer: (fn) => timers.push(fn),
    })
    await chat.start()
    await flush()
  })

  const frame = (value) => connection.handlers.onFrame(value)
  const timeline = (room = 'general') => chat.state.timelines[room].messages.map((entry) => entry.id)

  it('starts the connection, lists the rooms and loads the first room', () => {
    expect(connection.started).toBe(true)
    expect(chat.state.rooms.map((entry) => entry.room)).toEqual(['general', 'random'])
    expect(chat.state.currentRoom).toBe('general')
    expect(timeline()).toEqual(['g1', 'g2'])
  })

  it('appends live messages once', () => {
    frame({ type: 'message', message: message('g3') })
    frame({ type: 'message', message: message('g3') })
    expect(timeline()).toEqual(['g1', 'g2', 'g3'])
  })

  it('marks other rooms unread until entered', async () => {
    frame({ type: 'message', message: message('r2', 'random') })
    frame({ type: 'message', message: message('n1', 'new-room') })
    expect(chat.state.rooms.find((entry) => entry.room === 'random').unread).toBe(1)
    expect(chat.state.rooms.find((entry) => entry.room === 'new-room').unread).toBe(1)
    chat.selectRoom('random')
    await flush()
    expect(chat.state.rooms.find((entry) => entry.room === 'random').unread).toBe(0)
    expect(timeline('random')).toEqual(['r1', 'r2'])
  })

  it('does not count the user\'s own messages as unread', () => {
    frame({ type: 'message', message: message('r2', 'random', ALICE) })
    expect(chat.state.rooms.find((entry) => entry.room === 'random').unread).toBe(0)
  })

  it('shows an own message pending, then sent on ack, then in the timeline on delivery', () => {
    connection.open = true
    chat.send('  hello  ')
    expect(connection.sent).toEqual([{ type: 'send', room: 'general', text: 'hello', clientMessageId: 'c-1' }])
    expect(chat.state.outbox.general).toMatchObject([{ clientMessageId: 'c-1', text: 'hello', status: 'pending' }])

    frame({ type: 'ack', clientMessageId: 'c-1', id: 'm-1' })
    expect(chat.state.outbox.general[0].status).toBe('sent')

    frame({ type: 'message', message: message('m-1', 'general', ALICE, { clientMessageId: 'c-1', text: 'hello' }) })
    expect(chat.state.outbox.general).toEqual([])
    expect(timeline()).toEqual(['g1', 'g2', 'm-1'])
  })

  it('marks a refused message failed, and a retry sends it again with the same clientMessageId', () => {
    connection.open = true
    chat.send('hello')
    frame({ type: 'error', clientMessageId: 'c-1', status: 503, detail: 'not durable' })
    const pending = chat.state.outbox.general[0]
    expect(pending).toMatchObject({ status: 'failed', detail: 'not durable' })

    chat.retry(pending)
    expect(pending.status).toBe('pending')
    expect(connection.sent.map((sent) => sent.clientMessageId)).toEqual(['c-1', 'c-1'])
  })

  it('marks a message failed when no answer comes in time', () => {
    connection.open = true
    chat.state.connection = 'open'
    chat.send('hello')
    timers.forEach((fire) => fire())
    expect(chat.state.outbox.general[0].status).toBe('failed')
  })

  it('posts over REST while the socket is down', async () => {
    chat.send('offline hello')
    await flush()
    expect(api.posted).toHaveLength(1)
    expect(api.posted[0]).toMatchObject({ text: 'offline hello', clientMessageId: 'c-1' })
    expect(chat.state.outbox.general).toEqual([])
    expect(timeline()).toEqual(['g1', 'g2', 'rest-0'])
  })

  it('keeps a message that could not be posted as failed', async () => {
    api.failPost = new Error('503 not durable')
    chat.send('hello')
    await flush()
    expect(chat.state.outbox.general[0]).toMatchObject({ status: 'failed', detail: '503 not durable' })
  })

  it('does not send blank or over-long text', () => {
    connection.open = true
    expect(chat.send('   ')).toBe(false)
    expect(chat.send('x'.repeat(4001))).toBe(false)
    expect(connection.sent).toEqual([])
  })

  it('catches up after a reconnect: every missed message once, in order, and resends what was pending', async () => {
    connection.open = true
    chat.send('sent before the drop')
    api.store.general.push(message('g3'), message('g4'))
    frame({ type: 'message', message: message('g3') })

    await connection.handlers.onReconnected()

    expect(timeline()).toEqual(['g1', 'g2', 'g3', 'g4'])
    expect(connection.sent.map((sent) => sent.clientMessageId)).toEqual(['c-1', 'c-1'])
  })

  it('creates rooms with valid names only', () => {
    expect(chat.createRoom('Team Room')).toMatch(/lower-case/)
    expect(chat.createRoom(' team-room ')).toBeNull()
    expect(chat.state.currentRoom).toBe('team-room')
  })

  it('loads older pages in front', async () => {
    api.store.general = Array.from({ length: 120 }, (_, i) => message(`h${i}`))
    const fresh = useChat({ api, me: 'alice', connect: (handlers) => Object.assign(fakeConnection(), { handlers }) })
    await fresh.start()
    await flush()
    expect(fresh.state.timelines.general.messages).toHaveLength(50)
    expect(fresh.state.timelines.general.hasMore).toBe(true)
    await fresh.loadOlder()
    await fresh.loadOlder()
    expect(fresh.state.timelines.general.messages.map((entry) => entry.id)).toEqual(api.store.general.map((entry) => entry.id))
    expect(fresh.state.timelines.general.hasMore).toBe(false)
  })
})
