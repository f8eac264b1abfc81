import { availableParallelism } from 'node:os'
import pLimit from 'p-limit'
import { startMock } from '@conformance/openrouter-mock'
import { runCell, type CellOptions } from './cell.ts'
import { allowedCount, expectationsFor, type Scenario } from './scenarios.ts'
import type { Style } from './styles.ts'
import { compareSiblings, type CellResult } from './verdict.ts'

export type MatrixOptions = CellOptions & {
  styles: Style[]
  scenarios: Scenario[]
  // Cells at once; more than there are cores only thrashes (see the benchmark).
  concurrency?: number
  onCell?: (cell: CellResult, done: number, total: number) => void
}

type Pair = { style: Style; scenario: Scenario }

// Cells that retry (several requests allowed) take seconds; starting them first keeps the last
// core from running one alone at the end. Reports keep the catalogue's order regardless.
const mostRequests = ({ style, scenario }: Pair) =>
  allowedCount(expectationsFor(scenario, style.name).requests, style.name).max

export const scheduleSlowFirst = <T extends Pair>(pairs: T[]): T[] =>
  pairs.toSorted((a, b) => mostRequests(b) - mostRequests(a))

export type MatrixResult = { cells: CellResult[]; durationMs: number }

// Every style × scenario cell, run in parallel against one mock, then compared across siblings.
export const runMatrix = async (options: MatrixOptions): Promise<MatrixResult> => {
  const started = performance.now()
  const mock = await startMock()
  const limit = pLimit(options.concurrency ?? availableParallelism())
  const pairs = options.scenarios.flatMap((scenario) =>
    options.styles.map((style) => ({ style, scenario })),
  )
  const slowFirst = scheduleSlowFirst(pairs)
  let done = 0
  try {
    const results = new Map(
      await Promise.all(
        slowFirst.map((pair) =>
          limit(async () => {
            const cell = await runCell(mock, pair.style, pair.scenario, options)
            options.onCell?.(cell, ++done, pairs.length)
            return [pair, cell] as const
          }),
        ),
      ),
    )
    const cells = pairs.map((pair) => results.get(pair)!)
    return { cells: compareSiblings(cells), durationMs: Math.round(performance.now() - started) }
  } finally {
    await mock.close()
  }
}
