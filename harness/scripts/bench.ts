#!/usr/bin/env node
// The conformance matrix's wall time against its floor, measured in the same run. The floor is
// the same cell commands run bare, in parallel at the same concurrency, against a mock that is
// already running: what a run of these examples cannot go below. Not a test: it prints.
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import pLimit from 'p-limit'
import { startMock } from '@conformance/openrouter-mock'
import { cellEnvironment, scenarioKey } from '../src/cell.ts'
import { runMatrix, scheduleSlowFirst } from '../src/matrix.ts'
import { runProgram } from '@conformance/common'
import { loadScenarios } from '../src/scenarios.ts'
import { exampleStyles } from '../src/styles.ts'

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: String(availableParallelism()) },
  },
})
const rounds = Number(values.rounds)
const concurrency = Number(values.concurrency)
const styles = exampleStyles()
const scenarios = loadScenarios()
// The floor runs the cells in the order the matrix schedules them, so only overhead differs; a
// cell the catalogue marks not applicable runs nothing in either.
const cells = scheduleSlowFirst(
  scenarios.flatMap((scenario) =>
    styles
      .filter((style) => !scenario.notApplicable?.[style.name])
      .map((style) => ({ style, scenario })),
  ),
)

// Each style's bare basic cell, in milliseconds, from the last floor round: its runtime's and
// client's start-up, which is most of every cell.
const basicCell = new Map<string, number>()

const floor = async () => {
  const mock = await startMock()
  const limit = pLimit(concurrency)
  const started = performance.now()
  await Promise.all(
    cells.map(({ style, scenario }, i) =>
      limit(async () => {
        const env = cellEnvironment(mock.env, scenarioKey(mock, `bench-${i}`, scenario))
        const command = style.command(style.programFile(scenario.program))
        const run = await runProgram(command, { cwd: style.dir, env, timeoutMs: 60_000 })
        if (scenario.name === 'basic') basicCell.set(style.name, run.durationMs)
      }),
    ),
  )
  const elapsed = performance.now() - started
  await mock.close()
  return elapsed
}

const matrix = async () => {
  const started = performance.now()
  const result = await runMatrix({ styles, scenarios, concurrency })
  const failed = result.cells.filter((cell) => cell.status === 'fail').length
  if (failed > 0) console.warn(`note: ${failed} cells failed in this round`)
  return performance.now() - started
}

console.log(
  `${cells.length} cells, ${concurrency} at a time, best of ${rounds} rounds (alternating)`,
)
const floors: number[] = []
const matrices: number[] = []
for (let round = 1; round <= rounds; round++) {
  floors.push(await floor())
  matrices.push(await matrix())
  console.log(
    `round ${round}: floor ${(floors.at(-1)! / 1000).toFixed(2)} s, matrix ${(matrices.at(-1)! / 1000).toFixed(2)} s`,
  )
}
const best = (times: number[]) => Math.min(...times) / 1000
console.log(`floor (bare commands, mock already running): ${best(floors).toFixed(2)} s`)
console.log(
  `conformance matrix (mock start, proxies, journal, verdicts): ${best(matrices).toFixed(2)} s`,
)
console.log(`ratio: ${(best(matrices) / best(floors)).toFixed(2)}× (aim: ≤ 1.3×)`)
console.log(
  `a basic cell, bare, per style (start-up and one call): ${[...basicCell]
    .sort(([, a], [, b]) => b - a)
    .map(([style, ms]) => `${style} ${(ms / 1000).toFixed(2)} s`)
    .join(', ')}`,
)
