// @vitest-environment jsdom
// DOMPurify needs a complete DOM: under happy-dom it drops elements it should keep.
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { markdownReady } from '../composables/useMarkdown.js'
import MessageItem from './MessageItem.vue'
import { button, flush } from './testing.js'

const BOB = { id: 'bob', name: 'Bob' }
const ALICE = { id: 'alice', name: 'Alice' }
const message = (extra = {}) =>
  ({ id: 'm1', room: 'general', text: 'hello **there**', sender: ALICE, timestamp: '2026-11-24T10:20:30.123Z', version: 1, ...extra })

async function mounted(props) {
  await markdownReady()
  const wrapper = mount(MessageItem, { props: { me: 'alice', ...props }, attachTo: document.body })
  await flush()
  return wrapper
}

describe('MessageItem', () => {
  it('renders its Markdown, and marks an edited message', async () => {
    const wrapper = await mounted({ message: message({ editedAt: '2026-11-24T10:21:00.000Z', version: 2 }) })
    expect(wrapper.get('.text strong').text()).toBe('there')
    expect(wrapper.get('.edited').text()).toBe('(edited)')
  })

  it('shows a deleted message as a tombstone, with nothing to do on it', async () => {
    const wrapper = await mounted({ message: message({ text: '', deleted: true, version: 2 }) })
    expect(wrapper.get('.text').text()).toBe('message deleted')
    expect(wrapper.find('.actions').exists()).toBe(false)
  })

  it('offers edit and delete on the user\'s own messages only', async () => {
    const mine = await mounted({ message: message() })
    expect(button(mine, 'Edit')).toBeTruthy()
    expect(button(mine, 'Delete')).toBeTruthy()
    const theirs = await mounted({ message: message({ sender: BOB }) })
    expect(button(theirs, 'Edit')).toBeUndefined()
    expect(button(theirs, 'Delete')).toBeUndefined()
    expect(button(theirs, 'Reply')).toBeTruthy()
  })

  it('edits in place: Enter saves, Esc cancels', async () => {
    const wrapper = await mounted({ message: message(), editing: true })
    const field = wrapper.get('textarea')
    expect(field.element.value).toBe('hello **there**')
    expect(document.activeElement).toBe(field.element)
    await field.setValue('hello again')
    await field.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('save')).toEqual([['hello again']])
    await field.trigger('keydown', { key: 'Escape' })
    expect(wrapper.emitted('cancel-edit')).toHaveLength(1)
  })

  it('shows reactions as chips that say whether they are the user\'s, and toggle', async () => {
    const wrapper = await mounted({
      message: message({ reactions: [{ emoji: '👍', count: 2, users: ['bob', 'alice'] }, { emoji: '🎉', count: 1, users: ['bob'] }] }),
    })
    const chips = wrapper.findAll('.chip')
    expect(chips.map((chip) => [chip.text(), chip.attributes('aria-pressed')])).toEqual([['👍 2', 'true'], ['🎉 1', 'false']])
    await chips[1].trigger('click')
    expect(wrapper.emitted('react')).toEqual([['🎉']])
    await button(wrapper, 'React').trigger('click')
    await wrapper.findAll('.picker button').find((choice) => choice.attributes('aria-label') === 'React with 👀').trigger('click')
    expect(wrapper.emitted('react')).toEqual([['🎉'], ['👀']])
  })

  it('quotes the message it answers, or says it was deleted, and jumps to it', async () => {
    const original = message({ id: 'm0', text: 'who **reviews**?', sender: BOB })
    const wrapper = await mounted({ message: message({ replyTo: 'm0' }), original })
    expect(wrapper.get('.quote').text()).toContain('Bob who reviews?')
    await wrapper.get('.quote').trigger('click')
    expect(wrapper.emitted('jump')).toEqual([['m0']])
    const gone = await mounted({ message: message({ replyTo: 'm0' }), original: { ...original, text: '', deleted: true } })
    expect(gone.get('.quote').text()).toContain('message deleted')
  })

  it('marks a message that mentions the user', async () => {
    const wrapper = await mounted({ message: message({ sender: BOB, mentions: ['alice'] }) })
    expect(wrapper.classes()).toContain('mentions-me')
    expect(wrapper.text()).toContain('mentions you')
  })
})
