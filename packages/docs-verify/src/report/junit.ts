import { escapeXml } from '@conformance/common'
import type { GroupResult, ReportOptions } from '../types.ts'
import { failsOnHeaders, isFailure, verdictText, where } from './summary.ts'

// One test suite per group, one test case per block: a failure with its evidence, anything not
// judged or not a failure skipped with why.
export const junitReport = (groups: GroupResult[], options: ReportOptions) => {
  const suites = groups.map((group) => {
    const classname = escapeXml(where(group, options))
    const cases = group.blocks.map((block) => {
      const attributes = `name="${escapeXml(block.title)}" classname="${classname}"`
      if (block.verdict === 'pass') return `    <testcase ${attributes}/>`
      if (!isFailure(block))
        return `    <testcase ${attributes}><skipped message="${escapeXml(`${verdictText(block)}: ${block.reason}`)}"/></testcase>`
      const details = [
        block.reason,
        ...(block.evidence?.typeErrors ?? []),
        block.fix ? `fix: ${block.fix}` : '',
        block.evidence?.stderrTail ?? '',
      ].join('\n')
      return `    <testcase ${attributes}><failure type="${block.verdict}" message="${escapeXml(block.reason)}">${escapeXml(details)}</failure></testcase>`
    })
    if (failsOnHeaders(group, options.strict)) {
      const message = group.comparison.headers.join('; ')
      cases.push(
        `    <testcase name="tabs send the same headers" classname="${classname}"><failure message="${escapeXml(message)}"/></testcase>`,
      )
    }
    const failures = cases.filter((line) => line.includes('<failure')).length
    return `  <testsuite name="${classname}" tests="${cases.length}" failures="${failures}">\n${cases.join('\n')}\n  </testsuite>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="docs-verify">\n${suites.join('\n')}\n</testsuites>\n`
}
