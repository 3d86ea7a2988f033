// The chat's state for the signed-in user: rooms, each room's timeline, the user's own
// messages on their way, and the live connection. Components only read it and call actions.
import { reactive } from 'vue'
import { appendLive, mergeLatest, overlaps, prependOlder } from '../lib/timeline.js'

export const ROOM_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/
export const MAX_TEXT = 4000
const PAGE = 50
const CATCH_UP_PAGE = 200
const CATCH_UP_MAX_PAGES = 5
const ACK_TIMEOUT_MS = 15_000

/**
 * @param {object} deps
 * @param {ReturnType<import('../lib/api.js').createApi>} deps.api
 * @param {(handlers: object) => import('../lib/socket.js').ChatConnection} deps.connect creates the live connection
 * @param {string} deps.me the signed-in user's id (the token's sub)
 */
export function useChat({ api, connect, me, newId = () => globalThis.crypto.randomUUID(),
  setTimer = (fn, ms) => setTimeout(fn, ms) }) {
  const state = reactive({
    connection: 'connecting',
    rooms: [],
    currentRoom: null,
    timelines: {},
    outbox: {},
    notice: null,
  })

  const connection = connect({
    onFrame: handleFrame,
    onState: (connectionState) => { state.connection = connectionState },
    onReconnected: () => reconnected(),
  })

  function room(name) {
    let entry = state.rooms.find((candidate) => candidate.room === name)
    if (!entry) {
      entry = { room: name, lastMessageAt: null, unread: 0 }
      state.rooms.push(entry)
    }
    return entry
  }

  function timeline(name) {
    if (!state.timelines[name]) {
      state.timelines[name] = { messages: [], hasMore: false, loaded: false, loading: false }
    }
    return state.timelines[name]
  }

  function outbox(name) {
    if (!state.outbox[name]) state.outbox[name] = []
    return state.outbox[name]
  }

  async function start(initialRoom = 'general') {
    connection.start()
    await loadRooms()
    selectRoom(state.rooms.find((entry) => entry.room === initialRoom) ? initialRoom : (state.rooms[0]?.room ?? initialRoom))
  }

  function stop() {
    connection.stop()
  }

  async function loadRooms() {
    try {
      for (const listed of await api.rooms()) {
        room(listed.room).lastMessageAt = listed.lastMessageAt
      }
    } catch (failure) {
      state.notice = `Rooms could not be loaded: ${failure.message}`
    }
  }

  function selectRoom(name) {
    room(name).unread = 0
    state.currentRoom = name
    if (!timeline(name).loaded) loadLatest(name)
  }

  function createRoom(name) {
    const trimmed = name.trim()
    if (!ROOM_PATTERN.test(trimmed)) {
      return 'A room name is 1 to 40 lower-case letters, digits, "-" or "_", starting with a letter or digit.'
    }
    selectRoom(trimmed)
    return null
  }

  async function loadLatest(name) {
    const entry = timeline(name)
    entry.loading = true
    try {
      await catchUp(name)
      entry.loaded = true
    } catch (failure) {
      state.notice = `History of ${name} could not be loaded: ${failure.message}`
    } finally {
      entry.loading = false
    }
  }

  /** Fetches the newest pages until they meet what the timeline has, and merges them in. */
  async function catchUp(name) {
    const entry = timeline(name)
    const pages = []
    let before
    let hasMore = false
    for (let i = 0; i < CATCH_UP_MAX_PAGES; i++) {
      const page = await api.history(name, { limit: entry.loaded ? CATCH_UP_PAGE : PAGE, before })
      pages.push(page.messages)
      hasMore = page.hasMore
      if (!entry.loaded || !page.hasMore || page.messages.length === 0 || overlaps(entry.messages, page.messages)) break
      before = page.messages[0].id
    }
    const merged = mergeLatest(entry.messages, pages, hasMore)
    entry.messages = merged.messages
    if (!entry.loaded || !merged.complete) entry.hasMore = hasMore
    for (const message of merged.messages) settle(message)
  }

  async function loadOlder(name = state.currentRoom) {
    const entry = timeline(name)
    if (!entry.hasMore || entry.loading || entry.messages.length === 0) return
    entry.loading = true
    try {
      const page = await api.history(name, { limit: PAGE, before: entry.messages[0].id })
      entry.messages = prependOlder(entry.messages, page.messages)
      entry.hasMore = page.hasMore
    } catch (failure) {
      state.notice = `Older messages could not be loaded: ${failure.message}`
    } finally {
      entry.loading = false
    }
  }

  async function reconnected() {
    await loadRooms()
    for (const [name, entry] of Object.entries(state.timelines)) {
      if (entry.loaded) {
        try {
          await catchUp(name)
        } catch (failure) {
          state.notice = `Missed messages of ${name} could not be loaded: ${failure.message}`
        }
      }
    }
    // Their fate is unknown: sending again with the same clientMessageId is safe.
    for (const pending of Object.values(state.outbox).flat()) {
      if (pending.status === 'pending') transmit(pending)
    }
  }

  function handleFrame(frame) {
    if (frame.type === 'message') {
      const message = frame.message
      const entry = room(message.room)
      if (!entry.lastMessageAt || message.timestamp > entry.lastMessageAt) entry.lastMessageAt = message.timestamp
      const target = timeline(message.room)
      target.messages = appendLive(target.messages, message)
      const mine = message.sender?.id === me
      if (!mine && message.room !== state.currentRoom) entry.unread += 1
      settle(message)
    } else if (frame.type === 'ack') {
      const pending = findPending(frame.clientMessageId)
      if (pending) {
        pending.status = 'sent'
        pending.id = frame.id
      }
    } else if (frame.type === 'error') {
      const pending = frame.clientMessageId ? findPending(frame.clientMessageId) : null
      if (pending) {
        pending.status = 'failed'
        pending.detail = frame.detail
      } else {
        state.notice = frame.detail
      }
    }
  }

  /** A message of the user's that has arrived leaves the outbox: the timeline shows it now. */
  function settle(message) {
    if (message.sender?.id !== me || !message.clientMessageId) return
    const list = state.outbox[message.room]
    if (!list) return
    const index = list.findIndex((pending) => pending.clientMessageId === message.clientMessageId)
    if (index !== -1) list.splice(index, 1)
  }

  function findPending(clientMessageId) {
    return Object.values(state.outbox).flat().find((pending) => pending.clientMessageId === clientMessageId)
  }

  function send(text) {
    const trimmed = text.trim()
    if (!trimmed || !state.currentRoom) return false
    if (trimmed.length > MAX_TEXT) {
      state.notice = `A message has at most ${MAX_TEXT} characters.`
      return false
    }
    const pending = reactive({ clientMessageId: newId(), room: state.currentRoom, text: trimmed, status: 'pending', detail: null })
    outbox(state.currentRoom).push(pending)
    transmit(pending)
    return true
  }

  function retry(pending) {
    transmit(pending)
  }

  function transmit(pending) {
    pending.status = 'pending'
    pending.detail = null
    const frame = { type: 'send', room: pending.room, text: pending.text, clientMessageId: pending.clientMessageId }
    if (connection.send(frame)) {
      setTimer(() => {
        if (pending.status === 'pending' && state.connection === 'open') {
          pending.status = 'failed'
          pending.detail = 'The server did not confirm the message in time.'
        }
      }, ACK_TIMEOUT_MS)
      return
    }
    api.postMessage(pending.room, pending.text, pending.clientMessageId).then((message) => {
      pending.status = 'sent'
      pending.id = message.id
      const target = timeline(message.room)
      target.messages = appendLive(target.messages, message)
      settle(message)
    }, (failure) => {
      pending.status = 'failed'
      pending.detail = failure.message
    })
  }

  return { state, start, stop, selectRoom, createRoom, loadOlder, send, retry, connection }
}
