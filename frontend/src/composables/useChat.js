// The chat's state for the signed-in user: rooms, each room's timeline, the user's own
// messages on their way, and the live connection. Components only read it and call actions.
import { reactive } from 'vue'
import { needsMe } from '../lib/attention.js'
import { directById } from '../lib/rooms.js'
import { appendLive, applyChange, idsOf, mergeLatest, othersAfter, overlaps, prependOlder, storedIds } from '../lib/timeline.js'

export const ROOM_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/
export const MAX_TEXT = 4000
const PAGE = 50
const CATCH_UP_PAGE = 200
const CATCH_UP_MAX_PAGES = 5
const ACK_TIMEOUT_MS = 15_000
/** How many times a refused message is sent again by itself, after the wait the server asked for. */
const MAX_AUTO_RETRIES = 5
// After a reconnect each room catches up at once, then again after these delays (60 s in
// all) until history holds what the room received live: a message broadcast while the client
// was away is in history only once stored, normally milliseconds later, after a store outage
// once the store is back.
export const FOLLOW_UP_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000]
// A room being read is marked read this long after its latest message arrived: only a stored
// message can be a read marker, and a message is stored a moment after it is broadcast.
export const READ_DELAY_MS = 1_000
// While the user types, the room's other members are told at most this often; they show
// someone as typing for a while after the latest word of it, unless a message of theirs comes first.
export const TYPING_EVERY_MS = 2_000
export const TYPING_SHOWN_MS = 5_000
// Changes are asked for from a little before the newest time the room's messages carry, so
// that a change made as the connection dropped is not missed; one seen twice is harmless.
const CHANGES_MARGIN_MS = 30_000

/**
 * @param {object} deps
 * @param {ReturnType<import('../lib/api.js').createApi>} deps.api
 * @param {(handlers: object) => import('../lib/socket.js').ChatConnection} deps.connect creates the live connection
 * @param {string} deps.me the signed-in user's id (the token's sub)
 * @param {string} [deps.myName] the name the server shows for the user
 * @param {(room: string) => void} [deps.navigate] shows a room: where the app keeps the room in its
 *   address, it changes the address, which then selects the room
 * @param {() => boolean} [deps.isVisible] whether the user can see the page: while they cannot,
 *   the room shown is not being read
 * @param {(message: object, entry: object) => void} [deps.onAttention] told of each message
 *   that calls for the user (lib/attention.js) as it arrives unread
 */
