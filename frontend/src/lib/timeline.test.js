import { describe, expect, it } from 'vitest'
import { appendLive, mergeLatest, overlaps, prependOlder } from './timeline.js'

const m = (id, timestamp = `2026-11-24T10:00:0${id}.000Z`) => ({ id: String(id), timestamp })
const ids = (messages) => messages.map((message) => message.id)

describe('appendLive', () => {
  it('appends a new message and ignores one it has', () => {
    expect(ids(appendLive([m(1)], m(2)))).toEqual(['1', '2'])
    const list = [m(1), m(2)]
    expect(appendLive(list, m(1))).toBe(list)
  })
})

describe('prependOlder', () => {
  it('puts an older page in front, without duplicates', () => {
    expect(ids(prependOlder([m(3), m(4)], [m(1), m(2), m(3)]))).toEqual(['1', '2', '3', '4'])
  })
})

describe('mergeLatest', () => {
  it('fills the gap left by a dropped connection, in the server order', () => {
    const result = mergeLatest([m(1), m(2)], [[m(2), m(3), m(4), m(5)]], true)
    expect(ids(result.messages)).toEqual(['1', '2', '3', '4', '5'])
    expect(result.complete).toBe(true)
  })

  it('walks back through several pages until they meet the timeline', () => {
    const result = mergeLatest([m(1), m(2)], [[m(5), m(6)], [m(3), m(4)], [m(2)]], true)
    expect(ids(result.messages)).toEqual(['1', '2', '3', '4', '5', '6'])
  })

  it('keeps messages received live that are not stored yet at the end', () => {
    const result = mergeLatest([m(1), m(2), m(4)], [[m(1), m(2), m(3)]], false)
    expect(ids(result.messages)).toEqual(['1', '2', '3', '4'])
  })

  it('takes the server order where the two differ', () => {
    expect(ids(mergeLatest([m(1), m(3), m(2)], [[m(1), m(2), m(3)]], false).messages)).toEqual(['1', '2', '3'])
  })

  it('loads an empty timeline', () => {
    const result = mergeLatest([], [[m(1), m(2)]], true)
    expect(ids(result.messages)).toEqual(['1', '2'])
    expect(result.complete).toBe(true)
  })

  it('adds the whole history when it is all there is', () => {
    expect(ids(mergeLatest([m(9, '2026-11-24T10:00:09.000Z')], [[m(1), m(2)]], false).messages)).toEqual(['1', '2', '9'])
  })

  it('says when nothing overlapped although older history exists', () => {
    const result = mergeLatest([m(1)], [[m(5), m(6)]], true)
    expect(ids(result.messages)).toEqual(['5', '6'])
    expect(result.complete).toBe(false)
  })

  it('leaves the timeline alone when the room has no history', () => {
    const list = [m(1)]
    expect(mergeLatest(list, [[]], false).messages).toBe(list)
  })
})

describe('overlaps', () => {
  it('is true when a page shares a message with the timeline', () => {
    expect(overlaps([m(1), m(2)], [m(2), m(3)])).toBe(true)
    expect(overlaps([m(1)], [m(2)])).toBe(false)
  })
})
