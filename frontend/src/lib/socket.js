// The live connection to /ws/chat: a fresh single-use ticket for every connection attempt,
// reconnection with exponential backoff and jitter, and a signal after each reconnect so the
// caller can fetch what it missed meanwhile.

/**
 * How long to wait before reconnect attempt number `attempt` (0-based): exponential up to
 * `max`, with "equal jitter" (half fixed, half random) so that many clients dropped at once
 * do not come back at once.
 */
export function backoffDelay(attempt, { base = 500, max = 30_000, random = Math.random } = {}) {
  const ceiling = Math.min(max, base * 2 ** Math.min(attempt, 30))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

export const ConnectionState = Object.freeze({
  CONNECTING: 'connecting',
  OPEN: 'open',
  RECONNECTING: 'reconnecting',
  CLOSED: 'closed',
})

/** The close code the server uses when the user's token expired. */
export const TOKEN_EXPIRED = 4401

export class ChatConnection {
  /**
   * @param {object} options
   * @param {string} options.url the WebSocket URL, without the ticket
   * @param {() => Promise<string>} options.getTicket asks the API for a new ticket
   * @param {(frame: object) => void} options.onFrame every frame the server sends
   * @param {(state: string) => void} [options.onState]
   * @param {() => void} [options.onReconnected] after every successful reconnect (not the first connect)
   */
  constructor({ url, getTicket, onFrame, onState = () => {}, onReconnected = () => {}, WebSocketImpl = globalThis.WebSocket,
    setTimer = (fn, ms) => setTimeout(fn, ms), clearTimer = (id) => clearTimeout(id), random = Math.random }) {
    Object.assign(this, { url, getTicket, onFrame, onState, onReconnected, WebSocketImpl, setTimer, clearTimer, random })
    this.state = ConnectionState.CLOSED
    this.attempt = 0
    this.everOpened = false
    this.stopped = true
    this.socket = null
    this.timer = null
  }

  start() {
    this.stopped = false
    this.connect()
  }

  stop() {
    this.stopped = true
    if (this.timer !== null) this.clearTimer(this.timer)
    this.timer = null
    const socket = this.socket
    this.socket = null
    if (socket) socket.close(1000, 'signed out')
    this.setState(ConnectionState.CLOSED)
  }

  /** Sends a frame if the connection is open. @returns {boolean} whether it was sent */
  send(frame) {
    if (this.state !== ConnectionState.OPEN || !this.socket) return false
    this.socket.send(JSON.stringify(frame))
    return true
  }

  /** Drops the connection as a network failure would; it reconnects by itself. */
  drop() {
    this.socket?.close(4000, 'dropped by the client')
  }

  async connect() {
    this.setState(this.everOpened ? ConnectionState.RECONNECTING : ConnectionState.CONNECTING)
    let ticket
    try {
      ticket = await this.getTicket()
    } catch {
      this.scheduleReconnect()
      return
    }
    if (this.stopped) return
    const separator = this.url.includes('?') ? '&' : '?'
    const socket = new this.WebSocketImpl(`${this.url}${separator}ticket=${encodeURIComponent(ticket)}`)
    this.socket = socket
    socket.onopen = () => {
      if (this.socket !== socket) return
      const reconnected = this.everOpened
      this.attempt = 0
      this.everOpened = true
      this.setState(ConnectionState.OPEN)
      if (reconnected) this.onReconnected()
    }
    socket.onmessage = (event) => {
      if (this.socket !== socket) return
      let frame
      try {
        frame = JSON.parse(event.data)
      } catch {
        return
      }
      this.onFrame(frame)
    }
    socket.onclose = (event) => {
      if (this.socket !== socket) return
      this.socket = null
      if (this.stopped) return
      if (event?.code === TOKEN_EXPIRED) {
        // The server closed it because the token it was opened with expired: asking for the
        // next ticket renews the token (or signs in again), so reconnect at once.
        this.connect()
        return
      }
      this.scheduleReconnect()
    }
  }

  scheduleReconnect() {
    if (this.stopped) return
    this.setState(this.everOpened ? ConnectionState.RECONNECTING : ConnectionState.CONNECTING)
    const delay = backoffDelay(this.attempt++, { random: this.random })
    this.timer = this.setTimer(() => {
      this.timer = null
      if (!this.stopped) this.connect()
    }, delay)
  }

  setState(state) {
    if (this.state === state) return
    this.state = state
    this.onState(state)
  }
}
