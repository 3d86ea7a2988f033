import { describe, expect, it } from 'vitest'
import { appendLive, applyChange, firstNewId, idsOf, mergeLatest, overlaps, prependOlder, storedIds } from './timeline.js'

const m = (id, timestamp = `2026-11-24T10:00:0${id}.000Z`) => ({ id: String(id), timestamp })
const ids = (messages) => messages.map((message) => message.id)

describe('appendLive', () => {
  it('appends a new message and ignores one it has', () => {
    expect(ids(appendLive([m(1)], m(2)))).toEqual(['1', '2'])
    const list = [m(1), m(2)]
    expect(appendLive(list, m(1))).toBe(list)
  })
})

describe('applyChange', () => {
  const v = (id, version, text) => ({ ...m(id), version, text })

  it('keeps the highest version of each message, whatever order the states come in', () => {
    let list = [v(1, 1, 'helo'), v(2, 1, 'there')]
    list = applyChange(list, v(1, 3, 'hello!'))
    list = applyChange(list, v(1, 2, 'hello'))
    list = applyChange(list, v(1, 3, 'hello!'))
    expect(list.map((message) => message.text)).toEqual(['hello!', 'there'])
    expect(applyChange(list, v(9, 2, 'not here'))).toBe(list)
  })

  it('lets a live frame of a later state replace the one held, and a page never go back', () => {
    const list = appendLive([v(1, 1, 'helo')], v(1, 2, 'hello'))
    expect(list[0].text).toBe('hello')
    const merged = mergeLatest(list, [[v(1, 1, 'helo'), v(2, 1, 'new')]], false)
    expect(merged.messages.map((message) => message.text)).toEqual(['hello', 'new'])
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

  it('keeps messages received live that are not stored yet at the end, and names them', () => {
    const result = mergeLatest([m(1), m(2), m(4)], [[m(1), m(2), m(3)]], false)
    expect(ids(result.messages)).toEqual(['1', '2', '3', '4'])
    expect(ids(result.unstored)).toEqual(['4'])
  })

  it('names no unstored message once history holds all the timeline has', () => {
    expect(mergeLatest([m(1), m(2), m(4)], [[m(1), m(2), m(3), m(4)]], false).unstored).toEqual([])
  })

  it('puts a missed message that was stored late before newer live ones, once each', () => {
    // 3 was broadcast while the client was away and stored after it came back; 4 and 5 came live.
    const timeline = [m(1), m(2), m(4), m(5)]
    const first = mergeLatest(timeline, [[m(1), m(2)]], false, idsOf([m(1), m(2)]))
    expect(ids(first.messages)).toEqual(['1', '2', '4', '5'])
    expect(ids(first.unstored)).toEqual(['4', '5'])

    const second = mergeLatest(first.messages, [[m(1), m(2), m(3), m(4), m(5)]], false, storedIds(first))
    expect(ids(second.messages)).toEqual(['1', '2', '3', '4', '5'])
    expect(second.unstored).toEqual([])
  })

  it('joins only at an anchor, not at a message received live that missed ones precede', () => {
    // The pages did not reach back to 2, where the client's gap began: what lay between is unknown.
    const result = mergeLatest([m(1), m(2), m(5)], [[m(3), m(4), m(5)]], true, idsOf([m(1), m(2)]))
    expect(ids(result.messages)).toEqual(['3', '4', '5'])
    expect(result.complete).toBe(false)
  })

  it('never shows a message twice, even where the timeline\'s order differs before the join', () => {
    const result = mergeLatest([m(3), m(1), m(2)], [[m(1), m(2), m(3)]], false, idsOf([m(1)]))
    expect(ids(result.messages)).toEqual(['1', '2', '3'])
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

  it('leaves the timeline alone when the room has no history, all of it unstored', () => {
    const list = [m(1)]
    const result = mergeLatest(list, [[]], false)
    expect(result.messages).toBe(list)
    expect(ids(result.unstored)).toEqual(['1'])
  })
})

describe('overlaps', () => {
  it('is true when a page holds one of the anchors', () => {
    expect(overlaps(idsOf([m(1), m(2)]), [m(2), m(3)])).toBe(true)
    expect(overlaps(idsOf([m(1)]), [m(2)])).toBe(false)
  })
})

describe('storedIds', () => {
  it('names the merged messages that history holds', () => {
    const merged = mergeLatest([m(1), m(2), m(4)], [[m(1), m(2), m(3)]], false)
    expect([...storedIds(merged)]).toEqual(['1', '2', '3'])
  })
})

describe('firstNewId', () => {
  const from = (id, sender) => ({ ...m(id), sender: { id: sender } })
  const messages = [from(1, 'bob'), from(2, 'alice'), from(3, 'alice'), from(4, 'bob'), from(5, 'carol')]

  it('starts after the message read up to, at the first one of others', () => {
    expect(firstNewId(messages, { after: '2', unread: 2 }, 'alice')).toBe('4')
    expect(firstNewId(messages, { after: '5', unread: 0 }, 'alice')).toBeNull()
  })

  it('counts back from the end when the message read up to is not held', () => {
    expect(firstNewId(messages, { after: 'older', unread: 2 }, 'alice')).toBe('4')
    expect(firstNewId(messages, { after: null, unread: 9 }, 'alice')).toBe('1')
  })

  it('draws no line when nothing is new', () => {
    expect(firstNewId(messages, null, 'alice')).toBeNull()
    expect(firstNewId([], { after: null, unread: 3 }, 'alice')).toBeNull()
  })
})
