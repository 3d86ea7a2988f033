import { describe, expect, it } from 'vitest'
import { dayLabel, dayOf, withDaySeparators } from './dates.js'

const at = (day, hour) => new Date(2026, 10, day, hour, 30).toISOString()
const now = new Date(2026, 10, 28, 12, 0)

describe('dates', () => {
  it('names today and yesterday, and any other day by its full date', () => {
    expect(dayLabel(at(28, 1), now)).toBe('Today')
    expect(dayLabel(at(27, 23), now)).toBe('Yesterday')
    const older = dayLabel(at(20, 9), now)
    expect(older).toContain('2026')
    expect(older).toContain('20')
  })

  it('takes the day in the reader\'s time zone', () => {
    expect(dayOf(new Date(2026, 10, 28, 0, 5))).toBe('2026-11-28')
    expect(dayOf(new Date(2026, 10, 27, 23, 55))).toBe('2026-11-27')
  })

  it('puts a separator before the first message of each day, and only there', () => {
    const messages = [{ id: 'a', timestamp: at(26, 9) }, { id: 'b', timestamp: at(27, 9) }, { id: 'c', timestamp: at(27, 10) },
      { id: 'd', timestamp: at(28, 8) }]
    const rows = withDaySeparators(messages, now)
    expect(rows.map((row) => row.label ?? row.message.id)).toEqual([dayLabel(at(26, 9), now), 'a', 'Yesterday', 'b', 'c', 'Today', 'd'])
  })
})
