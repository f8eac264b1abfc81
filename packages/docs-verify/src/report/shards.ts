import { readFileSync } from 'node:fs'
import { formatVersion } from './json.ts'
import type { BlockResult, GroupResult } from '../types.ts'

export type Shard = { index: number; count: number }

// `--shard 2/3`: the second of three machines. Parsed strictly, so a typo is not a silent no-op.
export const parseShard = (text: string): Shard => {
  const match = /^(\d+)\/(\d+)$/.exec(text)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index < 1 || index > count)
    throw new Error(`--shard takes i/n with 1 ≤ i ≤ n (such as 2/3), not "${text}"`)
  return { index, count }
}

// Every machine expands the same sorted page list, so each takes every n-th page from its own
// offset: together the shards check each page exactly once.
export const pagesOfShard = (pages: string[], { index, count }: Shard) =>
  pages.filter((_, i) => i % count === index - 1)

type JsonReport = {
  formatVersion?: number
  blocks: BlockResult[]
  groups: (Omit<GroupResult, 'blocks'> & { blocks: string[]; failed: boolean })[]
}

// The groups of several shards' JSON reports, as one run would have reported them.
export const mergeReports = (files: string[]): GroupResult[] =>
  files.flatMap((file) => {
    const report = JSON.parse(readFileSync(file, 'utf8')) as JsonReport
    if (report.formatVersion !== formatVersion || !Array.isArray(report.groups))
      throw new Error(
        `${file} is not a docs:verify JSON report of format ${formatVersion} (no blocks and groups)`,
      )
    return report.groups.map(({ blocks: _titles, failed: _failed, ...group }) => ({
      ...group,
      blocks: report.blocks.filter(
        (block) => block.page === group.page && block.group === group.index,
      ),
    }))
  })
