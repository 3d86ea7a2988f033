import AxeBuilder from '@axe-core/playwright'
import { expect } from '@playwright/test'

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const BLOCKING = ['critical', 'serious']

function describe(violation) {
  const nodes = violation.nodes.slice(0, 5).map((node) => `\n    ${node.target.join(' ')}`).join('')
  const more = violation.nodes.length > 5 ? `\n    … and ${violation.nodes.length - 5} more` : ''
  return `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.length} nodes, ${violation.helpUrl})${nodes}${more}`
}

/**
 * Runs axe (WCAG 2.1 A and AA) on the page as it is shown now. A critical or serious violation
 * fails the test; lesser ones are printed, so that they are seen without blocking.
 */
export async function expectAccessible(page, view) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()
  const blocking = violations.filter((violation) => BLOCKING.includes(violation.impact))
  for (const violation of violations.filter((violation) => !blocking.includes(violation))) {
    console.log(`axe on ${view}: ${describe(violation)}`)
  }
  expect(blocking.map(describe), `critical or serious accessibility violations on ${view}`).toEqual([])
}
