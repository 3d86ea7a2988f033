// The chat's REST API, with the signed-in user's bearer token on every call.

export class ApiError extends Error {
  /** @param {number|null} retryAfterSeconds the server's Retry-After, when it sent one */
  constructor(status, problem, retryAfterSeconds = null) {
    super(problem?.detail || `HTTP ${status}`)
    this.status = status
    this.problem = problem
    this.retryAfterSeconds = retryAfterSeconds
  }

  /** Worth trying again later: the server or a dependency was unavailable, or the network failed. */
  get retryable() {
    return this.status === 0 || this.status === 429 || this.status >= 500
  }
}

/**
 * @param {string} baseUrl e.g. "/api" or "https://chat.example.com/api"
 * @param {() => Promise<string|null>} getToken the current access token
 */
export function createApi(baseUrl, getToken, fetchImpl = (...args) => globalThis.fetch(...args)) {
  async function call(method, path, { query, body } = {}) {
    const url = new URL(baseUrl + path, globalThis.location?.href ?? 'http://localhost/')
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(key, value)
    }
    const headers = { Accept: 'application/json' }
    const token = await getToken()
    if (token) headers.Authorization = `Bearer ${token}`
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    let response
    try {
      response = await fetchImpl(url.toString(), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch (networkFailure) {
      throw new ApiError(0, { detail: `The server cannot be reached (${networkFailure.message})` })
    }
    const text = await response.text()
    const json = text ? safeParse(text) : null
    if (!response.ok) throw new ApiError(response.status, json, retryAfter(response.headers?.get?.('Retry-After')))
    return json
  }

  return {
    postMessage: (room, text, clientMessageId, replyTo) =>
      call('POST', '/messages', { body: { room, text, clientMessageId, replyTo } }),
    /** A page of history: before an id (older), after one, or the messages changed since a time. */
    history: (room, { limit, before, after, changedSince } = {}) =>
      call('GET', '/messages', { query: { room, limit, before, after, changedSince } }),
    /** The sender's new text; answers the message's new state. */
    editMessage: (id, text) => call('PATCH', `/messages/${encodeURIComponent(id)}`, { body: { text } }),
    deleteMessage: (id) => call('DELETE', `/messages/${encodeURIComponent(id)}`),
    /** Puts the caller's emoji on a message (on) or takes it off. */
    react: (id, emoji, on) => call(on ? 'PUT' : 'DELETE', `/messages/${encodeURIComponent(id)}/reactions/${encodeURIComponent(emoji)}`),
    rooms: () => call('GET', '/rooms'),
    /** Every public room, the caller a member or not. */
    publicRooms: () => call('GET', '/rooms', { query: { scope: 'public' } }),
    /** One room the caller can see, with its members. */
    room: (id) => call('GET', `/rooms/${encodeURIComponent(id)}`),
    /** A room of that id, public or private, with its first members; 409 when a room has the id already. */
    createRoom: ({ id, name, visibility = 'public', members = [] }) =>
      call('POST', '/rooms', { body: { id, name: name || undefined, visibility, members } }),
    /** The direct room of the caller and that user, created on first use. */
    direct: (userId) => call('POST', '/direct', { body: { userId } }),
    /** Users who have signed in whose name or id begins with the text. */
    users: (q) => call('GET', '/users', { query: { q } }),
    /** Joins a public room (the caller), or adds someone to a private room the caller is in. */
    join: (room, userId) => call('PUT', `/rooms/${encodeURIComponent(room)}/members/${encodeURIComponent(userId)}`),
    leave: (room, userId) => call('DELETE', `/rooms/${encodeURIComponent(room)}/members/${encodeURIComponent(userId)}`),
    markRead: (room, messageId) => call('PUT', `/rooms/${encodeURIComponent(room)}/read`, { body: { messageId } }),
    ticket: () => call('POST', '/ws-ticket'),
  }
}

/** Retry-After in seconds; the HTTP-date form is not used by this server. */
function retryAfter(header) {
  const seconds = Number.parseInt(header ?? '', 10)
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null
}

function safeParse(text) {
  try {
    return JSON.parse(text)
  } catch {
    return { detail: text.slice(0, 200) }
  }
}
