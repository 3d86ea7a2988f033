// How a room is named to the user.

/**
 * A direct room is named after the other person in it (the server names it after both); any
 * other room by its id.
 */
export function roomLabel(entry, myName) {
  if (entry?.visibility !== 'direct') return `# ${entry?.room ?? entry?.id ?? ''}`
  const names = (entry.name ?? '').split(', ')
  const others = names.filter((name) => name !== myName)
  return others.length > 0 && others.length < names.length ? others.join(', ') : (entry.name ?? entry.room)
}

export const isDirect = (entry) => entry?.visibility === 'direct'

/** Direct rooms' ids, and only theirs, begin with "dm-": a room known only by its id is direct or not by it. */
export const directById = (id) => id.startsWith('dm-')
