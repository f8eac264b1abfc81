import { relative } from 'node:path'
import type { GroupResult, ReportOptions } from '../types.ts'
import { placeholderTable } from '../plan/placeholders.ts'
import {
  groupFails,
  headerMark,
  isFailure,
  mark,
  siteSummaryLines,
  summaryLine,
  unexpectedPasses,
  verdictText,
  where,
} from './summary.ts'

// Every group with each block's verdict and why, its type errors, fix and stderr, then the
// placeholders, the summary and the failures by cause and by page.
export const terminalReport = (groups: GroupResult[], options: ReportOptions) => {
  const lines: string[] = []
  for (const group of groups) {
    lines.push('', `${where(group, options)}${groupFails(group, options.strict) ? ' ✗' : ''}`)
    const width = Math.max(...group.blocks.map((block) => block.title.length))
    const pad = ''.padEnd(width)
    for (const block of group.blocks) {
      lines.push(
        `  ${mark(block)} ${block.title.padEnd(width)}  ${verdictText(block)}: ${block.reason}`,
      )
      for (const error of block.evidence?.typeErrors ?? [])
        lines.push(`    ${pad}  type-check: ${error}`)
      if (block.fix) lines.push(`    ${pad}  fix: ${block.fix}`)
      for (const note of block.directiveNotes ?? []) lines.push(`    ${pad}  directive: ${note}`)
      for (const notice of block.notices ?? []) lines.push(`    ${pad}  notice: ${notice}`)
      if (isFailure(block) && block.evidence?.stderrTail)
        lines.push(block.evidence.stderrTail.replace(/^/gm, '      │ '))
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
    ...unexpectedPasses(groups).map(
      (block) =>
        `Passes though its page expects it to fail: ${relative(options.base, block.page)}:${block.line} › ${block.title} (expect-fail: ${block.expectFail!.reason}); remove the directive`,
    ),
  )
  return lines.join('\n')
}
