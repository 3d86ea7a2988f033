import { describe, expect, it, vi } from 'vitest'
import { ApiError, createApi } from './api.js'

function respond(status, body) {
  return vi.fn(async () => ({ ok: status < 300, status, text: async () => (body === undefined ? '' : JSON.stringify(body)) }))
}

describe('createApi', () => {
  it('sends the bearer token and the body as JSON', async () => {
    const fetch = respond(202, { id: 'm-1' })
    const api = createApi('https://chat.test/api', async () => 'token-1', fetch)
    expect(await api.postMessage('general', 'hi', 'c-1')).toEqual({ id: 'm-1' })
    const [url, init] = fetch.mock.calls[0]
    expect(url).toBe('https://chat.test/api/messages')
    expect(init.method).toBe('POST')
    expect(init.headers.Authorization).toBe('Bearer token-1')
    expect(JSON.parse(init.body)).toEqual({ room: 'general', text: 'hi', clientMessageId: 'c-1' })
  })

  it('puts history parameters in the query, leaving out what is not set', async () => {
    const fetch = respond(200, { messages: [], hasMore: false })
    await createApi('https://chat.test/api', async () => 't', fetch).history('general', { limit: 50 })
    expect(fetch.mock.calls[0][0]).toBe('https://chat.test/api/messages?room=general&limit=50')
  })

  it('edits with PATCH, reacts with PUT and DELETE on the emoji, and catches up by cursor or time', async () => {
    const fetch = respond(200, { id: 'm-1', version: 2 })
    const api = createApi('https://chat.test/api', async () => 't', fetch)
    await api.editMessage('m-1', 'fixed')
    await api.react('m-1', '👍', true)
    await api.react('m-1', '👍', false)
    await api.deleteMessage('m-1')
    await api.history('general', { changedSince: '2026-11-24T10:00:00.000Z' })
    const calls = fetch.mock.calls.map(([url, init]) => `${init.method} ${url}`)
    expect(calls).toEqual([
      'PATCH https://chat.test/api/messages/m-1',
      'PUT https://chat.test/api/messages/m-1/reactions/%F0%9F%91%8D',
      'DELETE https://chat.test/api/messages/m-1/reactions/%F0%9F%91%8D',
      'DELETE https://chat.test/api/messages/m-1',
      'GET https://chat.test/api/messages?room=general&changedSince=2026-11-24T10%3A00%3A00.000Z',
    ])
    expect(JSON.parse(fetch.mock.calls[0][1].body)).toEqual({ text: 'fixed' })
  })

  it('turns a problem detail into an error that keeps it', async () => {
    const problem = { status: 400, detail: 'room: must match', errors: [{ field: 'room' }] }
    const api = createApi('https://chat.test/api', async () => 't', respond(400, problem))
    const failure = await api.postMessage('Bad', 'hi').catch((error) => error)
    expect(failure).toBeInstanceOf(ApiError)
    expect(failure.message).toBe('room: must match')
    expect(failure.problem.errors[0].field).toBe('room')
    expect(failure.retryable).toBe(false)
  })

  it('calls a failed network or a 503 retryable', async () => {
    const offline = createApi('https://chat.test/api', async () => 't', vi.fn(async () => { throw new TypeError('Failed to fetch') }))
    const failure = await offline.rooms().catch((error) => error)
    expect(failure.status).toBe(0)
    expect(failure.retryable).toBe(true)
    const unavailable = createApi('https://chat.test/api', async () => 't', respond(503, { detail: 'not durable' }))
    expect((await unavailable.rooms().catch((error) => error)).retryable).toBe(true)
  })

  it('keeps the Retry-After of a 429, so the message can be sent again after that wait', async () => {
    const fetch = vi.fn(async () => ({
      ok: false, status: 429, headers: new Headers({ 'Retry-After': '4' }),
      text: async () => JSON.stringify({ status: 429, detail: 'Too many messages' }),
    }))
    const failure = await createApi('https://chat.test/api', async () => 't', fetch).postMessage('general', 'hi', 'c-1')
      .catch((error) => error)
    expect(failure.status).toBe(429)
    expect(failure.retryAfterSeconds).toBe(4)
    expect(failure.retryable).toBe(true)
  })

  it('asks for rooms, users and direct rooms as the contract names them', async () => {
    const fetch = respond(200, [])
    const api = createApi('https://chat.test/api', async () => 't', fetch)
    await api.publicRooms()
    await api.users('al')
    await api.room('design team')
    await api.direct('bob')
    await api.createRoom({ id: 'design', visibility: 'private', members: ['bob'] })
    expect(fetch.mock.calls.map(([url, init]) => `${init.method} ${url}`)).toEqual([
      'GET https://chat.test/api/rooms?scope=public',
      'GET https://chat.test/api/users?q=al',
      'GET https://chat.test/api/rooms/design%20team',
      'POST https://chat.test/api/direct',
      'POST https://chat.test/api/rooms',
    ])
    expect(JSON.parse(fetch.mock.calls[3][1].body)).toEqual({ userId: 'bob' })
    // No name: the server names the room after its id.
    expect(JSON.parse(fetch.mock.calls[4][1].body)).toEqual({ id: 'design', visibility: 'private', members: ['bob'] })
  })
})

