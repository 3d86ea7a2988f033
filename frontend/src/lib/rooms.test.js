import { describe, expect, it } from 'vitest'
import { roomLabel } from './rooms.js'

describe('roomLabel', () => {
  it('names a room by its id', () => {
    expect(roomLabel({ room: 'design', name: 'Design team', visibility: 'private' }, 'Alice')).toBe('# design')
  })

  it('names a direct room after the other person', () => {
    expect(roomLabel({ room: 'dm-1', name: 'Alice Liddell, Bob Builder', visibility: 'direct' }, 'Bob Builder')).toBe('Alice Liddell')
    expect(roomLabel({ room: 'dm-1', name: 'Alice Liddell, Bob Builder', visibility: 'direct' }, 'Alice Liddell')).toBe('Bob Builder')
  })

  it('keeps the whole name when it cannot tell who the other is', () => {
    expect(roomLabel({ room: 'dm-1', name: 'Alice, Bob', visibility: 'direct' }, 'Carol')).toBe('Alice, Bob')
    expect(roomLabel({ room: 'dm-1', name: null, visibility: 'direct' }, 'Carol')).toBe('dm-1')
  })
})
