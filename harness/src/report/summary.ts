import type { CellResult } from '../verdict.ts'

export const summarize = (cells: readonly CellResult[]) => ({
  passed: cells.filter((cell) => cell.status === 'pass').length,
  failed: cells.filter((cell) => cell.status === 'fail').length,
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

export const cellName = (cell: Pick<CellResult, 'style' | 'scenario'>) =>
  `${cell.style} › ${cell.scenario}`

// A cell at a glance: its verdict and how many requests it sent.
export const mark = (cell: CellResult | undefined) => {
  if (!cell) return ''
  const verdict = cell.status === 'fail' ? '✗' : cell.warnings.length > 0 ? '!' : '✓'
  return `${verdict} ${cell.requestCount}`
}
