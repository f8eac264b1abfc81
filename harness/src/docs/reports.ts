import { relative } from 'node:path'
import type { GroupResult, TabResult } from './check-page.ts'
import { escapeXml } from '../report/junit.ts'
import { countByCause } from './causes.ts'
import { placeholderTable } from './placeholders.ts'

// `base` is where the user ran the command: pages are shown as they would type them.
export type ReportOptions = { strict: boolean; base: string }

// What is not a failure: a pass, a block the checker cannot judge (skipped, with why), a block
// that only declares what later blocks use, a fragment (unless --strict counts it), and the
// checker's own fault (a 5xx from the mock), which is never the page's.
const notFailures = new Set(['pass', 'skipped', 'definition-only', 'fragment', 'checker-fault'])

export const isFailure = (tab: TabResult) =>
  (!notFailures.has(tab.verdict) || tab.strictFailure === true) && !tab.accepted

// Under --strict a fragment fails: the docs team wants every block complete.
export const strictFragments = (groups: GroupResult[]): GroupResult[] =>
  groups.map((group) => ({
    ...group,
    tabs: group.tabs.map((tab) =>
      tab.verdict === 'fragment' ? { ...tab, strictFailure: true } : tab,
    ),
  }))

// Under --strict, header differences between a group's tabs fail the group too.
const failsOnHeaders = (group: GroupResult, strict: boolean) =>
  strict && group.comparison.headers.length > 0

export const groupFails = (group: GroupResult, strict: boolean) =>
  group.tabs.some(isFailure) || failsOnHeaders(group, strict)

// Each verdict that is not a failure has its mark; an accepted failure is ≈, any other ✗.
const marks: Partial<Record<TabResult['verdict'], string>> = {
  pass: '✓',
  skipped: '–',
  'definition-only': '○',
  fragment: '◌',
  'checker-fault': '⚠',
}
export const mark = (tab: TabResult) =>
  tab.accepted ? '≈' : isFailure(tab) ? '✗' : (marks[tab.verdict] ?? '✗')

// A failure the baseline accepts says so beside its verdict.
export const verdictText = (tab: TabResult) =>
  tab.accepted ? `${tab.verdict} (accepted by the baseline)` : tab.verdict

// Every line number is a line of the page: a group's is its first fence (or <CodeGroup>).
const where = (group: GroupResult, { base }: ReportOptions) =>
  `${relative(base, group.page)}:${group.line} (${group.pageLevel ? 'page' : group.standalone ? 'block' : `group ${group.index}`})`

export const summary = (groups: GroupResult[], strict: boolean) => {
  const tabs = groups.flatMap((group) => group.tabs)
  return {
    tabs: tabs.length,
    passed: tabs.filter((tab) => tab.verdict === 'pass').length,
    failed: tabs.filter(isFailure).length,
    skipped: tabs.filter((tab) => tab.verdict === 'skipped').length,
    accepted: tabs.filter((tab) => tab.accepted).length,
    definitionOnly: tabs.filter((tab) => tab.verdict === 'definition-only').length,
    fragments: tabs.filter((tab) => tab.verdict === 'fragment').length,
    checkerFaults: tabs.filter((tab) => tab.verdict === 'checker-fault').length,
    groups: groups.length,
    groupsFailed: groups.filter((group) => groupFails(group, strict)).length,
    groupsFailedOnHeadersAlone: groups.filter(
      (group) => !group.tabs.some(isFailure) && failsOnHeaders(group, strict),
    ).length,
  }
}

// The site at a glance: its failures by cause, and the pages that have them, most first.
export const siteSummary = (groups: GroupResult[], { base }: ReportOptions) => {
  const failures = groups.flatMap((group) => group.tabs).filter(isFailure)
  const byPage = [...Map.groupBy(failures, (tab) => relative(base, tab.page)).entries()]
    .map(([page, tabs]) => ({ page, count: tabs.length }))
    .sort((a, b) => b.count - a.count || a.page.localeCompare(b.page))
  return { byCause: countByCause(failures), byPage }
}

const siteSummaryLines = (groups: GroupResult[], options: ReportOptions) => {
  const { byCause, byPage } = siteSummary(groups, options)
  if (byCause.length === 0) return []
  return [
    `Failures by cause: ${byCause.map(({ cause, count }) => `${count} ${cause}`).join(', ')}`,
    `Failures by page: ${byPage.map(({ page, count }) => `${page} ${count}`).join(', ')}`,
  ]
}

// One sentence for both the terminal and Markdown, so tab counts and group verdicts never disagree.
export const summaryLine = (groups: GroupResult[], strict: boolean) => {
  const s = summary(groups, strict)
  const headers =
    s.groupsFailedOnHeadersAlone > 0
      ? `, ${s.groupsFailedOnHeadersAlone} on header differences alone (--strict)`
      : ''
  const accepted = s.accepted > 0 ? `, ${s.accepted} accepted by the baseline` : ''
  const declaring = s.definitionOnly > 0 ? `, ${s.definitionOnly} only declare` : ''
  const fragments =
    s.fragments > 0 ? `, ${s.fragments} fragment${s.fragments === 1 ? '' : 's'}` : ''
  const ours =
    s.checkerFaults > 0
      ? `, ${s.checkerFaults} the checker's own fault (not the page's: please report it)`
      : ''
  return `tabs: ${s.passed} passed, ${s.failed} failed${accepted}${declaring}${fragments}, ${s.skipped} skipped${ours}; groups: ${s.groupsFailed} of ${s.groups} failed${headers}`
}

export const headerMark = (strict: boolean) => (strict ? '✗' : '!')
const headerLabel = (strict: boolean) =>
  strict
    ? 'Headers differ (failures under --strict)'
    : 'Headers differ (warnings; --strict fails them)'

