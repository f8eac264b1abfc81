import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import type { BlockResult, GroupResult } from '../types.ts'
import { isFailure } from './summary.ts'

// A failure a docs team accepts for now, as ESLint and ruff keep theirs: the block (its page,
// relative to the baseline file, and its fence's line), the block, and how it failed. The same
// block failing another way is a new failure.
export type BaselineEntry = { page: string; line: number; title: string; verdict: string }

export class BaselineError extends Error {}

const entryOf = (block: BlockResult, baselineFile: string): BaselineEntry => ({
  page: relative(dirname(baselineFile), block.page),
  line: block.line,
  title: block.title,
  verdict: block.verdict,
})

const keyOf = ({ page, line, title, verdict }: BaselineEntry) =>
  JSON.stringify([page, line, title, verdict])

const isEntry = (value: unknown): value is BaselineEntry => {
  const entry = value as Partial<BaselineEntry> | null
  return (
    typeof entry?.page === 'string' &&
    typeof entry.line === 'number' &&
    typeof entry.title === 'string' &&
    typeof entry.verdict === 'string'
  )
}

export const readBaseline = (file: string): BaselineEntry[] => {
  if (!existsSync(file))
    throw new BaselineError(`No baseline at ${file}: write one with --write-baseline`)
  let accepted: unknown
  try {
    accepted = (JSON.parse(readFileSync(file, 'utf8')) as { accepted?: unknown }).accepted
  } catch (error) {
    throw new BaselineError(`${file} is not JSON: ${(error as Error).message}`)
  }
  if (!Array.isArray(accepted) || !accepted.every(isEntry))
    throw new BaselineError(
      `${file} is not a docs:verify baseline: expected { "accepted": [{ page, line, title, verdict }] }`,
    )
  return accepted
}

// Marks the failures the baseline accepts (they stay in every report, and no longer fail the run)
// and names the entries of the pages checked that nothing fails for any more: fixed since.
export const applyBaseline = (groups: GroupResult[], entries: BaselineEntry[], file: string) => {
  const accepted = new Set(entries.map(keyOf))
  const matched = new Set<string>()
  const marked = groups.map((group) => ({
    ...group,
    blocks: group.blocks.map((block) => {
      const key = keyOf(entryOf(block, file))
      // A block a shard's report already marks accepted is matched again when reports merge.
      if (!(isFailure(block) || block.accepted) || !accepted.has(key)) return block
      matched.add(key)
      return { ...block, accepted: true }
    }),
  }))
  const checkedPages = new Set(groups.map((group) => relative(dirname(file), group.page)))
  const fixed = entries.filter(
    (entry) => checkedPages.has(entry.page) && !matched.has(keyOf(entry)),
  )
  return { groups: marked, fixed }
}

// Every failure of this run, accepted from now on.
export const writeBaseline = (file: string, groups: GroupResult[]) => {
  const accepted = groups
    .flatMap((group) => group.blocks)
    .filter((block) => isFailure(block) || block.accepted)
    .map((block) => entryOf(block, file))
  const note =
    'Failures docs:verify accepts for now: CI fails only on others. Rewrite with --write-baseline.'
  writeFileSync(file, JSON.stringify({ note, accepted }, null, 2) + '\n')
  return accepted.length
}
