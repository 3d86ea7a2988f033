import { describe, expect, it } from 'vitest'
import { needsMe, notificationOf, pageTitle } from './attention.js'

const general = { room: 'general', visibility: 'public' }
const direct = { room: 'dm-0123', name: 'Alice, Bob', visibility: 'direct' }
const from = (id, extra = {}) => ({ id: `m-${id}`, room: 'general', sender: { id, name: id[0].toUpperCase() + id.slice(1) }, text: 'hi', ...extra })

describe('needsMe', () => {
  it('is a mention of the user or anything in a direct room, from someone else', () => {
    expect(needsMe(from('alice', { mentions: ['bob'] }), general, 'bob')).toBe(true)
    expect(needsMe(from('alice', { mentions: ['carol'] }), general, 'bob')).toBe(false)
    expect(needsMe(from('alice'), general, 'bob')).toBe(false)
    expect(needsMe(from('alice'), direct, 'bob')).toBe(true)
  })

  it('is never the user\'s own message, nor a deleted one', () => {
    expect(needsMe(from('bob'), direct, 'bob')).toBe(false)
    expect(needsMe(from('alice', { mentions: ['bob'], deleted: true }), general, 'bob')).toBe(false)
  })
})

describe('pageTitle', () => {
  it('counts what calls for the user in front of the name, and only then', () => {
    expect(pageTitle(0)).toBe('Chat')
    expect(pageTitle(3)).toBe('(3) Chat')
  })
})

describe('notificationOf', () => {
  it('names the sender, and the room unless it is a direct one; one notification per room', () => {
    expect(notificationOf(from('alice', { text: 'look  at\nthis' }), general, 'Bob'))
      .toEqual({ title: 'Alice in # general', body: 'look at this', tag: 'chat-room-general' })
    expect(notificationOf(from('alice'), direct, 'Bob')).toMatchObject({ title: 'Alice', tag: 'chat-room-dm-0123' })
  })

  it('shortens a long message', () => {
    const { body } = notificationOf(from('alice', { text: 'x'.repeat(500) }), general, 'Bob')
    expect(body).toHaveLength(140)
    expect(body.endsWith('…')).toBe(true)
  })
})
