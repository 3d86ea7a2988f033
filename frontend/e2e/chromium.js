// Debian's Chromium, never a browser downloaded by a tool, with what a closed network needs:
// no background connections, no component updates, no sync. Used by Playwright and Lighthouse.
export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium'
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']