export function useChat({ api, connect, me, newId = () => globalThis.crypto.randomUUID(),
  setTimer = (fn, ms) => setTimeout(fn, ms), markReadLater = (fn) => setTimeout(fn, READ_DELAY_MS), navigate, myName = me,
  now = () => Date.now(), isVisible = () => globalThis.document?.visibilityState !== 'hidden', onAttention = () => {} }) {
  const show = navigate ?? ((name) => selectRoom(name))
  const state = reactive({
    connection: 'connecting',
    rooms: [],
    currentRoom: null,
    timelines: {},
    outbox: {},
    notice: null,
    // Per room, who else is typing there: by user id, their name and until when they are shown.
    typing: {},
    // By user id, whether they are online, as the server said last (a room's members, presence frames).
    online: {},
    // For the room being read, where the user had left off when they came to it: null when
    // nothing was new, else the message they had read up to (if known) and how many came after.
    leftOff: {},
  })

  // Per room, the ids of the messages it held when the connection dropped, later those history
  // confirmed: catch-ups join history there, not at a message received live since, because
  // that may come after messages still missing. Kept until history holds all the room has.
  const gaps = {}
  // Per room, the time from which changes (edits, deletions, reactions) may have been missed.
  const changesSince = {}
  // Per room, the catch-ups of the latest reconnect; those of an older one see that they
  // were replaced and stop.
  const schedules = {}
  // Per room, the notice its failing catch-ups put up: a success clears that one only.
  const catchUpNotices = {}
  // Rooms the user left: frames of theirs still on the way are not shown.
  const leftRooms = new Set()
  // Per room, the message last marked read on the server, and whether a marking is due.
  const markedRead = {}
  const readDue = {}
  // Per room, when the user's typing was last told.
  const typingToldAt = {}

  const connection = connect({
    onFrame: handleFrame,
    onState: (connectionState) => {
      if (state.connection === 'open' && connectionState !== 'open') dropped()
      state.connection = connectionState
    },
    onReconnected: () => reconnected(),
  })

  // The rooms list as the server gave it: until then, whether the user is in a room is unknown.
  let roomsListed = Promise.resolve()

  /** The rooms list's entry of the room, if it is listed. */
  function listed(name) {
    return state.rooms.find((candidate) => candidate.room === name)
  }

  /**
   * The rooms list's entry of the room, listed now if it was not. unread: messages of others
   * not read yet; attention: how many of those call for the user (a mention, a direct message).
   */
  function room(name) {
    let entry = listed(name)
    if (!entry) {
      entry = { room: name, name: null, visibility: directById(name) ? 'direct' : 'public', lastMessageAt: null, unread: 0, attention: 0, member: false, peer: null }
      state.rooms.push(entry)
    }
    return entry
  }

  /** A room the server described (a RoomView) that the user is a member of. */
  function remember(view) {
    const entry = room(view.id ?? view.room)
    const shown = state.timelines[entry.room]
    if (shown?.missing) {
      // The user was looking at a room they could not see, and now may: show it.
      shown.missing = false
      if (!shown.loaded && !shown.loading) loadLatest(entry.room)
    }
    entry.name = view.name ?? null
    entry.visibility = view.visibility ?? 'public'
    entry.member = true
    // A direct room is listed with its two members: the other one is who it is with.
    if (view.memberList) {
      learnPresence(view.memberList)
      entry.peer = view.memberList.find((member) => member.id !== me) ?? null
    }
    return entry
  }

  function forget(name) {
    const index = state.rooms.findIndex((entry) => entry.room === name)
    if (index !== -1) state.rooms.splice(index, 1)
  }

  function timeline(name) {
    if (!state.timelines[name]) {
      // missing: the room does not exist, or the user may not see it; error: its history failed to load.
      state.timelines[name] = { messages: [], hasMore: false, loaded: false, loading: false, missing: false, error: null }
    }
    return state.timelines[name]
  }

  function outbox(name) {
    if (!state.outbox[name]) state.outbox[name] = []
    return state.outbox[name]
  }

  /** Connects and lists the user's rooms; showing one is selectRoom's. */
  async function start() {
    connection.start()
    roomsListed = loadRooms()
    await roomsListed
  }

  function stop() {
    connection.stop()
    cancelCatchUps()
    for (const name of Object.keys(gaps)) delete gaps[name]
    for (const name of Object.keys(changesSince)) delete changesSince[name]
  }

  /**
   * @param {string} [learning] a room first met in a live message: its count may not include
   *   that message yet (it is stored a moment after it is broadcast), so the higher one is kept
   */
  async function loadRooms(learning) {
    try {
      for (const listed of await api.rooms()) {
        const entry = remember(listed)
        entry.lastMessageAt = listed.lastMessageAt
        entry.lastReadId = listed.lastReadId ?? entry.lastReadId ?? null
        // The room being read when the list comes (the first one shown): what is new in it is known now.
        if (listed.room === state.currentRoom && listed.unread > 0 && !state.leftOff[listed.room]) {
          leftOffAt(listed.room, listed.unread, entry.lastReadId)
        }
        // The server counts for every device of the user; the room being read has none.
        if (typeof listed.unread === 'number') {
          entry.unread = reading(listed.room) ? 0
            : listed.room === learning ? Math.max(listed.unread, entry.unread) : listed.unread
          // Every message of a direct room calls for the user; mentions are counted as they come.
          entry.attention = entry.visibility === 'direct' ? entry.unread : Math.min(entry.attention, entry.unread)
        }
      }
    } catch (failure) {
      state.notice = `Rooms could not be loaded: ${failure.message}`
    }
  }

  function selectRoom(name) {
    if (name === state.currentRoom) return
    leftRooms.delete(name)
    const entry = room(name)
    if (state.currentRoom) delete state.leftOff[state.currentRoom]
    leftOffAt(name, entry.unread, entry.lastReadId)
    entry.unread = 0
    entry.attention = 0
    state.currentRoom = name
    const shown = timeline(name)
    if (!shown.loaded && !shown.loading) loadLatest(name)
    roomsListed.then(() => {
      if (!entry.member && !shown.missing && state.rooms.includes(entry)) join(name)
    })
    readSoon(name)
  }

  function leftOffAt(name, unread, lastReadId) {
    state.leftOff[name] = unread > 0 ? { after: lastReadId ?? null, unread } : null
  }

  /** Entering a public room the user is not in yet makes them a member, as posting to it would. */
  async function join(name) {
    try {
      await api.join(name, me)
      room(name).member = true
    } catch (failure) {
      if (failure.status === 404) {
        // No such room, or a private one: the same to the user, who may create it.
        timeline(name).missing = true
        forget(name)
      } else {
        state.notice = `Could not join ${name}: ${failure.message}`
      }
    }
  }

  /** Loads a room's history again after it failed. */
  function reload(name = state.currentRoom) {
    const shown = timeline(name)
    if (!shown.loading) loadLatest(name)
  }

  /** Leaves the room: it goes from the list, its messages stop coming, and general is shown. */
  async function leaveRoom(name) {
    try {
      await api.leave(name, me)
    } catch (failure) {
      state.notice = `Could not leave ${name}: ${failure.message}`
      return
    }
    leftRooms.add(name)
    forget(name)
    delete state.timelines[name]
    if (state.currentRoom === name) {
      state.currentRoom = null
      show('general')
    }
  }

  /**
   * Creates a room and shows it; a public room whose id is taken is joined and shown instead.
   * @returns {Promise<string|null>} what was wrong, for the form, or null
   */
  async function createRoom({ id, name = '', visibility = 'public', members = [] }) {
    const trimmed = id.trim()
    if (!ROOM_PATTERN.test(trimmed)) {
      return 'A room id is 1 to 40 lower-case letters, digits, "-" or "_", starting with a letter or digit.'
    }
    try {
      remember(await api.createRoom({ id: trimmed, name: name.trim(), visibility, members }))
    } catch (failure) {
      if (failure.status !== 409) return failure.message
      if (visibility !== 'public') return `A room called ${trimmed} exists already.`
      try {
        await api.join(trimmed, me)
      } catch {
        return `A room called ${trimmed} exists already.`
      }
      room(trimmed).member = true
    }
    show(trimmed)
    return null
  }

  /** Opens the direct room of the user and someone else, created on first use, and shows it. */
  async function openDirect(userId) {
    const entry = remember(await api.direct(userId))
    show(entry.room)
    return entry.room
  }

  /** One room with its members, whose being online is then known. */
  async function roomDetails(name) {
    const view = await api.room(name)
    learnPresence(view.memberList ?? [])
    return view
  }

  /** Whether each of a room's members (RoomView's memberList) is online, as the server said. */
  function learnPresence(memberList) {
    for (const member of memberList) state.online[member.id] = Boolean(member.online)
  }

  const isOnline = (userId) => Boolean(state.online[userId])
  /** Every public room, the user a member or not. */
  const publicRooms = () => api.publicRooms()
  /** Users who have signed in, by name or id prefix. */
  const findUsers = async (text) => (await api.users(text)).users
  /** Adds someone to a room the user is in (private rooms), or, for its creator, removes them. */
  const addMember = (name, userId) => api.join(name, userId)
  const removeMember = (name, userId) => api.leave(name, userId)

  /** Marks the room read up to its latest message, a moment from now, if the user is still in it. */
  function readSoon(name) {
    if (readDue[name]) return
    readDue[name] = true
    markReadLater(() => {
      delete readDue[name]
      markRead(name)
    })
  }

  /** The user says they have read the room (Esc): the count and the "new messages" line go now. */
  function markAllRead(name = state.currentRoom) {
    if (!name) return
    const entry = room(name)
    entry.unread = 0
    entry.attention = 0
    if (state.leftOff[name]) state.leftOff[name] = null
    markRead(name)
  }

  /**
   * The user can see the page again: what came to the room shown while they could not is read
   * now, marked where it begins.
   */
  function resumeReading() {
    const name = state.currentRoom
    const entry = name && listed(name)
    if (!entry || entry.unread === 0) return
    leftOffAt(name, entry.unread, entry.lastReadId)
    entry.unread = 0
    entry.attention = 0
    readSoon(name)
  }

  /** Whether the user is reading the room now: it is shown, and they can see it. */
  function reading(name) {
    return name === state.currentRoom && isVisible()
  }

  function markRead(name) {
    if (!reading(name)) return
    const latest = timeline(name).messages.at(-1)
    if (!latest?.id || markedRead[name] === latest.id) return
    markedRead[name] = latest.id
    api.markRead(name, latest.id).then(() => {
      const entry = listed(name)
      if (entry) entry.lastReadId = latest.id
    }, () => {
      // Not stored yet, or the server is away: the next message or visit marks it.
      if (markedRead[name] === latest.id) delete markedRead[name]
    })
  }

  async function loadLatest(name) {
    const entry = timeline(name)
    entry.loading = true
    entry.error = null
    try {
      // Messages received live before the room was opened are joined, not anchors: the whole
      // newest page comes in front of them.
      await catchUp(name, new Set())
      entry.loaded = true
    } catch (failure) {
      if (failure.status === 404) {
        entry.missing = true
        forget(name)
      } else {
        entry.error = `The messages of ${name} could not be loaded: ${failure.message}`
      }
    } finally {
      entry.loading = false
    }
  }

  /**
   * Fetches the newest pages back to one that holds an anchor (by default any message the
   * timeline has), and merges them in. @returns mergeLatest's result
   */
  async function catchUp(name, anchors = idsOf(timeline(name).messages)) {
    const entry = timeline(name)
    const pages = []
    let before
    let hasMore = false
    for (let i = 0; i < CATCH_UP_MAX_PAGES; i++) {
      const page = await api.history(name, { limit: entry.loaded ? CATCH_UP_PAGE : PAGE, before })
      pages.push(page.messages)
      hasMore = page.hasMore
      if (!entry.loaded || !page.hasMore || page.messages.length === 0 || overlaps(anchors, page.messages)) break
      before = page.messages[0].id
    }
    const merged = mergeLatest(entry.messages, pages, hasMore, anchors)
    entry.messages = merged.messages
    if (!entry.loaded || !merged.complete) entry.hasMore = hasMore
    for (const message of merged.messages) settle(message)
    return merged
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

  function loadedRooms() {
    return Object.keys(state.timelines).filter((name) => state.timelines[name].loaded)
  }

  /** The live stream has a gap from here on; catch-ups wait for the reconnect that will close it. */
  function dropped() {
    for (const name of loadedRooms()) markGap(name)
    cancelCatchUps()
  }

  // Kept if already marked: a gap left open by an earlier drop still starts there.
  function markGap(name) {
    gaps[name] ??= idsOf(timeline(name).messages)
    changesSince[name] ??= newestTime(timeline(name).messages)
  }

  /** The server's newest time in the messages, less the margin: its clock, not this device's. */
  function newestTime(messages) {
    let newest = null
    for (const message of messages) {
      for (const time of [message.timestamp, message.editedAt]) {
        if (time && (!newest || time > newest)) newest = time
      }
    }
    return newest && new Date(Date.parse(newest) - CHANGES_MARGIN_MS).toISOString()
  }

  /**
   * The changes the room's messages went through while the connection was down: asked for once,
   * since a change is stored before it is sent to anyone; a failure keeps it for the next try.
   */
  async function catchUpChanges(name) {
    const since = changesSince[name]
    if (!since) return
    const page = await api.history(name, { changedSince: since, limit: CATCH_UP_PAGE })
    const entry = timeline(name)
    for (const message of page.messages) entry.messages = applyChange(entry.messages, message)
    delete changesSince[name]
  }

  function cancelCatchUps() {
    for (const name of Object.keys(schedules)) delete schedules[name]
  }

  async function reconnected() {
    const started = loadedRooms().map(startCatchUps)
    await loadRooms()
    for (const schedule of started) await runCatchUp(schedule)
    // Their fate is unknown: sending again with the same clientMessageId is safe.
    for (const pending of Object.values(state.outbox).flat()) {
      if (pending.status === 'pending') transmit(pending)
    }
  }

  function startCatchUps(name) {
    markGap(name)
    schedules[name] = { room: name, followUps: 0 }
    return schedules[name]
  }

  /**
   * One catch-up of a schedule, then the next after a delay unless the room has caught up:
   * one follow-up at least, because messages missed while away are unknown to the client and
   * may not have been stored yet; more while history lacks a message the room received live,
   * since what was missed comes before it and is not stored yet either.
   */
  async function runCatchUp(schedule) {
    const name = schedule.room
    if (schedules[name] !== schedule) return
    const { merged, failure } = await catchUp(name, gaps[name]).then(
      async (result) => {
        await catchUpChanges(name)
        return { merged: result }
      },
      (error) => ({ failure: error }),
    )
    if (schedules[name] !== schedule) return
    if (failure) {
      showCatchUpNotice(name, `Missed messages of ${name} could not be loaded: ${failure.message}`)
    } else {
      clearCatchUpNotice(name)
      // The timeline now has all history up to its newest message; what is still missing comes later.
      gaps[name] = storedIds(merged)
    }
    if (merged?.unstored.length === 0 && schedule.followUps > 0) {
      delete schedules[name]
      delete gaps[name]
      return
    }
    // Given up: the gap, if any, stays marked for the next reconnect's catch-ups.
    if (schedule.followUps === FOLLOW_UP_DELAYS_MS.length) {
      delete schedules[name]
      return
    }
    const delay = FOLLOW_UP_DELAYS_MS[schedule.followUps]
    schedule.followUps += 1
    setTimer(() => runCatchUp(schedule), delay)
  }

  function showCatchUpNotice(name, text) {
    catchUpNotices[name] = text
    state.notice = text
  }

  function clearCatchUpNotice(name) {
    if (state.notice === catchUpNotices[name]) state.notice = null
    delete catchUpNotices[name]
  }

  /** One handler per type of frame the server sends; a type this app does not know is ignored. */
  const frameHandlers = {
    message({ message }) {
      if (leftRooms.has(message.room)) return
      // Someone added the user to a room, or wrote to them directly: the list tells what room it is.
      const learning = !listed(message.room)
      const entry = room(message.room)
      if (!entry.lastMessageAt || message.timestamp > entry.lastMessageAt) entry.lastMessageAt = message.timestamp
      const target = timeline(message.room)
      target.messages = appendLive(target.messages, message)
      if (reading(message.room)) {
        readSoon(message.room)
      } else if (message.sender?.id !== me) {
        entry.unread += 1
        if (needsMe(message, entry, me)) {
          entry.attention += 1
          onAttention(message, entry)
        }
      }
      if (learning) loadRooms(message.room)
      if (message.sender?.id) stopTyping(message.room, message.sender.id, true)
      settle(message)
    },
    typing({ room: name, user }) {
      if (!user?.id || user.id === me || leftRooms.has(name)) return
      state.typing[name] ??= {}
      state.typing[name][user.id] = { name: user.name, until: now() + TYPING_SHOWN_MS }
      setTimer(() => stopTyping(name, user.id), TYPING_SHOWN_MS)
    },
    presence({ user, status }) {
      if (user?.id) state.online[user.id] = status === 'online'
    },
    read({ room: name, messageId }) {
      // The user read the room on another device: what they have not read is what came after.
      markedRead[name] = messageId
      const entry = listed(name)
      if (!entry) return
      const unread = othersAfter(state.timelines[name]?.messages ?? [], messageId, me) ?? []
      entry.unread = unread.length
      entry.attention = unread.filter((message) => needsMe(message, entry, me)).length
      entry.lastReadId = messageId
    },
    'message.updated'({ message }) {
      if (leftRooms.has(message.room)) return
      const target = state.timelines[message.room]
      if (target) target.messages = applyChange(target.messages, message)
    },
    ack({ clientMessageId, id }) {
      const pending = findPending(clientMessageId)
      if (pending) {
        pending.status = 'sent'
        pending.id = id
      }
    },
    error({ clientMessageId, detail, retryAfterSeconds }) {
      const pending = clientMessageId ? findPending(clientMessageId) : null
      if (pending) {
        refused(pending, detail, retryAfterSeconds)
      } else {
        state.notice = detail
      }
    },
  }

  /** Stops showing the user as typing in the room: at once, or when their latest typing has had its time. */
  function stopTyping(name, userId, atOnce = false) {
    const typist = state.typing[name]?.[userId]
    if (typist && (atOnce || typist.until <= now())) delete state.typing[name][userId]
  }

  /** Tells the room's other members the user is typing there, at most every TYPING_EVERY_MS. */
  function typing(name = state.currentRoom) {
    if (!name) return
    const at = now()
    if (typingToldAt[name] !== undefined && at - typingToldAt[name] < TYPING_EVERY_MS) return
    if (connection.send({ type: 'typing', room: name })) typingToldAt[name] = at
  }

  function handleFrame(frame) {
    if (Object.hasOwn(frameHandlers, frame?.type)) frameHandlers[frame.type](frame)
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

  /** @param {{replyTo?: string}} [options] replyTo: the id of the room's message this one answers */
  function send(text, { replyTo } = {}) {
    const trimmed = text.trim()
    if (!trimmed || !state.currentRoom) return false
    if (trimmed.length > MAX_TEXT) {
      state.notice = `A message has at most ${MAX_TEXT} characters.`
      return false
    }
    const pending = reactive({
      clientMessageId: newId(), room: state.currentRoom, text: trimmed, replyTo: replyTo ?? null, status: 'pending', detail: null,
    })
    outbox(state.currentRoom).push(pending)
    transmit(pending)
    return true
  }

  function retry(pending) {
    pending.autoRetries = 0
    transmit(pending)
  }

  function transmit(pending) {
    pending.status = 'pending'
    pending.detail = null
    const frame = { type: 'send', room: pending.room, text: pending.text, clientMessageId: pending.clientMessageId }
    if (pending.replyTo) frame.replyTo = pending.replyTo
    if (connection.send(frame)) {
      setTimer(() => {
        if (pending.status === 'pending' && state.connection === 'open') {
          pending.status = 'failed'
          pending.detail = 'The server did not confirm the message in time.'
        }
      }, ACK_TIMEOUT_MS)
      return
    }
    api.postMessage(pending.room, pending.text, pending.clientMessageId, pending.replyTo ?? undefined).then((message) => {
      pending.status = 'sent'
      pending.id = message.id
      const target = timeline(message.room)
      target.messages = appendLive(target.messages, message)
      settle(message)
    }, (failure) => refused(pending, failure.message, failure.retryAfterSeconds))
  }

  /**
   * The server did not take the message. When it said how long to wait (429: sending too fast;
   * 503: not durable right now), it is sent again after that wait, with the same
   * clientMessageId, a few times; otherwise, or after that, it is failed and the user may retry.
   */
  function refused(pending, detail, retryAfterSeconds) {
    pending.autoRetries = pending.autoRetries ?? 0
    if (retryAfterSeconds == null || pending.autoRetries >= MAX_AUTO_RETRIES) {
      pending.status = 'failed'
      pending.detail = detail
      return
    }
    pending.autoRetries += 1
    pending.status = 'waiting'
    pending.detail = `${detail} Sending again in ${retryAfterSeconds} s.`
    setTimer(() => {
      if (pending.status === 'waiting') transmit(pending)
    }, retryAfterSeconds * 1000)
  }

  /** A change the server refused (not the sender's, deleted meanwhile, …) is said in the notice. */
  async function change(what, request) {
    try {
      return await request()
    } catch (failure) {
      state.notice = `Could not ${what}: ${failure.message}`
      return null
    }
  }

  /** The user's new text for a message of theirs. @returns whether it was changed */
  async function editMessage(message, text) {
    const trimmed = text.trim()
    if (!trimmed) return false
    if (trimmed === message.text) return true
    const changed = await change('edit the message', () => api.editMessage(message.id, trimmed))
    if (changed) {
      const target = timeline(changed.room)
      target.messages = applyChange(target.messages, changed)
    }
    return changed !== null
  }

  /** Deletes a message of the user's; history keeps that there was one. */
  const deleteMessage = (message) => change('delete the message', () => api.deleteMessage(message.id))

  /** Puts the user's emoji on the message, or takes it off when it is there. */
  function toggleReaction(message, emoji) {
    const mine = (message.reactions ?? []).some((reaction) => reaction.emoji === emoji && reaction.users.includes(me))
    return change(mine ? 'take the reaction off' : 'react', () => api.react(message.id, emoji, !mine))
  }

  return {
    me, myName, state, listed, editMessage, deleteMessage, toggleReaction, start, stop, selectRoom, reload, createRoom, openDirect, leaveRoom, loadOlder, send, retry,
    roomDetails, publicRooms, findUsers, addMember, removeMember, connection, typing, isOnline, markAllRead, resumeReading,
  }
}
