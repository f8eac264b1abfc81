import { afterAll, beforeAll, expect, it } from 'vitest'
import { startMock, type RunningMock } from '@conformance/openrouter-mock'
import { runCell } from '../../src/cell.ts'
import { failureText } from '../../src/report/terminal.ts'
import { loadScenarios } from '../../src/scenarios.ts'
import { exampleStyles } from '../../src/styles.ts'

// The conformance matrix as tests: one file per style (so `--shard` splits styles across machines)
// and one test per cell, named `<style> › <scenario>` (so `-t` picks cells).
export const describeStyle = (name: string) => {
  const style = exampleStyles().find((candidate) => candidate.name === name)
  if (!style) throw new Error(`no example style named ${name}`)
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock()
  })
  afterAll(() => mock.close())

  const catalogue = loadScenarios()
  for (const scenario of catalogue) {
    // A cell the catalogue marks not applicable is listed as skipped, with its reason.
    const notApplicable = scenario.notApplicable?.[style.name]
    if (notApplicable) {
      it.skip(`${style.name} › ${scenario.name} (not applicable: ${notApplicable})`)
      continue
    }
    it(`${style.name} › ${scenario.name}`, async () => {
      const cell = await runCell(mock, style, scenario, { catalogue })
      expect(cell.status, failureText(cell)).toBe('pass')
    })
  }
}