export const terminalReport = (groups: GroupResult[], options: ReportOptions) => {
  const lines: string[] = []
  for (const group of groups) {
    lines.push('', `${where(group, options)}${groupFails(group, options.strict) ? ' ✗' : ''}`)
    const width = Math.max(...group.tabs.map((tab) => tab.title.length))
    const pad = ''.padEnd(width)
    for (const tab of group.tabs) {
      lines.push(`  ${mark(tab)} ${tab.title.padEnd(width)}  ${verdictText(tab)}: ${tab.reason}`)
      for (const error of tab.evidence?.typeErrors ?? [])
        lines.push(`    ${pad}  type-check: ${error}`)
      if (tab.fix) lines.push(`    ${pad}  fix: ${tab.fix}`)
      if (isFailure(tab) && tab.evidence?.stderrTail)
        lines.push(tab.evidence.stderrTail.replace(/^/gm, '      │ '))
    }
    for (const header of group.comparison.headers)
      lines.push(`  ${headerMark(options.strict)} headers differ: ${header}`)
    for (const body of group.comparison.bodies) lines.push(`  · requests differ: ${body}`)
  }
  lines.push(
    '',
    'Placeholders substituted:',
    ...placeholderTable.map(({ placeholder, becomes }) => `  ${placeholder} → ${becomes}`),
    '',
    summaryLine(groups, options.strict),
    ...siteSummaryLines(groups, options),
  )
  return lines.join('\n')
}

export const jsonReport = (groups: GroupResult[], options: ReportOptions) =>
  JSON.stringify(
    {
      summary: { ...summary(groups, options.strict), ...siteSummary(groups, options) },
      strict: options.strict,
      placeholders: placeholderTable,
      tabs: groups.flatMap((group) => group.tabs),
      groups: groups.map(({ tabs, ...group }) => ({
        ...group,
        tabs: tabs.map((tab) => tab.title),
        failed: groupFails({ tabs, ...group }, options.strict),
      })),
    },
    null,
    2,
  ) + '\n'

export const junitReport = (groups: GroupResult[], options: ReportOptions) => {
  const suites = groups.map((group) => {
    const classname = escapeXml(where(group, options))
    const cases = group.tabs.map((tab) => {
      const attributes = `name="${escapeXml(tab.title)}" classname="${classname}"`
      if (tab.verdict === 'pass') return `    <testcase ${attributes}/>`
      if (!isFailure(tab))
        return `    <testcase ${attributes}><skipped message="${escapeXml(`${verdictText(tab)}: ${tab.reason}`)}"/></testcase>`
      const details = [
        tab.reason,
        ...(tab.evidence?.typeErrors ?? []),
        tab.fix ? `fix: ${tab.fix}` : '',
        tab.evidence?.stderrTail ?? '',
      ].join('\n')
      return `    <testcase ${attributes}><failure type="${tab.verdict}" message="${escapeXml(tab.reason)}">${escapeXml(details)}</failure></testcase>`
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

// Text from a page (MDX tags, the tab's own errors) shown as text on GitHub, which would strip
// `<Template …>` as HTML, and kept inside its table cell.
const markdownText = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('|', '\\|')
    .replaceAll('\n', ' ')

const fenced = (text: string) => {
  const fence = text.includes('```') ? '````' : '```'
  return [fence, text, fence]
}

export const markdownReport = (groups: GroupResult[], options: ReportOptions) => {
  const s = summary(groups, options.strict)
  const lines = [
    `## Docs code groups: ${s.failed === 0 && s.groupsFailed === 0 ? '✅' : '❌'} ${summaryLine(groups, options.strict)}`,
    ...siteSummaryLines(groups, options).flatMap((line) => ['', markdownText(line)]),
  ]
  for (const group of groups) {
    lines.push(
      '',
      `### ${markdownText(where(group, options))}${groupFails(group, options.strict) ? ' ❌' : ''}`,
      '',
      '| tab | verdict | why |',
      '| --- | --- | --- |',
    )
    for (const tab of group.tabs)
      lines.push(
        `| ${markdownText(tab.title)} | ${mark(tab)} ${verdictText(tab)} | ${markdownText(tab.reason)} |`,
      )
    // The evidence of each failing tab: every type error, the fix, the tail of its stderr.
    for (const tab of group.tabs.filter(isFailure)) {
      const evidence = [
        ...(tab.evidence?.typeErrors ?? []).map((error) => `- type-check: ${markdownText(error)}`),
        ...(tab.fix ? [`- **fix**: ${tab.fix}`] : []),
        ...(tab.evidence?.stderrTail
          ? ['', 'stderr (last lines):', '', ...fenced(tab.evidence.stderrTail)]
          : []),
      ]
      if (evidence.length > 0)
        lines.push(
          '',
          `<details><summary>${markdownText(tab.title)}: evidence</summary>`,
          '',
          ...evidence,
          '',
          '</details>',
        )
    }
    if (group.comparison.headers.length > 0)
      lines.push(
        '',
        `**${headerLabel(options.strict)}**`,
        '',
        ...group.comparison.headers.map(
          (line) => `- ${headerMark(options.strict)} ${markdownText(line)}`,
        ),
      )
    if (group.comparison.bodies.length > 0)
      lines.push(
        '',
        '**Requests differ** (reported, not failed)',
        '',
        ...group.comparison.bodies.map((line) => `- ${markdownText(line)}`),
      )
  }
  lines.push(
    '',
    '<details><summary>Placeholders substituted</summary>',
    '',
    ...placeholderTable.map(
      ({ placeholder, becomes }) => `- \`${placeholder}\` → ${markdownText(becomes)}`,
    ),
    '',
    '</details>',
  )
  return lines.join('\n') + '\n'
}
