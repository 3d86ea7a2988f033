// The room being read is in the address (/rooms/<id>), so links to a room work and Back goes
// to the room before.
import { createRouter, createWebHistory } from 'vue-router'
import RoomRoute from './views/RoomRoute.vue'

export const GENERAL = 'general'

export const roomPath = (id) => `/rooms/${encodeURIComponent(id)}`

export function createChatRouter(history = createWebHistory()) {
  return createRouter({
    history,
    routes: [
      { path: '/', redirect: roomPath(GENERAL) },
      { path: '/rooms/:id', name: 'room', component: RoomRoute, props: true },
      { path: '/:unknown(.*)*', redirect: roomPath(GENERAL) },
    ],
  })
}
