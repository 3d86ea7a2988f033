import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import MessageInput from './MessageInput.vue'

describe('MessageInput', () => {
  it('sends on Enter and clears the box', async () => {
    const wrapper = mount(MessageInput, { props: { room: 'general' } })
    const box = wrapper.get('textarea')
    await box.setValue('hello')
    await box.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('send')).toEqual([['hello']])
    expect(box.element.value).toBe('')
  })

  it('does not send on Shift+Enter, which makes a new line', async () => {
    const wrapper = mount(MessageInput, { props: { room: 'general' } })
    const box = wrapper.get('textarea')
    await box.setValue('line one')
    await box.trigger('keydown', { key: 'Enter', shiftKey: true })
    expect(wrapper.emitted('send')).toBeUndefined()
  })

  it('does not send blank text', async () => {
    const wrapper = mount(MessageInput, { props: { room: 'general' } })
    await wrapper.get('textarea').setValue('   ')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('send')).toBeUndefined()
    expect(wrapper.get('button').attributes('disabled')).toBeDefined()
  })

  it('is labelled with the room and limits the length', () => {
    const wrapper = mount(MessageInput, { props: { room: 'team', maxLength: 4000 } })
    const id = wrapper.get('textarea').attributes('id')
    expect(wrapper.get(`label[for="${id}"]`).text()).toBe('Message # team')
    expect(wrapper.get('textarea').attributes('maxlength')).toBe('4000')
  })
})
