import { expect, it } from 'vitest'
import type { BlockResult } from '../types.ts'
import { progressReporter } from './progress.ts'

const result = (page: string, verdict: BlockResult['verdict']) =>
  ({
    page,
    verdict,
    reason: '',
    title: 't',
    line: 1,
    group: 1,
    language: 'ts',
    request: null,
    warnings: [],
  }) as BlockResult

it('in a log, a line every few seconds: blocks and pages done, failures, blocks per second, time left', () => {
  let clock = 0
  const lines: string[] = []
  const progress = progressReporter(
    { write: (text) => lines.push(text) },
    { everyMs: 5_000, now: () => clock },
  )
  progress.planned({
    pages: new Map([
      ['a.mdx', 2],
      ['b.mdx', 2],
    ]),
    blocks: 4,
  })
  clock = 2_000
  progress.judged(result('a.mdx', 'pass'))
  expect(lines).toEqual([])
  clock = 6_000
  progress.judged(result('a.mdx', 'type-error'))
  clock = 8_000
  progress.judged(result('b.mdx', 'fragment'))
  clock = 12_000
  progress.judged(result('b.mdx', 'pass'))
  progress.done()
  expect(lines).toEqual([
    'docs:verify: 2/4 blocks, 1/2 pages, 1 failure, 0.3 blocks/s, about 6 s left\n',
    'docs:verify: 4/4 blocks, 2/2 pages, 1 failure, 0.3 blocks/s\n',
  ])
})

it('on a terminal, one line rewritten', () => {
  const written: string[] = []
  const progress = progressReporter(
    { isTTY: true, write: (text) => written.push(text) },
    { now: () => 1_000 },
  )
  progress.planned({ pages: new Map([['a.mdx', 1]]), blocks: 1 })
  progress.judged(result('a.mdx', 'pass'))
  expect(written[0]).toMatch(/^\rdocs:verify: 1\/1 blocks, 1\/1 pages, 0 failures, /)
})
