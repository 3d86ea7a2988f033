import { createApp } from 'vue'
import App from './App.vue'
import { createChatRouter } from './router.js'
import './style.css'

createApp(App).use(createChatRouter()).mount('#app')
