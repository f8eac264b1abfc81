import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startMock, type RunningMock } from '@conformance/openrouter-mock'
import { checkSite } from '../src/check-site.ts'
import type { GroupResult } from '../src/types.ts'
import { defaultLimits, readPageText } from '../src/parse/page-input.ts'
import { expandPages } from '../src/parse/pages.ts'
import { parsePage } from '../src/parse/mdx.ts'
import { createWorkspace } from '../src/run/index.ts'
import { sharedFile } from '@conformance/common/testing'

// Hundreds of pages no one would write on purpose, seeded so a failure repeats: random bytes,
// random text full of MDX's syntax, pages spliced with broken MDX, and real pages of the SDK
// reference cut off anywhere. The checker never crashes on one, never blames itself, and gives
// every page that has anything to check a verdict.
const generator = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const random = generator(19)
const below = (n: number) => Math.floor(random() * n)
const pick = <T>(items: readonly T[]): T => items[below(items.length)]!

const syntax = [
  '<',
  '>',
  '{',
  '}',
  '```',
  '---',
  '{/*',
  '*/}',
  '</',
  '/>',
  '=',
  '"',
  "'",
  '\n',
  '#',
  '|',
  '`',
  '\\',
  'import ',
  'export ',
  '<CodeGroup>',
  '</CodeGroup>',
  '<Template data={{',
  '}}>',
  '\u0000',
  '\uFFFF',
  '😀',
]
const prose = [
  '# A page\n\nSome text.\n\n',
  '```text title="Output"\nan output\n```\n\n',
  '<CodeGroup>\n\n```json\n{ "a": 1 }\n```\n\n</CodeGroup>\n\n',
  '<Note>\nA note with `code`.\n</Note>\n\n',
  '| a | b |\n| - | - |\n| 1 | 2 |\n\n',
]
const splice = (text: string) => {
  let result = text
  for (let i = 0; i < 1 + below(4); i++) {
    const at = below(result.length + 1)
    result = result.slice(0, at) + pick(syntax) + result.slice(at)
  }
  return result
}
const reference = [
  'agent-sdk/typescript/api-reference/models/action.mdx',
  'agent-sdk/typescript/api-reference/models/datacollection.mdx',
  'agent-sdk/typescript/api-reference/operations/getcurrentkeydata.mdx',
  'agent-sdk/typescript/api-reference/errors/badrequestresponseerror.mdx',
  'agent-sdk/typescript/models/assistantmessage.mdx',
].map((page) => readFileSync(sharedFile(`docs-under-test/site/${page}`), 'utf8'))

const pages: (string | Buffer)[] = [
  ...Array.from({ length: 120 }, () =>
    Buffer.from(Array.from({ length: below(3000) }, () => below(256))),
  ),
  ...Array.from({ length: 120 }, () =>
    Array.from({ length: below(400) }, () => pick(syntax)).join(''),
  ),
  ...Array.from({ length: 120 }, () =>
    splice(Array.from({ length: 1 + below(4) }, () => pick(prose)).join('')),
  ),
  ...Array.from({ length: 40 }, () => {
    const page = pick(reference)
    return splice(page.slice(0, below(page.length)))
  }),
]

const dir = mkdtempSync(join(tmpdir(), 'docs-fuzz-'))
let mock: RunningMock
let workspace: ReturnType<typeof createWorkspace>
let groups: GroupResult[]
let files: string[]
beforeAll(async () => {
  mkdirSync(dir, { recursive: true })
  pages.forEach((page, i) =>
    writeFileSync(join(dir, `page-${String(i).padStart(3, '0')}.mdx`), page),
  )
  files = expandPages([dir], dir).pages
  mock = await startMock()
  workspace = createWorkspace()
  groups = await checkSite(files, { mock, workspace: workspace.root, timeoutMs: 10_000 })
}, 300_000)
afterAll(async () => {
  workspace?.remove()
  await mock?.close()
  rmSync(dir, { recursive: true, force: true })
})

it(`${pages.length} malformed pages: no crash, no fault of the checker's, a verdict for every page with something to check`, () => {
  const tabs = groups.flatMap((group) => group.blocks)
  expect(
    tabs
      .filter((tab) => tab.verdict === 'checker-fault')
      .map((tab) => `${tab.page}: ${tab.reason}`),
  ).toEqual([])
  // A page that does not parse says where, on a line of the page.
  for (const tab of tabs.filter((tab) => tab.verdict === 'unparseable'))
    expect(tab.line, tab.page).toBeGreaterThanOrEqual(1)
  // One verdict of the whole page, or verdicts of its blocks: never both.
  for (const [page, pageGroups] of Map.groupBy(groups, (group) => group.page))
    expect(pageGroups.some((group) => group.pageLevel) && pageGroups.length > 1, page).toBe(false)
  // A page with no verdict at all is one with nothing to check: it parses, and has no block.
  const judged = new Set(groups.map((group) => group.page))
  for (const file of files.filter((file) => !judged.has(file))) {
    const input = readPageText(file, defaultLimits)
    expect('text' in input && parsePage(input.text, file).groups, file).toEqual([])
  }
  // Most of them do not parse at all; some do, and their blocks are judged.
  expect(tabs.filter((tab) => tab.verdict === 'unparseable').length).toBeGreaterThan(200)
  expect(tabs.filter((tab) => tab.verdict !== 'unparseable').length).toBeGreaterThan(50)
})
