import { relative } from 'node:path'
import type { GroupResult, TabResult } from './check-page.ts'
import { escapeXml } from '../report/junit.ts'
import { placeholderTable } from './placeholders.ts'

export const isFailure = (tab: TabResult) => tab.verdict !== 'pass' && tab.verdict !== 'skipped'

// Under --strict, header differences between a group's tabs fail the group too.
export const groupFails = (group: GroupResult, strict: boolean) =>
  group.tabs.some(isFailure) || (strict && group.comparison.headers.length > 0)

const mark = (tab: TabResult) =>
  tab.verdict === 'pass' ? '✓' : tab.verdict === 'skipped' ? '–' : '✗'

const where = (group: GroupResult) =>
  `${relative(process.cwd(), group.page)}:${group.line} (group ${group.index})`

export const summary = (groups: GroupResult[], strict: boolean) => {
  const tabs = groups.flatMap((group) => group.tabs)
  return {
    tabs: tabs.length,
    passed: tabs.filter((tab) => tab.verdict === 'pass').length,
    failed: tabs.filter(isFailure).length,
    skipped: tabs.filter((tab) => tab.verdict === 'skipped').length,
    groupsFailed: groups.filter((group) => groupFails(group, strict)).length,
  }
}

export const terminalReport = (groups: GroupResult[], strict: boolean) => {
  const lines: string[] = []
  for (const group of groups) {
    lines.push('', `${where(group)}${groupFails(group, strict) ? ' ✗' : ''}`)
    const width = Math.max(...group.tabs.map((tab) => tab.title.length))
    for (const tab of group.tabs) {
      lines.push(`  ${mark(tab)} ${tab.title.padEnd(width)}  ${tab.verdict}: ${tab.reason}`)
      for (const error of tab.evidence?.typeErrors.slice(1) ?? [])
        lines.push(`    ${''.padEnd(width)}  type-check: ${error}`)
      if (isFailure(tab) && tab.evidence?.stderrTail)
        lines.push(tab.evidence.stderrTail.replace(/^/gm, '      │ '))
    }
    for (const header of group.comparison.headers)
      lines.push(`  ${strict ? '✗' : '!'} headers differ: ${header}`)
    for (const body of group.comparison.bodies) lines.push(`  · requests differ: ${body}`)
  }
  const s = summary(groups, strict)
  lines.push(
    '',
    'Placeholders substituted:',
    ...placeholderTable.map(({ placeholder, becomes }) => `  ${placeholder} → ${becomes}`),
    '',
    `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped (${s.tabs} tabs in ${groups.length} groups)`,
  )
  return lines.join('\n')
}

const flatTabs = (groups: GroupResult[]) => groups.flatMap((group) => group.tabs)

export const jsonReport = (groups: GroupResult[], strict: boolean) =>
  JSON.stringify(
    {
      summary: summary(groups, strict),
      strict,
      placeholders: placeholderTable,
      tabs: flatTabs(groups),
      groups: groups.map(({ tabs, ...group }) => ({
        ...group,
        tabs: tabs.map((tab) => tab.title),
        failed: groupFails({ tabs, ...group }, strict),
      })),
    },
    null,
    2,
  ) + '\n'

export const junitReport = (groups: GroupResult[], strict: boolean) => {
  const suites = groups.map((group) => {
    const cases = group.tabs.map((tab) => {
      const attributes = `name="${escapeXml(tab.title)}" classname="${escapeXml(where(group))}"`
      if (tab.verdict === 'pass') return `    <testcase ${attributes}/>`
      if (tab.verdict === 'skipped')
        return `    <testcase ${attributes}><skipped message="${escapeXml(tab.reason)}"/></testcase>`
      const details = [
        tab.reason,
        ...(tab.evidence?.typeErrors ?? []),
        tab.evidence?.stderrTail ?? '',
      ].join('\n')
      return `    <testcase ${attributes}><failure type="${tab.verdict}" message="${escapeXml(tab.reason)}">${escapeXml(details)}</failure></testcase>`
    })
    if (strict && group.comparison.headers.length > 0) {
      const message = group.comparison.headers.join('; ')
      cases.push(
        `    <testcase name="tabs send the same headers" classname="${escapeXml(where(group))}"><failure message="${escapeXml(message)}"/></testcase>`,
      )
    }
    const failures = cases.filter((line) => line.includes('<failure')).length
    return `  <testsuite name="${escapeXml(where(group))}" tests="${cases.length}" failures="${failures}">\n${cases.join('\n')}\n  </testsuite>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="docs-verify">\n${suites.join('\n')}\n</testsuites>\n`
}

export const markdownReport = (groups: GroupResult[], strict: boolean) => {
  const s = summary(groups, strict)
  const lines = [
    `## Docs code groups: ${s.failed === 0 && s.groupsFailed === 0 ? '✅' : '❌'} ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`,
  ]
  for (const group of groups) {
    lines.push('', `### ${where(group)}`, '', '| tab | verdict | why |', '| --- | --- | --- |')
    for (const tab of group.tabs)
      lines.push(
        `| ${tab.title} | ${mark(tab)} ${tab.verdict} | ${tab.reason.replaceAll('|', '\\|')} |`,
      )
    if (group.comparison.headers.length > 0)
      lines.push(
        '',
        '**Headers differ**',
        '',
        ...group.comparison.headers.map((line) => `- ${line}`),
      )
    if (group.comparison.bodies.length > 0)
      lines.push(
        '',
        '**Requests differ** (reported, not failed)',
        '',
        ...group.comparison.bodies.map((line) => `- ${line}`),
      )
  }
  lines.push(
    '',
    '<details><summary>Placeholders substituted</summary>',
    '',
    ...placeholderTable.map(({ placeholder, becomes }) => `- \`${placeholder}\` → ${becomes}`),
    '',
    '</details>',
  )
  return lines.join('\n') + '\n'
}
