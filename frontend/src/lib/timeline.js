// A room's messages in the server's order (the order history returns and every client
// receives), merged from live frames and history pages by id: never a duplicate, never a gap.

/** Appends a live message unless the timeline already has it. */
export function appendLive(messages, message) {
  if (messages.some((known) => known.id === message.id)) return messages
  return [...messages, message]
}

/** Puts an older history page (oldest first) in front of the timeline. */
export function prependOlder(messages, page) {
  const known = new Set(messages.map((message) => message.id))
  return [...page.filter((message) => !known.has(message.id)), ...messages]
}

/**
 * Merges the newest messages, fetched after a reconnect, into the timeline.
 * `pages` are the newest pages, newest page first, each oldest first, fetched until one
 * overlaps the timeline or history ran out (`hasMore` is that of the last page fetched).
 *
 * From the first message both have on, the server's pages are the truth. Messages the
 * timeline has past that point but history lacks were received live and are not stored yet:
 * they are newer than everything stored, so they stay at the end.
 *
 * @returns {{messages: object[], complete: boolean}} complete is false when nothing overlapped
 *   although older history exists: the timeline then restarts at the fetched pages (older
 *   messages can be loaded again by scrolling up), because what lay between is unknown
 */
export function mergeLatest(messages, pages, hasMore) {
  const fetched = pages.slice().reverse().flat()
  if (fetched.length === 0) return { messages, complete: true }
  const fetchedIds = new Set(fetched.map((message) => message.id))
  const position = new Map(messages.map((message, index) => [message.id, index]))
  const firstOverlap = fetched.findIndex((message) => position.has(message.id))

  if (firstOverlap !== -1) {
    const overlapAt = position.get(fetched[firstOverlap].id)
    const unstored = messages.slice(overlapAt).filter((message) => !fetchedIds.has(message.id))
    return { messages: [...messages.slice(0, overlapAt), ...fetched.slice(firstOverlap), ...unstored], complete: true }
  }
  const newest = fetched[fetched.length - 1].timestamp
  const unstored = messages.filter((message) => !fetchedIds.has(message.id) && message.timestamp > newest)
  if (!hasMore) {
    // The pages are the room's whole history: every message the timeline has is in them or unstored.
    return { messages: [...fetched, ...unstored], complete: true }
  }
  return { messages: [...fetched, ...unstored], complete: messages.length === unstored.length }
}

/** Whether a page overlaps the timeline, so no older page is needed to close the gap. */
export function overlaps(messages, page) {
  const known = new Set(messages.map((message) => message.id))
  return page.some((message) => known.has(message.id))
}
