// Telling the user of what calls for them (lib/attention.js): the page's title counts it, and
// while the page is hidden each such message raises a browser notification. A room the user
// muted does neither; mutes are kept in this browser, per user.
import { computed, reactive, ref, watchEffect } from 'vue'
import { notificationOf, pageTitle } from '../lib/attention.js'

/**
 * @param {object} deps
 * @param {string} deps.me the signed-in user's id
 * @param {string} deps.myName the user's name, left out of direct rooms' names
 * @param {() => object[]} deps.rooms the rooms list (useChat's state.rooms), with each room's attention count
 * @param {(room: string) => void} deps.show shows a room (a notification's click)
 */
export function useNotifications({ me, myName, rooms, show, storage = globalThis.localStorage, Notifier = globalThis.Notification,
  doc = globalThis.document, win = globalThis.window }) {
  const mutesKey = `chat.muted.${me}`
  const muted = reactive(new Set(storedMutes()))
  // 'default' until the user is asked; 'unsupported' where the browser has no notifications.
  const permission = ref(Notifier?.permission ?? 'unsupported')

  const count = computed(() => rooms().reduce((sum, entry) => sum + (muted.has(entry.room) ? 0 : entry.attention ?? 0), 0))
  watchEffect(() => {
    doc.title = pageTitle(count.value)
  })

  function storedMutes() {
    try {
      const stored = JSON.parse(storage.getItem(mutesKey) ?? '[]')
      return Array.isArray(stored) ? stored.filter((room) => typeof room === 'string') : []
    } catch {
      return []
    }
  }

  const isMuted = (room) => muted.has(room)

  function toggleMute(room) {
    if (muted.has(room)) muted.delete(room)
    else muted.add(room)
    storage.setItem(mutesKey, JSON.stringify([...muted]))
  }

  /** Asks the browser's permission; only ever from a user's gesture, as browsers require. */
  async function askPermission() {
    if (!Notifier || permission.value !== 'default') return
    permission.value = await Notifier.requestPermission()
  }

  /** A message that calls for the user has arrived unread (useChat's onAttention). */
  function arrived(message, entry) {
    if (muted.has(entry.room) || permission.value !== 'granted' || doc.visibilityState !== 'hidden') return
    const { title, body, tag } = notificationOf(message, entry, myName)
    let shown
    try {
      shown = new Notifier(title, { body, tag })
    } catch {
      // Some mobile browsers show notifications from a service worker only; the title still counts.
      return
    }
    shown.onclick = () => {
      win.focus()
      show(entry.room)
      shown.close()
    }
  }

  /** The page's title without a count, when the user signs out. */
  function stop() {
    doc.title = pageTitle(0)
  }

  return { permission, askPermission, isMuted, toggleMute, count, arrived, stop }
}
