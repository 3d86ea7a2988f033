import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The dev server (npm run dev) proxies the API, the WebSocket and config.js to a local
// Open Liberty (scripts/run.sh), so the app under development uses the real backend.
const backend = process.env.CHATAPP_BACKEND ?? 'http://localhost:9080'

export default defineConfig({
  plugins: [vue()],
  // Every component is written with <script setup>; without the Options API Vue is smaller.
  define: { __VUE_OPTIONS_API__: false },
  server: {
    port: 5173,
    proxy: {
      '/api': backend,
      '/config.js': backend,
      '/ws': { target: backend.replace(/^http/, 'ws'), ws: true },
    },
  },
  build: {
    outDir: process.env.CHATAPP_WEB_OUT ?? 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.js'],
  },
})
