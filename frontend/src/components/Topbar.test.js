import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import Topbar from './Topbar.vue'

describe('Topbar', () => {
  it('shows the room, the user and the connection state', () => {
    const wrapper = mount(Topbar, { props: { title: '# general', userName: 'Alice Liddell', connection: 'reconnecting' } })
    expect(wrapper.get('h1').text()).toContain('# general')
    expect(wrapper.get('.user').text()).toContain('Alice Liddell')
    expect(wrapper.get('[role="status"]').text()).toBe('Reconnecting…')
  })

  it('offers to leave a room the user may leave', async () => {
    const general = mount(Topbar, { props: { title: '# general', userName: 'Alice', connection: 'open' } })
    expect(general.find('button.leave').exists()).toBe(false)
    const team = mount(Topbar, { props: { title: '# team', userName: 'Alice', connection: 'open', canLeave: true } })
    await team.get('button.leave').trigger('click')
    expect(team.emitted('leave')).toHaveLength(1)
  })

  it('opens and closes the members panel, saying which it is', async () => {
    const closed = mount(Topbar, { props: { title: '# team', userName: 'Alice', connection: 'open', hasMembers: true } })
    expect(closed.get('button.members').attributes('aria-expanded')).toBe('false')
    await closed.get('button.members').trigger('click')
    expect(closed.emitted('toggle-members')).toHaveLength(1)
    const open = mount(Topbar, { props: { title: '# team', userName: 'Alice', connection: 'open', hasMembers: true, membersOpen: true } })
    expect(open.get('button.members').attributes('aria-expanded')).toBe('true')
  })

  it('mutes the room shown, saying whether it is', async () => {
    const loud = mount(Topbar, { props: { title: '# team', userName: 'Alice', connection: 'open' } })
    expect(loud.get('button.mute').attributes('aria-pressed')).toBe('false')
    await loud.get('button.mute').trigger('click')
    expect(loud.emitted('toggle-mute')).toHaveLength(1)
    const quiet = mount(Topbar, { props: { title: '# team', userName: 'Alice', connection: 'open', muted: true } })
    expect(quiet.get('button.mute').attributes('aria-pressed')).toBe('true')
    expect(mount(Topbar, { props: { userName: 'Alice', connection: 'open' } }).find('button.mute').exists()).toBe(false)
  })

  it('offers notifications only while the browser may still be asked', async () => {
    const asked = mount(Topbar, { props: { userName: 'Alice', connection: 'open' } })
    expect(asked.find('button.notify').exists()).toBe(false)
    const notYet = mount(Topbar, { props: { userName: 'Alice', connection: 'open', canNotify: true } })
    await notYet.get('button.notify').trigger('click')
    expect(notYet.emitted('enable-notifications')).toHaveLength(1)
  })

  it('signs out', async () => {
    const wrapper = mount(Topbar, { props: { userName: 'Alice', connection: 'open' } })
    expect(wrapper.get('[role="status"]').text()).toBe('Connected')
    await wrapper.get('button.sign-out').trigger('click')
    expect(wrapper.emitted('sign-out')).toHaveLength(1)
  })
})
