import { beforeEach, describe, expect, it, vi } from 'vitest'
import { backoffDelay, ChatConnection } from './socket.js'

class FakeSocket {
  static instances = []

  constructor(url) {
    this.url = url
    this.sent = []
    FakeSocket.instances.push(this)
  }

  send(data) {
    this.sent.push(JSON.parse(data))
  }

  close() {
    this.onclose?.({ code: 1000 })
  }

  open() {
    this.onopen?.()
  }

  receive(frame) {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) })
  }

  drop() {
    this.onclose?.({ code: 1006 })
  }
}

function flush() {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

describe('backoffDelay', () => {
  it('doubles each attempt, with up to half of it random', () => {
    expect(backoffDelay(0, { random: () => 0 })).toBe(250)
    expect(backoffDelay(0, { random: () => 1 })).toBe(500)
    expect(backoffDelay(3, { random: () => 0 })).toBe(2000)
    expect(backoffDelay(3, { random: () => 1 })).toBe(4000)
  })

  it('never exceeds the maximum', () => {
    expect(backoffDelay(50, { random: () => 1 })).toBe(30_000)
    expect(backoffDelay(50, { random: () => 0 })).toBe(15_000)
  })
})

describe('ChatConnection', () => {
  let timers
  let tickets
  let frames
  let states
  let reconnects
  let connection

  beforeEach(() => {
    FakeSocket.instances = []
    timers = []
    tickets = 0
    frames = []
    states = []
    reconnects = 0
    connection = new ChatConnection({
      url: 'ws://chat.test/ws/chat',
      getTicket: vi.fn(async () => `ticket-${++tickets}`),
      onFrame: (frame) => frames.push(frame),
      onState: (state) => states.push(state),
      onReconnected: () => reconnects++,
      WebSocketImpl: FakeSocket,
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      clearTimer: () => {},
      random: () => 0.5,
    })
  })

  async function fireTimer() {
    timers.shift().fn()
    await flush()
  }

  it('connects with a fresh ticket and hands on frames', async () => {
    connection.start()
    await flush()
    const socket = FakeSocket.instances[0]
    expect(socket.url).toBe('ws://chat.test/ws/chat?ticket=ticket-1')
    socket.open()
    expect(connection.state).toBe('open')
    socket.receive({ type: 'message', message: { id: '1' } })
    socket.receive('not json')
    expect(frames).toEqual([{ type: 'message', message: { id: '1' } }])
    expect(states).toEqual(['connecting', 'open'])
    expect(reconnects).toBe(0)
  })

  it('reconnects at once, with a ticket from a renewed token, when the server says the token expired', async () => {
    connection.start()
    await flush()
    FakeSocket.instances[0].open()
    FakeSocket.instances[0].onclose({ code: 4401 })
    await flush()
    expect(timers).toEqual([])
    expect(connection.getTicket).toHaveBeenCalledTimes(2)
    expect(FakeSocket.instances[1].url).toBe('ws://chat.test/ws/chat?ticket=ticket-2')
  })

  it('sends only while open', async () => {
    connection.start()
    await flush()
    expect(connection.send({ type: 'send' })).toBe(false)
    FakeSocket.instances[0].open()
    expect(connection.send({ type: 'send', text: 'hi' })).toBe(true)
    expect(FakeSocket.instances[0].sent).toEqual([{ type: 'send', text: 'hi' }])
  })

  it('reconnects after a drop with growing delays and a new ticket each time, then signals it', async () => {
    connection.start()
    await flush()
    FakeSocket.instances[0].open()

    FakeSocket.instances[0].drop()
    expect(connection.state).toBe('reconnecting')
    expect(timers.map((timer) => timer.ms)).toEqual([375])
    await fireTimer()
    FakeSocket.instances[1].drop()
    expect(timers.map((timer) => timer.ms)).toEqual([750])
    await fireTimer()
    FakeSocket.instances[2].drop()
    expect(timers.map((timer) => timer.ms)).toEqual([1500])
    await fireTimer()

    const socket = FakeSocket.instances[3]
    expect(socket.url).toBe('ws://chat.test/ws/chat?ticket=ticket-4')
    socket.open()
    expect(connection.state).toBe('open')
    expect(reconnects).toBe(1)

    socket.drop()
    expect(timers.map((timer) => timer.ms)).toEqual([375])
  })

  it('keeps trying while no ticket can be had', async () => {
    connection.getTicket = vi.fn(async () => {
      throw new Error('offline')
    })
    connection.start()
    await flush()
    expect(FakeSocket.instances).toHaveLength(0)
    expect(timers).toHaveLength(1)
    await fireTimer()
    expect(timers.map((timer) => timer.ms)).toEqual([750])
    expect(connection.state).toBe('connecting')
  })

  it('stays closed once stopped', async () => {
    connection.start()
    await flush()
    FakeSocket.instances[0].open()
    connection.stop()
    expect(connection.state).toBe('closed')
    expect(timers).toHaveLength(0)
    expect(connection.send({ type: 'send' })).toBe(false)
  })

  it('ignores a socket it has already replaced', async () => {
    connection.start()
    await flush()
    const first = FakeSocket.instances[0]
    first.open()
    first.drop()
    await fireTimer()
    first.receive({ type: 'message', message: { id: 'stale' } })
    expect(frames).toEqual([])
  })
})
