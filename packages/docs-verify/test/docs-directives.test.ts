import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startMock, type RunningMock } from '@conformance/openrouter-mock'
import { checkPage } from '../src/check-site.ts'
import { reports } from '../src/report/index.ts'
import { isFailure } from '../src/report/summary.ts'
import { createWorkspace } from '../src/run/index.ts'
import type { BlockResult, GroupResult } from '../src/types.ts'

// Directives where an author writes them, before a block: a hidden setup that later blocks run
// after, skip, expect-fail (failing as expected, and passing against it), a timeout, one before a
// <CodeGroup> told to each tab, and those the checker cannot read or place.
const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url))
let mock: RunningMock
let workspace: ReturnType<typeof createWorkspace>
let groups: GroupResult[]
let blocks: BlockResult[]
beforeAll(async () => {
  mock = await startMock()
  workspace = createWorkspace()
  // The run's own timeout is longer than this hook waits: only the page's `timeout 2s` ends the
  // block that never stops.
  groups = await checkPage(fixture('directives.mdx'), {
    mock,
    workspace: workspace.root,
    timeoutMs: 600_000,
  })
  blocks = groups.flatMap((group) => group.blocks)
}, 60_000)
afterAll(async () => {
  workspace.remove()
  await mock.close()
})
const at = (line: number) => {
  const found = blocks.find((block) => block.line === line)
  if (!found) throw new Error(`no block at line ${line}: ${blocks.map((b) => b.line).join(', ')}`)
  return found
}

it('a hidden setup block: later blocks run after all of it', () => {
  expect(at(8)).toMatchObject({
    title: 'setup (hidden)',
    verdict: 'definition-only',
    reason:
      "the page's hidden setup, which the blocks after it run after: exited 0 without sending a request",
  })
  expect(at(18)).toMatchObject({ verdict: 'pass', joinedWith: [8] })
  expect(at(18).evidence?.stdoutTail).toContain('set up for every later block')
  expect(at(18).evidence?.requests.map((request) => request.path)).toEqual([
    '/api/v1/chat/completions',
  ])
})

it('skip: not run, reported as the page’s choice with its reason; before a group, every tab', () => {
  expect(at(26)).toMatchObject({
    verdict: 'skipped',
    reason: 'skipped by the page: it throws on purpose, to show the error',
  })
  for (const line of [47, 51])
    expect(at(line)).toMatchObject({
      verdict: 'skipped',
      reason: "skipped by the page: needs the reader's own account",
    })
})

it('expect-fail: a failure is expected and does not fail the run; a pass is named', () => {
  const expected = at(31)
  expect(expected.verdict).toBe('rejected-request')
  expect(expected.expectFail).toEqual({
    reason: 'shows the error a request without a model gets',
  })
  expect(isFailure(expected)).toBe(false)

  const passing = at(36)
  expect(passing).toMatchObject({
    verdict: 'pass',
    expectFail: { reason: 'listed as broken, and it works', passes: true },
  })
  expect(passing.directiveNotes?.[0]).toMatch(/and it passes: remove its expect-fail directive/)
  const terminal = reports.terminal!(groups, { strict: false, base: '/' })
  expect(terminal).toContain('expected to fail by their page')
  expect(terminal).toMatch(/Passes though its page expects it to fail: .*directives\.mdx:36/)
})

it('timeout: the block is killed when the page says, not at the run’s default', () => {
  expect(at(41)).toMatchObject({ verdict: 'hung' })
  expect(at(41).reason).toMatch(/^still running after 2 s/)
})

it('a directive the checker cannot read or place is said on the next block, which runs as usual', () => {
  expect(at(57)).toMatchObject({ verdict: 'pass' })
  expect(at(57).directiveNotes).toEqual([
    'the directive at line 56: "skpi" is not a directive the checker knows (skip "why", expect-fail "why", timeout 60s, setup)',
  ])
  expect(at(65)).toMatchObject({ verdict: 'pass' })
  expect(at(65).directiveNotes).toEqual([
    'the directive at line 61 stands before prose, not before a block: it applies to nothing',
  ])
  const annotations = reports.annotations!(groups, { strict: false, base: '/' })
  expect(annotations).toMatch(/::warning file=.*directives\.mdx,line=57,.*skpi/)
})

it('a Markdown page writes its directives as HTML comments', async () => {
  const md = (
    await checkPage(fixture('directives.md'), {
      mock,
      workspace: workspace.root,
      timeoutMs: 20_000,
    })
  ).flatMap((group) => group.blocks)
  expect(md.map((block) => [block.verdict, block.reason])).toEqual([
    ['skipped', 'skipped by the page: an HTML comment, as Markdown writes one'],
    ['pass', expect.any(String)],
  ])
})
