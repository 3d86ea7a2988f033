// A room's messages in the server's order (the order history returns and every client
// receives), merged from live frames and history pages by id: never a duplicate, never a gap.
// A message changes by whole new states, each with a higher version; of two states of one
// message the timeline keeps the higher, so duplicated or reordered changes are harmless.

const versionOf = (message) => message.version ?? 1

/** Of two states of one message, the later. */
export function later(one, other) {
  return versionOf(other) > versionOf(one) ? other : one
}

/** Appends a live message unless the timeline already has it (a later state of it replaces the one it has). */
export function appendLive(messages, message) {
  if (messages.some((known) => known.id === message.id)) return applyChange(messages, message)
  return [...messages, message]
}

/** A message's new state, where the timeline has the message; an older state changes nothing. */
export function applyChange(messages, message) {
  const index = messages.findIndex((known) => known.id === message.id)
  if (index === -1 || later(messages[index], message) !== message) return messages
  return messages.with(index, message)
}

/** Puts an older history page (oldest first) in front of the timeline. */
export function prependOlder(messages, page) {
  const known = new Set(messages.map((message) => message.id))
  return [...page.filter((message) => !known.has(message.id)), ...messages]
}

/**
 * Merges the newest messages, fetched after a reconnect, into the timeline.
 * `pages` are the newest pages, newest page first, each oldest first, fetched until one
 * holds an anchor or history ran out (`hasMore` is that of the last page fetched).
 *
 * `anchors` are the ids of the timeline's messages the pages may be joined at (by default
 * all of them); after a reconnect, those the timeline held when the connection dropped.
 * A message received live since then may come after messages that are not stored yet, so
 * joining the pages there would skip those.
 *
 * From the first anchor both have on, the server's pages are the truth. Messages the
 * timeline has past that point but history lacks were received live and are not stored yet:
 * they are newer than everything stored, so they stay at the end.
 *
 * @returns {{messages: object[], complete: boolean, unstored: object[]}} complete is false
 *   when no anchor was met although older history exists: the timeline then restarts at the
 *   fetched pages (older messages can be loaded again by scrolling up), because what lay
 *   between is unknown. unstored are the timeline's messages that history lacks: while there
 *   are any, history has not caught up with what the client received live
 */
export function mergeLatest(messages, pages, hasMore, anchors = idsOf(messages)) {
  const held = new Map(messages.map((message) => [message.id, message]))
  // A state received live may be newer than the page's, which was read a moment before.
  const fetched = pages.slice().reverse().flat().map((message) => (held.has(message.id) ? later(message, held.get(message.id)) : message))
  if (fetched.length === 0) return { messages, complete: true, unstored: messages }
  const fetchedIds = new Set(fetched.map((message) => message.id))
  const position = new Map(messages.map((message, index) => [message.id, index]))
  const joinAt = fetched.findIndex((message) => anchors.has(message.id) && position.has(message.id))

  if (joinAt !== -1) {
    const anchorAt = position.get(fetched[joinAt].id)
    // Filtered too, so that a timeline whose order differs from the server's cannot end up with a message twice.
    const older = messages.slice(0, anchorAt).filter((message) => !fetchedIds.has(message.id))
    const unstored = messages.slice(anchorAt).filter((message) => !fetchedIds.has(message.id))
    return { messages: [...older, ...fetched.slice(joinAt), ...unstored], complete: true, unstored }
  }
  const newest = fetched[fetched.length - 1].timestamp
  const unstored = messages.filter((message) => !fetchedIds.has(message.id) && message.timestamp > newest)
  if (!hasMore) {
    // The pages are the room's whole history: every message the timeline has is in them or unstored.
    return { messages: [...fetched, ...unstored], complete: true, unstored }
  }
  return { messages: [...fetched, ...unstored], complete: messages.length === unstored.length, unstored }
}

/** Whether a page holds one of the anchors (ids), so no older page is needed to close the gap. */
export function overlaps(anchors, page) {
  return page.some((message) => anchors.has(message.id))
}

/** The ids of a merge's messages that history holds: a later merge can be joined there. */
export function storedIds({ messages, unstored }) {
  const pending = idsOf(unstored)
  return idsOf(messages.filter((message) => !pending.has(message.id)))
}

/** The ids of some messages, to look them up. */
export function idsOf(messages) {
  return new Set(messages.map((message) => message.id))
}

/**
 * The messages of others after the one the user read up to, or null when these messages do
 * not include that one.
 */
export function othersAfter(messages, readUpTo, me) {
  const index = readUpTo ? messages.findIndex((message) => message.id === readUpTo) : -1
  return index === -1 ? null : messages.slice(index + 1).filter((message) => message.sender?.id !== me)
}

/**
 * The first message that is new to the user, where a "new messages" line goes: the first of
 * others after the one they had read up to, or, when this client does not hold that one, the
 * earliest of the last `unread` messages of others.
 * @param {{after: string|null, unread: number}|null|undefined} leftOff
 * @returns {string|null} its id, or null when nothing is new
 */
export function firstNewId(messages, leftOff, me) {
  if (!leftOff) return null
  const after = othersAfter(messages, leftOff.after, me)
  if (after) return after[0]?.id ?? null
  const others = messages.filter((message) => message.sender?.id !== me)
  return others.length === 0 ? null : others[Math.max(0, others.length - leftOff.unread)].id
}
