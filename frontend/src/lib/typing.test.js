import { describe, expect, it } from 'vitest'
import { typingText } from './typing.js'

describe('typingText', () => {
  it('names one or two people, and counts more', () => {
    expect(typingText([])).toBe('')
    expect(typingText(['Bob'])).toBe('Bob is typing…')
    expect(typingText(['Bob', 'Carol'])).toBe('Bob and Carol are typing…')
    expect(typingText(['Bob', 'Carol', 'Dave'])).toBe('3 people are typing…')
  })
})
