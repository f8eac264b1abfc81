import { markedLines, markedText } from './marked-lines.ts'
import type { GroupResult, ReportOptions } from '../types.ts'
import { placeholderTable } from '../plan/placeholders.ts'
import {
  groupFails,
  headerMark,
  isFailure,
  mark,
  siteSummaryLines,
  summary,
  summaryLine,
  verdictText,
  where,
} from './summary.ts'

const headerLabel = (strict: boolean) =>
  strict
    ? 'Headers differ (failures under --strict)'
    : 'Headers differ (warnings; --strict fails them)'

// Text from a page (MDX tags, the block's own errors) shown as text on GitHub, which would strip
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
    ...(options.judgedWith ?? []).flatMap((line) => ['', `_${markdownText(line)}_`]),
  ]
  for (const group of groups) {
    lines.push(
      '',
      `### ${markdownText(where(group, options))}${groupFails(group, options.strict) ? ' ❌' : ''}`,
      '',
      '| block | verdict | why |',
      '| --- | --- | --- |',
    )
    for (const block of group.blocks)
      lines.push(
        `| ${markdownText(block.title)} | ${mark(block)} ${verdictText(block)} | ${markdownText([block.reason, ...(block.directiveNotes ?? []).map((note) => `directive: ${note}`), ...(block.notices ?? []).map((notice) => `notice: ${notice}`)].join('; '))} |`,
      )
    // The evidence of each failing block: every type error, the fix, the tail of its stderr.
    for (const block of group.blocks.filter(isFailure)) {
      const marked = markedLines(block)
      const evidence = [
        ...(block.evidence?.typeErrors ?? []).map(
          (error) => `- type-check: ${markdownText(error)}`,
        ),
        ...(block.fix ? [`- **fix**: ${block.fix}`] : []),
        ...(marked
          ? ['', 'the block, its lines at fault marked:', '', ...fenced(markedText(marked))]
          : []),
        ...(block.evidence?.stderrTail
          ? ['', 'stderr (last lines):', '', ...fenced(block.evidence.stderrTail)]
          : []),
      ]
      if (evidence.length > 0)
        lines.push(
          '',
          `<details><summary>${markdownText(block.title)}: evidence</summary>`,
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
