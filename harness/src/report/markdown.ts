import type { CellResult } from '../verdict.ts'
import {
  alsoRunsInText,
  cellName,
  grid,
  legend,
  mark,
  notApplicableLines,
  summarize,
  totals,
} from './summary.ts'

// Markdown that fits a CI step summary: the matrix, then each failure folded with its diffs.
export const markdownReport = (cells: readonly CellResult[], durationMs: number) => {
  const { styles, scenarios, at } = grid(cells)
  const { failed } = summarize(cells)
  const lines = [
    `## OpenRouter docs conformance: ${failed === 0 ? '✅' : '❌'} ${totals(cells)}`,
    '',
    `| scenario | ${styles.join(' | ')} |`,
    `| --- | ${styles.map(() => ':---:').join(' | ')} |`,
    ...scenarios.map(
      (scenario) =>
        `| ${scenario} | ${styles.map((style) => mark(at(scenario, style))).join(' | ')} |`,
    ),
    '',
    `${legend}. ${(durationMs / 1000).toFixed(1)} s.`,
  ]
  for (const cell of cells.filter((cell) => cell.status === 'fail')) {
    lines.push('', `<details><summary>❌ <code>${cellName(cell)}</code></summary>`, '')
    for (const problem of cell.problems) {
      lines.push(`- **${problem.check}**: ${problem.summary}`)
      if (problem.diff) lines.push('', '```diff', problem.diff, '```', '')
    }
    if (cell.stderrTail) lines.push('', 'stderr (last lines):', '', '```', cell.stderrTail, '```')
    const { program, catalogueEntry } = cell.fixSite
    lines.push(
      '',
      `Fix: edit \`${program}\`${alsoRunsInText(cell)}, or, if the change is intended, \`${catalogueEntry}\`.`,
    )
    lines.push('', '</details>')
  }
  const notApplicable = notApplicableLines(cells)
  if (notApplicable.length > 0) {
    lines.push('', '### Not applicable', '', ...notApplicable.map((line) => `- ${line}`))
  }
  const warned = cells.filter((cell) => cell.warnings.length > 0)
  if (warned.length > 0) {
    lines.push(
      '',
      '### Warnings',
      '',
      ...warned.map((cell) => `- \`${cellName(cell)}\`: ${cell.warnings.join('; ')}`),
    )
  }
  return lines.join('\n') + '\n'
}
