// The Markdown renderer, loaded on first use: the sign-in screen never pays for it. Until it
// has come, messages are shown as plain text.
import { shallowRef } from 'vue'

const renderer = shallowRef(null)
let loading = null

/** @returns {import('vue').ShallowRef<((text: string) => string) | null>} */
export function useMarkdown() {
  loading ??= import('../lib/markdown.js').then(({ createRenderer }) => {
    renderer.value = createRenderer()
  })
  return renderer
}

/** Resolves once the renderer is there (for tests). */
export const markdownReady = () => {
  useMarkdown()
  return loading
}
