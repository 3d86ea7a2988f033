import { defineConfig } from '@playwright/test'

// Browser tests against a running embedded stack (scripts/test_frontend.sh starts one).
// Debian's Chromium, never a browser downloaded by a tool.
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
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
})
