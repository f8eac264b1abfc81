import { styleText } from 'node:util'
import type { CellResult } from '../verdict.ts'
import {
  alsoRunsInText,
  cellName,
  grid,
  legend,
  mark,
  notApplicableLines,
  totals,
} from './summary.ts'

const color = (format: Parameters<typeof styleText>[0], text: string) =>
  styleText(format, text, { stream: process.stdout })

// One line per finished cell; on a terminal it rewrites a single progress line instead.
export const progressLine = (cell: CellResult, done: number, total: number) => {
  const verdict = cell.status === 'pass' ? color('green', '✓') : color('red', '✗')
  const line = `[${done}/${total}] ${verdict} ${cellName(cell)} (${(cell.durationMs / 1000).toFixed(1)} s)`
  if (process.stdout.isTTY) process.stdout.write(`\r\x1b[2K${line}${done === total ? '\n' : ''}`)
  else console.log(line)
}

const indent = (text: string, by = '    ') =>
  text
    .split('\n')
    .map((line) => by + line)
    .join('\n')

const colorDiff = (diff: string) =>
  diff
    .split('\n')
    .map((line) =>
      line.startsWith('+')
        ? color('green', line)
        : line.startsWith('-')
          ? color('red', line)
          : line,
    )
    .join('\n')

// Where to act: the program to edit (and what else runs it), or the catalogue for an intended change.
const fixSiteLines = (cell: CellResult) => [
  `  fix: edit ${cell.fixSite.program}${alsoRunsInText(cell)}`,
  `       or, if the change is intended, ${cell.fixSite.catalogueEntry}`,
]

// A failed cell's problems, diffs and stderr: the part of the report a test failure shows.
export const failureText = (cell: CellResult) => {
  const lines = [`${cellName(cell)} failed`]
  for (const problem of cell.problems) {
    lines.push(`  ${problem.check}: ${problem.summary}`)
    if (problem.diff) lines.push(indent(colorDiff(problem.diff)))
  }
  if (cell.stderrTail) lines.push('  stderr (last lines):', indent(cell.stderrTail))
  lines.push(...fixSiteLines(cell))
  return lines.join('\n')
}

export const terminalReport = (cells: readonly CellResult[], durationMs: number) => {
  const { styles, scenarios, at } = grid(cells)
  const width = Math.max('scenario'.length, ...scenarios.map((name) => name.length)) + 2
  const columns = styles.map((style) => Math.max(style.length, 5) + 2)
  const lines = [
    '',
    'scenario'.padEnd(width) + styles.map((style, i) => style.padEnd(columns[i]!)).join(''),
    ...scenarios.map(
      (scenario) =>
        scenario.padEnd(width) +
        styles.map((style, i) => mark(at(scenario, style)).padEnd(columns[i]!)).join(''),
    ),
    '',
    color('dim', legend),
  ]

  for (const cell of cells.filter((cell) => cell.status === 'fail')) {
    lines.push('', color('red', '✗ ') + failureText(cell))
  }
  const warned = cells.filter((cell) => cell.warnings.length > 0)
  if (warned.length > 0) {
    lines.push('', color('yellow', 'Warnings'))
    for (const cell of warned) lines.push(`  ! ${cellName(cell)}: ${cell.warnings.join('; ')}`)
  }
  const notApplicable = notApplicableLines(cells)
  if (notApplicable.length > 0) {
    lines.push('', color('dim', 'Not applicable'), ...notApplicable.map((line) => `  n/a ${line}`))
  }
  lines.push('', `${totals(cells)} (${(durationMs / 1000).toFixed(1)} s)`)
  return lines.join('\n')
}
