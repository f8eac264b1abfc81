import { bodyRules, droppedHeaders, renamedHeaders } from '@conformance/common'
import type { CellResult } from '../verdict.ts'
import { summarize } from './summary.ts'

// The machine-readable report: every cell with its verdict, evidence and canonical request, and
// the canonicalization profile the requests were compared under.
export const jsonReport = (cells: readonly CellResult[], durationMs: number) =>
  JSON.stringify(
    {
      summary: { ...summarize(cells), total: cells.length, durationMs },
      profile: { droppedHeaders, renamedHeaders, bodyRules },
      cells,
    },
    null,
    2,
  ) + '\n'
