import { beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../lib/api.js'
import { FOLLOW_UP_DELAYS_MS, TYPING_EVERY_MS, TYPING_SHOWN_MS, useChat } from './useChat.js'

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
    failHistory: null,
    historyCalls: 0,
    unread: {},
    created: [],
    joined: [],
    reads: [],
    existing: new Set(),
    /** Rooms the user may not see: every call about them answers 404. */
    hidden: new Set(),
    directs: [],
    changesAsked: [],
    reacted: [],
    /** Changes a message in the store, as the server does: a new state, one version up. */
    change(room, id, changes) {
      const index = store[room].findIndex((stored) => stored.id === id)
      const current = store[room][index]
      store[room][index] = { ...current, ...changes, version: (current.version ?? 1) + 1, changedAt: new Date(Date.UTC(2026, 10, 24, 12)).toISOString() }
      return store[room][index]
    },
    async editMessage(id, text) {
      const room = Object.keys(store).find((name) => store[name].some((stored) => stored.id === id))
      return api.change(room, id, { text, editedAt: new Date(Date.UTC(2026, 10, 24, 12)).toISOString() })
    },
    async react(id, emoji, on) {
      api.reacted.push([id, emoji, on])
    },
    async rooms() {
      return Object.keys(store).map((room) => ({ id: room, room, name: room, visibility: 'public',
        lastMessageAt: store[room].at(-1)?.timestamp ?? null, unread: api.unread[room] ?? 0 }))
    },
    async createRoom(request) {
      const { id } = request
      if (api.existing.has(id) || api.hidden.has(id) || store[id]) throw new ApiError(409, { detail: `The room id ${id} is taken` })
      api.created.push(request)
      return { id, room: id, name: request.name || id, visibility: request.visibility, member: true }
    },
    async direct(userId) {
      api.directs.push(userId)
      return { id: 'dm-1', room: 'dm-1', name: `Alice, ${userId}`, visibility: 'direct', member: true }
    },
    async join(room, userId) {
      if (api.hidden.has(room) || (api.missing && !api.created.some((created) => created.id === room))) {
        throw new ApiError(404, { detail: 'No such room' })
      }
      api.joined.push([room, userId])
    },
    left: [],
    async leave(room, userId) {
      api.left.push([room, userId])
    },
    async markRead(room, messageId) {
      api.reads.push([room, messageId])
    },
    async history(room, { limit = 50, before, changedSince } = {}) {
      api.historyCalls += 1
      if (api.failHistory) throw api.failHistory
      if (api.hidden.has(room)) throw new ApiError(404, { detail: 'No such room' })
      const all = store[room] ?? []
      if (changedSince) {
        api.changesAsked.push(changedSince)
        return { messages: all.filter((stored) => stored.changedAt > changedSince).slice(0, limit), hasMore: false }
      }
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
  let readsDue
  let nowMs
  let visible
  let attended

  beforeEach(async () => {
    nowMs = 0
    visible = true
    attended = []
    api = fakeApi({ general: [message('g1'), message('g2')], random: [message('r1')] })
    connection = fakeConnection()
    timers = []
    ids = 0
    readsDue = []
    chat = useChat({
      api,
      me: 'alice',
      connect: (handlers) => Object.assign(connection, { handlers }),
      newId: () => `c-${++ids}`,
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      markReadLater: (fn) => readsDue.push(fn),
      now: () => nowMs,
      isVisible: () => visible,
      onAttention: (arrived, entry) => attended.push([arrived.id, entry.room]),
    })
    await chat.start()
    chat.selectRoom('general')
    await flush()
  })

  /** A second client of the same room that never loses its connection, to compare with. */
  async function clientThatStays() {
    const stayedConnection = fakeConnection()
    const stayed = useChat({ api, me: 'carol', connect: (handlers) => Object.assign(stayedConnection, { handlers }), setTimer: () => {} })
    await stayed.start()
    stayed.selectRoom('general')
    await flush()
    return { stayed, stayedConnection }
  }

  const frame = (value) => connection.handlers.onFrame(value)
  const timeline = (room = 'general') => chat.state.timelines[room].messages.map((entry) => entry.id)
  const stored = (room = 'general') => api.store[room].map((entry) => entry.id)
  const reconnect = () => connection.handlers.onReconnected()
  const pendingDelays = () => timers.map(({ ms }) => ms)
  /** Lets the timers set so far go off (not those they set), and what they started finish. */
  async function tick() {
    for (const { fn } of timers.splice(0)) fn()
    await flush()
  }
  /** Lets every timer go off, those set meanwhile too, and returns their delays. */
  async function runAllTimers() {
    const delays = []
    while (timers.length > 0) {
      delays.push(...pendingDelays())
      await tick()
    }
    return delays
  }

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

  it('ignores frames of a type it does not know, and keeps handling the ones it does', () => {
    const before = JSON.stringify(chat.state)
    frame({ type: 'no-such-type', room: 'general', user: { id: 'bob' } })
    frame({ type: 'toString' })
    frame({ message: message('g9') })
    expect(JSON.stringify(chat.state)).toBe(before)
    frame({ type: 'message', message: message('g3') })
    expect(timeline()).toEqual(['g1', 'g2', 'g3'])
  })

  it('shows who else is typing in a room until their message comes or their typing is old', () => {
    const typists = (room = 'general') => Object.values(chat.state.typing[room] ?? {}).map((typist) => typist.name)
    frame({ type: 'typing', room: 'general', user: BOB })
    frame({ type: 'typing', room: 'general', user: { id: 'carol', name: 'Carol' } })
    frame({ type: 'typing', room: 'general', user: { id: 'alice', name: 'Alice' } })
    expect(typists()).toEqual(['Bob', 'Carol'])

    frame({ type: 'message', message: message('g3', 'general', BOB) })
    expect(typists()).toEqual(['Carol'])

    // A timer set for an older typing frame leaves a newer one alone.
    nowMs = TYPING_SHOWN_MS - 1
    frame({ type: 'typing', room: 'general', user: { id: 'carol', name: 'Carol' } })
    nowMs = TYPING_SHOWN_MS
    timers.shift().fn()
    expect(typists()).toEqual(['Carol'])
    nowMs += TYPING_SHOWN_MS
    for (const { fn } of timers.splice(0)) fn()
    expect(typists()).toEqual([])
  })

  it('tells the room the user is typing at most every two seconds, and only while connected', () => {
    chat.typing()
    expect(connection.sent).toEqual([])
    connection.open = true
    chat.typing()
    nowMs = TYPING_EVERY_MS - 1
    chat.typing()
    expect(connection.sent).toEqual([{ type: 'typing', room: 'general' }])
    chat.typing('random')
    nowMs = TYPING_EVERY_MS
    chat.typing()
    expect(connection.sent).toEqual([{ type: 'typing', room: 'general' }, { type: 'typing', room: 'random' }, { type: 'typing', room: 'general' }])
  })

  it('knows who is online from the members of a room and then from presence frames', async () => {
    api.room = async (room) => ({ id: room, memberList: [{ id: 'bob', name: 'Bob', online: true }, { id: 'carol', name: 'Carol', online: false }] })
    await chat.roomDetails('general')
    expect([chat.isOnline('bob'), chat.isOnline('carol'), chat.isOnline('dave')]).toEqual([true, false, false])
    frame({ type: 'presence', user: BOB, status: 'offline' })
    frame({ type: 'presence', user: { id: 'dave', name: 'Dave' }, status: 'online' })
    expect([chat.isOnline('bob'), chat.isOnline('dave')]).toEqual([false, true])
  })

  it('clears what the user read on another device', async () => {
    frame({ type: 'message', message: message('r2', 'random') })
    frame({ type: 'message', message: message('r3', 'random') })
    frame({ type: 'message', message: message('r4', 'random', ALICE) })
    const random = () => chat.state.rooms.find((entry) => entry.room === 'random')
    expect(random().unread).toBe(2)
    frame({ type: 'read', room: 'random', messageId: 'r2' })
    expect(random().unread).toBe(1)
    frame({ type: 'read', room: 'random', messageId: 'r4' })
    expect(random().unread).toBe(0)
  })

  it('counts the unread messages that call for the user, mentions and direct ones, and tells of each as it comes', async () => {
    const entry = (name) => chat.state.rooms.find((candidate) => candidate.room === name)
    frame({ type: 'message', message: message('r2', 'random', BOB, { mentions: ['alice'] }) })
    frame({ type: 'message', message: message('r3', 'random') })
    frame({ type: 'message', message: message('r4', 'random', BOB, { mentions: ['carol'] }) })
    expect([entry('random').unread, entry('random').attention]).toEqual([3, 1])
    // A direct room first met in a message: its id says what it is before the list does.
    frame({ type: 'message', message: message('d1', 'dm-0123456789abcdef0123456789abcdef') })
    expect(entry('dm-0123456789abcdef0123456789abcdef').attention).toBe(1)
    expect(attended).toEqual([['r2', 'random'], ['d1', 'dm-0123456789abcdef0123456789abcdef']])
    frame({ type: 'message', message: message('g3', 'general', BOB, { mentions: ['alice'] }) })
    expect(entry('general').attention).toBe(0)
    expect(attended).toHaveLength(2)

    chat.selectRoom('random')
    expect([entry('random').unread, entry('random').attention]).toEqual([0, 0])
  })

  it('clears what calls for the user when they read it on another device', async () => {
    const random = () => chat.state.rooms.find((entry) => entry.room === 'random')
    frame({ type: 'message', message: message('r2', 'random', BOB, { mentions: ['alice'] }) })
    frame({ type: 'message', message: message('r3', 'random', BOB, { mentions: ['alice'] }) })
    frame({ type: 'read', room: 'random', messageId: 'r2' })
    expect([random().unread, random().attention]).toEqual([1, 1])
    frame({ type: 'read', room: 'random', messageId: 'r3' })
    expect([random().unread, random().attention]).toEqual([0, 0])
  })

  it('does not take the room shown as read while the page is hidden; shown again, what came is marked where it begins', async () => {
    const general = () => chat.state.rooms.find((entry) => entry.room === 'general')
    readsDue.splice(0).forEach((due) => due())
    expect(api.reads).toEqual([['general', 'g2']])
    await flush()
    visible = false
    frame({ type: 'message', message: message('g3', 'general', BOB, { mentions: ['alice'] }) })
    frame({ type: 'message', message: message('g4') })
    expect([general().unread, general().attention]).toEqual([2, 1])
    expect(attended).toEqual([['g3', 'general']])
    expect(readsDue).toHaveLength(0)

    visible = true
    chat.resumeReading()
    expect([general().unread, general().attention]).toEqual([0, 0])
    expect(chat.state.leftOff.general).toEqual({ after: 'g2', unread: 2 })
    readsDue.splice(0).forEach((due) => due())
    expect(api.reads.at(-1)).toEqual(['general', 'g4'])
  })

  it('knows from the rooms list who a direct room is with and whether they are online', async () => {
    const listRooms = api.rooms
    api.rooms = async () => [...await listRooms(), { id: 'dm-2', room: 'dm-2', name: 'Alice, Bob', visibility: 'direct', unread: 1,
      memberList: [{ id: 'alice', name: 'Alice', online: true }, { id: 'bob', name: 'Bob', online: true }] }]
    frame({ type: 'message', message: message('d1', 'dm-2') })
    await flush()
    const direct = chat.state.rooms.find((entry) => entry.room === 'dm-2')
    expect(direct.peer).toEqual({ id: 'bob', name: 'Bob', online: true })
    expect(chat.isOnline('bob')).toBe(true)
    expect(direct.attention).toBe(1)
    frame({ type: 'presence', user: BOB, status: 'offline' })
    expect(chat.isOnline('bob')).toBe(false)
  })

  it('remembers where the user left off in a room with something new, until they go elsewhere', async () => {
    frame({ type: 'message', message: message('r2', 'random') })
    chat.selectRoom('random')
    expect(chat.state.leftOff.random).toEqual({ after: null, unread: 1 })
    chat.selectRoom('general')
    expect(chat.state.leftOff.random).toBeUndefined()
    expect(chat.state.leftOff.general).toBeNull()
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

  it('shows a room\'s history in full when it is opened after live messages of it came', async () => {
    const live = message('r2', 'random')
    api.store.random.push(live)
    frame({ type: 'message', message: live })
    chat.selectRoom('random')
    await flush()
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

  it('sends a message again by itself after the wait a 429 frame asks for, with the same clientMessageId', () => {
    connection.open = true
    chat.send('hello')
    frame({ type: 'error', clientMessageId: 'c-1', status: 429, detail: 'Too many messages.', retryAfterSeconds: 3 })
    const pending = chat.state.outbox.general[0]
    expect(pending.status).toBe('waiting')
    expect(pending.detail).toContain('3 s')
    const wait = timers.find(({ ms }) => ms === 3_000)
    expect(wait).toBeDefined()

    wait.fn()
    expect(pending.status).toBe('pending')
    expect(connection.sent.map((sent) => sent.clientMessageId)).toEqual(['c-1', 'c-1'])
  })

  it('gives up waiting after a few refusals, and then lets the user retry', () => {
    connection.open = true
    chat.send('hello')
    const pending = chat.state.outbox.general[0]
    for (let refusal = 0; refusal < 6; refusal++) {
      frame({ type: 'error', clientMessageId: 'c-1', status: 429, detail: 'Too many messages.', retryAfterSeconds: 1 })
      timers.filter(({ ms }) => ms === 1_000).splice(0).forEach(({ fn }) => fn())
      timers = timers.filter(({ ms }) => ms !== 1_000)
    }
    expect(pending.status).toBe('failed')
    expect(connection.sent).toHaveLength(6)
  })

  it('waits as a REST answer\'s Retry-After says before posting again', async () => {
    api.failPost = new ApiError(429, { detail: 'Too many messages.' }, 2)
    chat.send('offline hello')
    await flush()
    const pending = chat.state.outbox.general[0]
    expect(pending.status).toBe('waiting')

    api.failPost = null
    timers.find(({ ms }) => ms === 2_000).fn()
    await flush()
    expect(api.posted.map((posted) => posted.clientMessageId)).toEqual(['c-1'])
    expect(chat.state.outbox.general).toEqual([])
  })

  it('marks a message failed when no answer comes in time', () => {
    connection.open = true
    chat.state.connection = 'open'
    chat.send('hello')
    timers.forEach(({ fn }) => fn())
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

  describe('messages that change', () => {
    it('keeps the highest version of a message, whatever order its states arrive in', () => {
      const [g1] = api.store.general
      frame({ type: 'message.updated', message: { ...g1, text: 'third', version: 3 } })
      frame({ type: 'message.updated', message: { ...g1, text: 'second', version: 2 } })
      frame({ type: 'message', message: g1 })
      expect(chat.state.timelines.general.messages[0].text).toBe('third')
      frame({ type: 'message.updated', message: { ...g1, text: '', deleted: true, version: 4 } })
      expect(chat.state.timelines.general.messages[0].deleted).toBe(true)
      expect(timeline()).toEqual(['g1', 'g2'])
    })

    it('shows an edit at once from the answer, and toggles the user\'s own reaction', async () => {
      const g2 = api.store.general[1]
      expect(await chat.editMessage(g2, ' fixed ')).toBe(true)
      expect(chat.state.timelines.general.messages[1]).toMatchObject({ id: 'g2', text: 'fixed', version: 2 })

      await chat.toggleReaction(g2, '👍')
      await chat.toggleReaction({ ...g2, reactions: [{ emoji: '👍', count: 1, users: ['alice'] }] }, '👍')
      expect(api.reacted).toEqual([['g2', '👍', true], ['g2', '👍', false]])
    })

    it('after a reconnect, ends with the timeline of a client that stayed: changes to older messages too', async () => {
      const { stayed, stayedConnection } = await clientThatStays()
      const newer = Array.from({ length: 60 }, (_, index) => message(`n${index}`))
      for (const sent of newer) {
        api.store.general.push(sent)
        frame({ type: 'message', message: sent })
        stayedConnection.handlers.onFrame({ type: 'message', message: sent })
      }
      connection.handlers.onState('open')
      connection.handlers.onState('reconnecting')

      // While away: g1, older than the newest page, is edited; n5 is deleted; n59 gets a reaction.
      for (const changed of [api.change('general', 'g1', { text: 'edited while away' }),
        api.change('general', 'n5', { text: '', deleted: true }),
        api.change('general', 'n59', { reactions: [{ emoji: '🎉', count: 1, users: ['bob'] }] })]) {
        stayedConnection.handlers.onFrame({ type: 'message.updated', message: changed })
      }
      await reconnect()
      await runAllTimers()

      expect(chat.state.timelines.general.messages).toEqual(stayed.state.timelines.general.messages)
      expect(chat.state.timelines.general.messages[0].text).toBe('edited while away')
      expect(api.changesAsked.length).toBe(1)
      expect(api.changesAsked[0] < newer.at(-1).timestamp).toBe(true)
    })
  })

  describe('catch-up after a reconnect', () => {
    const unavailable = () => new ApiError(503, { detail: 'The message store is unavailable' })

    it('closes the gap with a follow-up: a message broadcast while away and stored only later', async () => {
      const missed = message('g3')
      await reconnect()
      expect(timeline()).toEqual(['g1', 'g2'])
      expect(pendingDelays()).toEqual([1_000])

      api.store.general.push(missed)
      await tick()
      expect(timeline()).toEqual(['g1', 'g2', 'g3'])
      // No live message since the reconnect: history has caught up, so one follow-up is enough.
      expect(timers).toEqual([])
    })

    it('ends, after follow-ups while history lacked live messages, with the order of a client that stayed connected', async () => {
      const { stayed, stayedConnection } = await clientThatStays()
      const broadcast = (sent, { toUs = true } = {}) => {
        stayedConnection.handlers.onFrame({ type: 'message', message: sent })
        if (toUs) frame({ type: 'message', message: sent })
      }

      const [g3, g4, g5] = [message('g3'), message('g4'), message('g5')]
      broadcast(g3, { toUs: false }) // while we were away; not stored yet
      await reconnect()
      broadcast(g4)
      broadcast(g5)
      expect(timeline()).toEqual(['g1', 'g2', 'g4', 'g5'])

      api.store.general.push(g3, g4) // g5 is not stored yet
      await tick()
      expect(timeline()).toEqual(['g1', 'g2', 'g3', 'g4', 'g5'])
      expect(pendingDelays()).toEqual([2_000])

      api.store.general.push(g5)
      await tick()
      expect(timers).toEqual([])
      expect(timeline()).toEqual(stored())
      expect(timeline()).toEqual(stayed.state.timelines.general.messages.map((entry) => entry.id))
    })

    it('retries a failed catch-up on the backoff schedule, keeping the notice until one succeeds', async () => {
      api.failHistory = unavailable()
      const calls = api.historyCalls
      await reconnect()
      expect(chat.state.notice).toBe('Missed messages of general could not be loaded: The message store is unavailable')
      await tick()
      await tick()
      expect(api.historyCalls).toBe(calls + 3) // the immediate catch-up and two follow-ups
      expect(pendingDelays()).toEqual([4_000])
      expect(chat.state.notice).toMatch(/^Missed messages of general/)

      api.failHistory = null
      api.store.general.push(message('g3'))
      await tick()
      expect(timeline()).toEqual(['g1', 'g2', 'g3'])
      expect(chat.state.notice).toBeNull()
      expect(timers).toEqual([])
    })

    it('clears only the notice its own failure put up', async () => {
      api.failHistory = unavailable()
      await reconnect()
      frame({ type: 'error', detail: 'Something else went wrong' })
      api.failHistory = null
      await tick()
      expect(chat.state.notice).toBe('Something else went wrong')
    })

    it('stops after the last follow-up, 60 s after the reconnect, if history never catches up', async () => {
      api.failHistory = unavailable()
      await reconnect()
      const delays = await runAllTimers()
      expect(delays).toEqual(FOLLOW_UP_DELAYS_MS)
      expect(delays.reduce((sum, delay) => sum + delay)).toBe(60_000)
      expect(chat.state.notice).toMatch(/^Missed messages of general/)
    })

    it('keeps following up while a message received live is not in history', async () => {
      await reconnect()
      frame({ type: 'message', message: message('g3') })
      await tick()
      await tick()
      expect(pendingDelays()).toEqual([4_000])
      api.store.general.push(chat.state.timelines.general.messages.at(-1))
      await tick()
      expect(timers).toEqual([])
    })

    it('restarts the schedule on a second reconnect, and the first one stops', async () => {
      api.failHistory = unavailable()
      await reconnect()
      await tick()
      expect(pendingDelays()).toEqual([2_000])

      await reconnect()
      expect(pendingDelays()).toEqual([2_000, 1_000])
      const calls = api.historyCalls
      await tick()
      expect(api.historyCalls).toBe(calls + 1) // the new schedule's follow-up only
      expect(pendingDelays()).toEqual([2_000])
    })

    it('does not catch up while the connection is down, and resumes after the reconnect', async () => {
      connection.handlers.onState('open')
      api.failHistory = unavailable()
      await reconnect()
      connection.handlers.onState('reconnecting')
      const calls = api.historyCalls
      await tick()
      expect(api.historyCalls).toBe(calls)
      expect(timers).toEqual([])

      api.failHistory = null
      api.store.general.push(message('g3'))
      connection.handlers.onState('open')
      await reconnect()
      await tick()
      expect(timeline()).toEqual(['g1', 'g2', 'g3'])
      expect(chat.state.notice).toBeNull()
    })

    it('stops pending follow-ups on stop()', async () => {
      await reconnect()
      chat.stop()
      const calls = api.historyCalls
      await runAllTimers()
      expect(api.historyCalls).toBe(calls)
    })

    it('walks back past messages received live to where the gap began', async () => {
      const missed = message('g3')
      await reconnect()
      const live = Array.from({ length: 250 }, (_, i) => message(`live-${i}`))
      for (const sent of live) frame({ type: 'message', message: sent })

      // The newest page holds live messages only; the missed one is on the page before it.
      api.store.general.push(missed, ...live)
      await tick()
      expect(timeline()).toEqual(stored())
      expect(timers).toEqual([])
    })

    it('walks back only to what history confirmed in a later follow-up', async () => {
      await reconnect()
      const live = Array.from({ length: 250 }, (_, i) => message(`live-${i}`))
      for (const sent of live) frame({ type: 'message', message: sent })
      api.store.general.push(...live.slice(0, -1))
      await tick()
      expect(pendingDelays()).toEqual([2_000])

      api.store.general.push(live.at(-1))
      const calls = api.historyCalls
      await tick()
      expect(api.historyCalls).toBe(calls + 1) // the newest page holds messages history returned before
      expect(timeline()).toEqual(stored())
      expect(timers).toEqual([])
    })

    it('joins history where the connection dropped, not at a message posted over REST meanwhile', async () => {
      connection.handlers.onState('open')
      connection.handlers.onState('reconnecting')
      const missed = message('g3')
      chat.send('posted while the socket was down')
      await flush()
      expect(timeline()).toEqual(['g1', 'g2', 'rest-0'])

      api.failHistory = unavailable()
      await reconnect()
      const live = Array.from({ length: 199 }, (_, i) => message(`live-${i}`))
      for (const sent of live) frame({ type: 'message', message: sent })

      // The newest page starts at the posted message; the missed one before it is on the page before.
      api.failHistory = null
      api.store.general.push(missed, api.posted[0], ...live)
      await tick()
      expect(timeline()).toEqual(stored())
      expect(timers).toEqual([])
    })
  })

  it('creates rooms with valid ids only, and shows the new room', async () => {
    expect(await chat.createRoom({ id: 'Team Room' })).toMatch(/lower-case/)
    expect(api.created).toEqual([])
    expect(await chat.createRoom({ id: ' team-room ', name: 'Team', visibility: 'private', members: ['bob'] })).toBeNull()
    expect(api.created).toEqual([{ id: 'team-room', name: 'Team', visibility: 'private', members: ['bob'] }])
    expect(chat.state.currentRoom).toBe('team-room')
    expect(chat.state.rooms.find((entry) => entry.room === 'team-room')).toMatchObject({ member: true, visibility: 'private' })
    expect(api.joined).toEqual([])
  })

  it('joins a public room whose id is taken instead, and refuses a taken id for a private one', async () => {
    api.existing.add('taken')
    expect(await chat.createRoom({ id: 'taken' })).toBeNull()
    expect(chat.state.currentRoom).toBe('taken')
    expect(api.joined).toEqual([['taken', 'alice']])
    expect(chat.state.notice).toBeNull()

    api.hidden.add('secret')
    expect(await chat.createRoom({ id: 'secret' })).toBe('A room called secret exists already.')
    expect(await chat.createRoom({ id: 'taken', visibility: 'private' })).toBe('A room called taken exists already.')
    expect(chat.state.currentRoom).toBe('taken')
  })

  it('opens a direct room and lists it as one', async () => {
    expect(await chat.openDirect('bob')).toBe('dm-1')
    expect(api.directs).toEqual(['bob'])
    expect(chat.state.currentRoom).toBe('dm-1')
    expect(chat.state.rooms.find((entry) => entry.room === 'dm-1').visibility).toBe('direct')
  })

  it('shows a room the user may not see as missing, not as a room of theirs, and does not join it', async () => {
    api.hidden.add('secret')
    chat.selectRoom('secret')
    await flush()
    expect(chat.state.timelines.secret.missing).toBe(true)
    expect(chat.state.timelines.secret.error).toBeNull()
    expect(chat.state.rooms.map((entry) => entry.room)).toEqual(['general', 'random'])
    expect(chat.state.notice).toBeNull()
    expect(api.joined).toEqual([])
  })

  it('shows a room the user was looking at without seeing it, with its history, once they are added', async () => {
    api.hidden.add('secret')
    api.store.secret = [message('s1', 'secret'), message('s2', 'secret')]
    chat.selectRoom('secret')
    await flush()
    expect(chat.state.timelines.secret.missing).toBe(true)
    api.hidden.delete('secret')
    frame({ type: 'message', message: message('s3', 'secret') })
    api.store.secret.push(message('s3', 'secret'))
    await flush()
    await flush()
    expect(chat.state.timelines.secret.missing).toBe(false)
    expect(timeline('secret')).toEqual(['s1', 's2', 's3'])
  })

  it('keeps a failed history load on the room, to try again', async () => {
    api.failHistory = new ApiError(503, { detail: 'Unavailable' })
    chat.selectRoom('random')
    await flush()
    expect(chat.state.timelines.random.error).toContain('Unavailable')
    api.failHistory = null
    chat.reload('random')
    await flush()
    expect(chat.state.timelines.random.error).toBeNull()
    expect(timeline('random')).toEqual(['r1'])
  })

  it('learns what a room is when its first message comes: someone added the user, or wrote to them', async () => {
    api.store['new-team'] = []
    frame({ type: 'message', message: message('n1', 'new-team') })
    await flush()
    expect(chat.state.rooms.find((entry) => entry.room === 'new-team')).toMatchObject({ member: true, unread: 1, name: 'new-team' })
  })

  it('shows a room that does not exist as missing, and creating it there makes it a room of the user\'s', async () => {
    api.missing = true
    chat.selectRoom('fresh')
    await flush()
    expect(chat.state.timelines.fresh.missing).toBe(true)
    expect(chat.state.rooms.map((entry) => entry.room)).toEqual(['general', 'random'])
    expect(await chat.createRoom({ id: 'fresh' })).toBeNull()
    expect(chat.state.timelines.fresh.missing).toBe(false)
    expect(chat.state.currentRoom).toBe('fresh')
    expect(chat.state.rooms.find((entry) => entry.room === 'fresh').member).toBe(true)
  })

  it('joins a room it enters that the user is not in yet', async () => {
    chat.selectRoom('random')
    chat.selectRoom('elsewhere')
    await flush()
    expect(api.joined).toEqual([['elsewhere', 'alice']])
    expect(chat.state.rooms.find((entry) => entry.room === 'elsewhere').member).toBe(true)
  })

  it('leaves a room: it goes from the list, later frames of it are not shown, and general is shown', async () => {
    chat.selectRoom('random')
    await chat.leaveRoom('random')
    await flush()
    expect(api.left).toEqual([['random', 'alice']])
    expect(chat.state.rooms.map((entry) => entry.room)).toEqual(['general'])
    expect(chat.state.currentRoom).toBe('general')
    connection.handlers.onFrame({ type: 'message', message: message('r9', 'random') })
    expect(chat.state.rooms.map((entry) => entry.room)).toEqual(['general'])
  })

  it('shows the unread counts the server keeps, except for the room being read', async () => {
    api.unread = { general: 4, random: 2 }
    connection.handlers.onReconnected()
    await flush()
    const unread = Object.fromEntries(chat.state.rooms.map((entry) => [entry.room, entry.unread]))
    expect(unread).toEqual({ general: 0, random: 2 })
    // What was new in the room being read is marked there: the last four of others.
    expect(chat.state.leftOff.general).toEqual({ after: null, unread: 4 })
  })

  it('marks the room being read up to its latest message, a moment after it arrives', async () => {
    expect(api.reads).toEqual([])
    readsDue.splice(0).forEach((due) => due())
    expect(api.reads).toEqual([['general', 'g2']])

    connection.handlers.onFrame({ type: 'message', message: message('g3') })
    connection.handlers.onFrame({ type: 'message', message: message('g4') })
    connection.handlers.onFrame({ type: 'message', message: message('r2', 'random') })
    expect(readsDue).toHaveLength(1)
    readsDue.splice(0).forEach((due) => due())
    expect(api.reads).toEqual([['general', 'g2'], ['general', 'g4']])

    chat.selectRoom('random')
    chat.selectRoom('general')
    readsDue.splice(0).forEach((due) => due())
    expect(api.reads).toHaveLength(2)
  })

  it('loads older pages in front', async () => {
    api.store.general = Array.from({ length: 120 }, (_, i) => message(`h${i}`))
    const fresh = useChat({ api, me: 'alice', connect: (handlers) => Object.assign(fakeConnection(), { handlers }) })
    await fresh.start()
    fresh.selectRoom('general')
    await flush()
    expect(fresh.state.timelines.general.messages).toHaveLength(50)
    expect(fresh.state.timelines.general.hasMore).toBe(true)
    await fresh.loadOlder()
    await fresh.loadOlder()
    expect(fresh.state.timelines.general.messages.map((entry) => entry.id)).toEqual(api.store.general.map((entry) => entry.id))
    expect(fresh.state.timelines.general.hasMore).toBe(false)
  })
})
