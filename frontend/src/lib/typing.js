// How the people typing in a room are told: by name while they are few, then by number.

/** @param {string[]} names @returns {string} empty when nobody is typing */
export function typingText(names) {
  if (names.length === 0) return ''
  if (names.length === 1) return `${names[0]} is typing…`
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`
  return `${names.length} people are typing…`
}
