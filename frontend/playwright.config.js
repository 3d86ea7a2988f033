import { defineConfig } from '@playwright/test'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './e2e/chromium.js'

// Browser tests against a running embedded stack (scripts/test_frontend.sh starts one).
// Debian's Chromium (e2e/chromium.js).
export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results/output',
  use: {
    baseURL: process.env.CHATAPP_URL ?? 'http://localhost:19080',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_FLAGS,
    },
  },
})
