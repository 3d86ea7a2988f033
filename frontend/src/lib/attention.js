// What calls for the user, and how they are told of it: a message of someone else's that
// mentions them, or any in a direct room.
import { isDirect, roomLabel } from './rooms.js'

const BODY_MAX = 140

/** Whether the message, in the room (a rooms list entry), is one the user should be told of. */
export function needsMe(message, entry, me) {
  if (!message || message.sender?.id === me || message.deleted) return false
  return isDirect(entry) || (message.mentions ?? []).includes(me)
}

/** The page's title with how many messages call for the user: "(3) Chat". */
export function pageTitle(count, base = 'Chat') {
  return count > 0 ? `(${count}) ${base}` : base
}

/**
 * A browser notification's title, body and tag for the message: one per room (tag), a later
 * message of the room taking the place of the one before.
 */
export function notificationOf(message, entry, myName) {
  const sender = message.sender?.name || message.sender?.id || 'Someone'
  const text = (message.text ?? '').replace(/\s+/g, ' ').trim()
  return {
    title: isDirect(entry) ? sender : `${sender} in ${roomLabel(entry, myName)}`,
    body: text.length > BODY_MAX ? `${text.slice(0, BODY_MAX - 1)}…` : text,
    tag: `chat-room-${entry.room}`,
  }
}
