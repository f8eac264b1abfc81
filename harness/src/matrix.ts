import { availableParallelism } from 'node:os'
import pLimit from 'p-limit'
import { startMock } from '@conformance/openrouter-mock'
import { runCell, type CellOptions } from './cell.ts'
import type { Scenario } from './scenarios.ts'
import type { Style } from './styles.ts'
import { compareSiblings, type CellResult } from './verdict.ts'

export type MatrixOptions = CellOptions & {
  styles: Style[]
  scenarios: Scenario[]
  // Cells at once; more than there are cores only thrashes (see the benchmark).
  concurrency?: number
  onCell?: (cell: CellResult, done: number, total: number) => void
}

export type MatrixResult = { cells: CellResult[]; durationMs: number }

// Every style × scenario cell, run in parallel against one mock, then compared across siblings.
export const runMatrix = async (options: MatrixOptions): Promise<MatrixResult> => {
  const started = performance.now()
  const mock = await startMock()
  const limit = pLimit(options.concurrency ?? availableParallelism())
  const pairs = options.scenarios.flatMap((scenario) =>
    options.styles.map((style) => ({ style, scenario })),
  )
  let done = 0
  try {
    const cells = await Promise.all(
      pairs.map(({ style, scenario }) =>
        limit(async () => {
          const cell = await runCell(mock, style, scenario, options)
          options.onCell?.(cell, ++done, pairs.length)
          return cell
        }),
      ),
    )
    return { cells: compareSiblings(cells), durationMs: Math.round(performance.now() - started) }
  } finally {
    await mock.close()
  }
}
