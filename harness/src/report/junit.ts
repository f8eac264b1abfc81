import type { CellResult } from '../verdict.ts'
import { escapeXml } from '@conformance/common'
import { cellName } from './summary.ts'

const testcase = (cell: CellResult) => {
  const attributes = `name="${escapeXml(cellName(cell))}" classname="${escapeXml(cell.style)}" time="${cell.durationMs / 1000}"`
  if (cell.status === 'pass') return `    <testcase ${attributes}/>`
  if (cell.status === 'not-applicable')
    return `    <testcase ${attributes}><skipped message="${escapeXml(`not applicable: ${cell.notApplicable}`)}"/></testcase>`
  const message = cell.problems.map((problem) => `${problem.check}: ${problem.summary}`).join('; ')
  const details = cell.problems
    .map((problem) => [problem.summary, problem.diff].filter(Boolean).join('\n'))
    .join('\n\n')
  return [
    `    <testcase ${attributes}>`,
    `      <failure message="${escapeXml(message)}">${escapeXml(details)}</failure>`,
    `      <system-err>${escapeXml(cell.stderrTail)}</system-err>`,
    '    </testcase>',
  ].join('\n')
}

// JUnit XML, one suite per style, for CI systems that draw test results from it.
export const junitReport = (cells: readonly CellResult[]) => {
  const styles = [...new Set(cells.map((cell) => cell.style))]
  const suites = styles.map((style) => {
    const mine = cells.filter((cell) => cell.style === style)
    const failures = mine.filter((cell) => cell.status === 'fail').length
    const time = mine.reduce((sum, cell) => sum + cell.durationMs, 0) / 1000
    return [
      `  <testsuite name="${escapeXml(style)}" tests="${mine.length}" failures="${failures}" time="${time}">`,
      ...mine.map(testcase),
      '  </testsuite>',
    ].join('\n')
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="openrouter-conformance">\n${suites.join('\n')}\n</testsuites>\n`
}
