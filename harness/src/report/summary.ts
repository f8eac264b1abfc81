import type { CellResult } from '../verdict.ts'

export const summarize = (cells: readonly CellResult[]) => ({
  passed: cells.filter((cell) => cell.status === 'pass').length,
  failed: cells.filter((cell) => cell.status === 'fail').length,
  notApplicable: cells.filter((cell) => cell.status === 'not-applicable').length,
  warned: cells.filter((cell) => cell.warnings.length > 0).length,
})

// Rows are scenarios and columns styles, in the order they were asked for.
export const grid = (cells: readonly CellResult[]) => {
  const styles = [...new Set(cells.map((cell) => cell.style))]
  const scenarios = [...new Set(cells.map((cell) => cell.scenario))]
  const at = (scenario: string, style: string) =>
    cells.find((cell) => cell.scenario === scenario && cell.style === style)
  return { styles, scenarios, at }
}

// What else a fix to the cell's program changes, for every report: "" or " (also runs in a, b)".
export const alsoRunsInText = ({ fixSite }: Pick<CellResult, 'fixSite'>) =>
  fixSite.alsoRunsIn.length > 0 ? ` (also runs in ${fixSite.alsoRunsIn.join(', ')})` : ''

// The counts, in one sentence for every report.
export const totals = (cells: readonly CellResult[]) => {
  const { passed, failed, notApplicable } = summarize(cells)
  return (
    `${passed} passed, ${failed} failed` +
    (notApplicable > 0 ? `, ${notApplicable} not applicable` : '')
  )
}

// The legend under every matrix.
export const legend =
  '✓ pass  ! pass with warnings  ✗ fail  n/a not applicable (the catalogue says why); the number is how many requests the cell sent'

// The not-applicable cells and why, one line each.
export const notApplicableLines = (cells: readonly CellResult[]) =>
  cells
    .filter((cell) => cell.status === 'not-applicable')
    .map((cell) => `${cellName(cell)}: ${cell.notApplicable}`)

export const cellName = (cell: Pick<CellResult, 'style' | 'scenario'>) =>
  `${cell.style} › ${cell.scenario}`

// A cell at a glance: its verdict and how many requests it sent.
export const mark = (cell: CellResult | undefined) => {
  if (!cell) return ''
  if (cell.status === 'not-applicable') return 'n/a'
  const verdict = cell.status === 'fail' ? '✗' : cell.warnings.length > 0 ? '!' : '✓'
  return `${verdict} ${cell.requestCount}`
}
