import { describe, expect, it } from 'vitest'
import type { CellResult } from '../verdict.ts'
import { jsonReport } from './json.ts'
import { junitReport } from './junit.ts'
import { markdownReport } from './markdown.ts'
import { terminalReport } from './terminal.ts'

const cell = (style: string, scenario: string, status: 'pass' | 'fail'): CellResult => ({
  style,
  scenario,
  fixSite: {
    program: `examples/${style}/basic.ts`,
    alsoRunsIn: ['missing-key'],
    catalogueEntry: `harness/scenarios.yaml › ${scenario}`,
  },
  status,
  problems:
    status === 'fail'
      ? [{ check: 'output', summary: 'stdout <differs> & more', diff: '-a\n+b' }]
      : [],
  warnings: [],
  request: { method: 'POST', path: '/api/v1/chat/completions', headers: {}, body: null },
  followUps: [],
  requestCount: 1,
  allowedRequests: { min: 1, max: 1 },
  output: { stdout: '', stderr: '', exitCode: 0 },
  stderrTail: status === 'fail' ? 'boom' : '',
  durationMs: 120,
})
const cells = [cell('curl', 'basic', 'pass'), cell('fetch-ts', 'basic', 'fail')]
const notApplicable: CellResult = {
  ...cell('vercel-ai-sdk-ts', 'basic', 'pass'),
  status: 'not-applicable',
  notApplicable: 'no call for it',
  requestCount: 0,
}

describe('reports', () => {
  it('terminal: the matrix header keeps its columns apart when scenario names are short', () => {
    const header = terminalReport(cells, 1000)
      .split('\n')
      .find((line) => line.startsWith('scenario'))
    expect(header).toMatch(/^scenario\s+curl\s+fetch-ts/)
  })

  it('terminal: a failure names the program to edit, what else runs it, and the catalogue entry', () => {
    const text = terminalReport(cells, 1000)
    expect(text).toContain('fix: edit examples/fetch-ts/basic.ts (also runs in missing-key)')
    expect(text).toContain('if the change is intended, harness/scenarios.yaml › basic')
  })

  it('a not-applicable cell: n/a with its reason, counted apart, a skip in JUnit', () => {
    const withNa = [...cells, notApplicable]
    const terminal = terminalReport(withNa, 1000)
    expect(terminal).toMatch(/^basic\s+✓ 1\s+✗ 1\s+n\/a/m)
    expect(terminal).toContain('n/a vercel-ai-sdk-ts › basic: no call for it')
    expect(terminal).toContain('1 passed, 1 failed, 1 not applicable')
    expect(junitReport(withNa)).toContain('<skipped message="not applicable: no call for it"/>')
    expect(markdownReport(withNa, 1000)).toContain('- vercel-ai-sdk-ts › basic: no call for it')
  })

  it('JSON: a cells array with style, scenario, status and the canonical request', () => {
    const report = JSON.parse(jsonReport(cells, 1000))
    expect(report.summary).toMatchObject({ passed: 1, failed: 1, total: 2 })
    expect(report.cells[1]).toMatchObject({
      style: 'fetch-ts',
      scenario: 'basic',
      status: 'fail',
      request: { method: 'POST' },
    })
    expect(report.profile.droppedHeaders).toHaveProperty('user-agent')
  })

  it('JUnit: one suite per style, failures escaped', () => {
    const xml = junitReport(cells)
    expect(xml).toContain('<testsuite name="fetch-ts" tests="1" failures="1"')
    expect(xml).toContain('<testcase name="curl › basic" classname="curl" time="0.12"/>')
    expect(xml).toContain('message="output: stdout &lt;differs&gt; &amp; more"')
    expect(xml).not.toMatch(/<differs>/)
  })

  it('Markdown: the matrix and each failure folded with its diff', () => {
    const markdown = markdownReport(cells, 1000)
    expect(markdown).toContain('| scenario | curl | fetch-ts |')
    expect(markdown).toContain('| basic | ✓ 1 | ✗ 1 |')
    expect(markdown).toContain('<details><summary>❌ <code>fetch-ts › basic</code></summary>')
    expect(markdown).toContain('```diff\n-a\n+b\n```')
    expect(markdown).toContain('Fix: edit `examples/fetch-ts/basic.ts` (also runs in missing-key)')
  })
})
