import { createApp } from 'vue'
import App from './App.vue'
import './style.css'

const app = createApp(App, {
  // The router serves the chat only. The sign-in screen, all that a signed-out visit shows
  // before the issuer's page, starts sooner without it.
  async loadChat(path) {
    const [{ createChatRouter }, { default: ChatShell }] = await Promise.all([import('./router.js'), import('./components/ChatShell.vue')])
    const router = createChatRouter()
    app.use(router)
    if (path) await router.replace(path)
    await router.isReady()
    return ChatShell
  },
})
app.mount('#app')
