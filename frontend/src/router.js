// The room being read is in the address (/rooms/<id>), so links to a room work and Back goes
// to the room before.
import { createRouter, createWebHistory } from 'vue-router'
import RoomPage from './views/RoomPage.vue'

export const GENERAL = 'general'

export const roomPath = (id) => `/rooms/${encodeURIComponent(id)}`

export function createChatRouter(history = createWebHistory()) {
  return createRouter({
    history,
    routes: [
      { path: '/', redirect: roomPath(GENERAL) },
      { path: '/rooms/:id', name: 'room', component: RoomPage, props: true },
      { path: '/:unknown(.*)*', redirect: roomPath(GENERAL) },
    ],
  })
}
