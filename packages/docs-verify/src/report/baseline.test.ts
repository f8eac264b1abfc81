import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyBaseline, readBaseline, writeBaseline } from './baseline.ts'
import type { BlockResult, GroupResult } from '../types.ts'
import { groupFails } from './summary.ts'

const dir = mkdtempSync(join(tmpdir(), 'baseline-'))
const file = join(dir, 'docs-baseline.json')
const tab = (title: string, verdict: BlockResult['verdict'], line: number): BlockResult => ({
  page: join(dir, 'docs', 'page.mdx'),
  group: 1,
  title,
  language: 'python',
  line,
  verdict,
  reason: 'why',
  request: null,
  warnings: [],
})
const run = (...blocks: BlockResult[]): GroupResult[] => [
  {
    page: join(dir, 'docs', 'page.mdx'),
    index: 1,
    line: 10,
    blocks,
    comparison: { headers: [], bodies: [] },
  },
]

describe('a baseline of accepted failures', () => {
  it('is written with pages relative to itself, and read back', () => {
    expect(writeBaseline(file, run(tab('Python', 'crashed', 14), tab('cURL', 'pass', 30)))).toBe(1)
    expect(JSON.parse(readFileSync(file, 'utf8')).accepted).toEqual([
      { page: 'docs/page.mdx', line: 14, title: 'Python', verdict: 'crashed' },
    ])
    expect(readBaseline(file)).toHaveLength(1)
  })

  it('accepts the same failure, not the same block failing another way', () => {
    const entries = [{ page: 'docs/page.mdx', line: 14, title: 'Python', verdict: 'crashed' }]
    const same = applyBaseline(run(tab('Python', 'crashed', 14)), entries, file)
    expect(same.groups[0]!.blocks[0]!.accepted).toBe(true)
    expect(groupFails(same.groups[0]!, false)).toBe(false)
    const other = applyBaseline(run(tab('Python', 'type-error', 14)), entries, file)
    expect(groupFails(other.groups[0]!, false)).toBe(true)
    // The accepted crash no longer happens on a page that was checked: fixed since.
    expect(other.fixed).toEqual(entries)
  })

  it('says nothing is fixed on a page this run did not check (a shard, a single page)', () => {
    const entries = [{ page: 'docs/other.mdx', line: 3, title: 'cURL', verdict: 'crashed' }]
    expect(applyBaseline(run(tab('Python', 'pass', 14)), entries, file).fixed).toEqual([])
  })

  it('names a missing or malformed file', () => {
    expect(() => readBaseline(join(dir, 'none.json'))).toThrow(/write one with --write-baseline/)
    writeFileSync(join(dir, 'bad.json'), '{"accepted": [{"page": 1}]}')
    expect(() => readBaseline(join(dir, 'bad.json'))).toThrow(/not a docs:verify baseline/)
  })
})
