// How the conversation shows time: the time of day on each message, the full date on hover, and
// a separator where a new day begins, in the reader's own time zone and language.

/** The local calendar day of a timestamp, as a key: 2026-11-28. */
export function dayOf(timestamp) {
  const date = new Date(timestamp)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

/** "Today", "Yesterday", or the weekday and full date. */
export function dayLabel(timestamp, now = new Date()) {
  const day = dayOf(timestamp)
  if (day === dayOf(now)) return 'Today'
  const yesterday = new Date(now)
  yesterday.setDate(now.getDate() - 1)
  if (day === dayOf(yesterday)) return 'Yesterday'
  return new Date(timestamp).toLocaleDateString([], { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' })
}

export function timeOfDay(timestamp) {
  return new Date(timestamp).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
}

export function fullDate(timestamp) {
  return new Date(timestamp).toLocaleString([], { dateStyle: 'full', timeStyle: 'medium' })
}

/**
 * The messages with a separator before the first message of each day.
 * @returns {Array<{day: string, label: string} | {message: object}>}
 */
export function withDaySeparators(messages, now = new Date()) {
  const rows = []
  let previous = null
  for (const message of messages) {
    const day = dayOf(message.timestamp)
    if (day !== previous) rows.push({ day, label: dayLabel(message.timestamp, now) })
    previous = day
    rows.push({ message })
  }
  return rows
}
