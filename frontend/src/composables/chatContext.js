// The signed-in user's chat (useChat), given by the app to the views and dialogs below it.
import { inject, provide } from 'vue'

export const CHAT = Symbol('chat')

/** @param {ReturnType<import('./useChat.js').useChat>} chat */
export function provideChat(chat) {
  provide(CHAT, chat)
}

/** @returns {ReturnType<import('./useChat.js').useChat>} */
export function injectChat() {
  const chat = inject(CHAT, null)
  if (!chat) throw new Error('No chat is provided here: only the signed-in app shows this')
  return chat
}
