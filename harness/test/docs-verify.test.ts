import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMock, type RunningMock } from '@conformance/openrouter-mock'
import { checkPage, type GroupResult, type TabResult } from '../src/docs/check-page.ts'
import { createWorkspace } from '../src/docs/workspace.ts'
import { sharedFile } from './shared-material.ts'

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/docs/${name}`, import.meta.url))
const shared = (name: string) => sharedFile(`docs-under-test/${name}`)
const docsRoot = fixture('site')

let mock: RunningMock
let workspace: ReturnType<typeof createWorkspace>
beforeAll(async () => {
  mock = await startMock()
  workspace = createWorkspace()
})
afterAll(async () => {
  workspace.remove()
  await mock.close()
})

const check = (page: string, options: { docsRoot?: string; timeoutMs?: number } = {}) =>
  checkPage(page, {
    mock,
    workspace: workspace.root,
    timeoutMs: options.timeoutMs ?? 20_000,
    docsRoot: options.docsRoot,
  })
const tab = (groups: GroupResult[], title: string): TabResult => {
  const found = groups.flatMap((group) => group.tabs).find((candidate) => candidate.title === title)
  if (!found) throw new Error(`no tab titled ${title}`)
  return found
}

describe('the published authentication pages', () => {
  it('2025-11-08 (llms-full.txt): the SDK tab fails before sending; the others pass; X-Title is flagged', async () => {
    const groups = await check(shared('authentication-2025-11-08.md'))
    expect(groups).toHaveLength(1)
    const sdk = tab(groups, 'TypeScript SDK')
    expect(sdk.verdict).toBe('failed-before-sending')
    expect(sdk.reason).toContain('SDKValidationError')
    expect(sdk.reason).toContain('chatRequest')
    expect(sdk.evidence?.requests).toEqual([])
    expect(sdk.evidence?.typeErrors.join('\n')).toMatch(/TS2353 .*'defaultHeaders' does not exist/)
    for (const title of [
      'Python (OpenAI SDK)',
      'TypeScript (OpenAI SDK)',
      'TypeScript (Raw API)',
      'cURL',
    ]) {
      expect(tab(groups, title).verdict, title).toBe('pass')
    }
    const { headers, bodies } = groups[0]!.comparison
    expect(headers).toContain(
      'TypeScript (Raw API) sends X-Title, the legacy alias of x-openrouter-title',
    )
    expect(
      headers.some(
        (line) => line.startsWith('http-referer:') && line.includes('missing from cURL'),
      ),
    ).toBe(true)
    expect(bodies.some((line) => line.includes('What is the meaning of life?'))).toBe(true)
  })

  it('2026-08 (Mintlify MDX): the same SDK failure, and no legacy header left', async () => {
    const groups = await check(shared('authentication-2026-08.mdx'))
    expect(groups.map((group) => group.tabs.map((tab) => tab.title))).toEqual([
      [
        'TypeScript SDK',
        'Python (OpenAI SDK)',
        'TypeScript (OpenAI SDK)',
        'TypeScript (Raw API)',
        'cURL',
      ],
    ])
    expect(tab(groups, 'TypeScript SDK')).toMatchObject({ verdict: 'failed-before-sending' })
    expect(tab(groups, 'TypeScript SDK').evidence?.typeErrors.join('\n')).toMatch(/TS2769/)
    expect(groups[0]!.tabs.filter((tab) => tab.verdict === 'pass')).toHaveLength(4)
    expect(groups[0]!.comparison.headers.join('\n')).not.toContain('legacy')
  })
})

describe('pages of our own, covering each syntax', () => {
  it('llms-full.txt: consecutive fences form groups; a lone titled fence is a group; non-programs are skipped', async () => {
    const groups = await check(fixture('llms-full-groups.md'))
    expect(groups.map((group) => group.tabs.map((tab) => tab.title))).toEqual([
      ['TypeScript (fetch)', 'cURL'],
      ['Response', 'npm', 'Go'],
      ['Python (requests)'],
    ])
    expect(tab(groups, 'TypeScript (fetch)').verdict).toBe('pass')
    expect(tab(groups, 'cURL').verdict).toBe('pass')
    expect(tab(groups, 'Response')).toMatchObject({
      verdict: 'skipped',
      reason: 'not a program (json)',
    })
    expect(tab(groups, 'npm')).toMatchObject({
      verdict: 'skipped',
      reason: 'an install command, not a program',
    })
    expect(tab(groups, 'Go')).toMatchObject({ verdict: 'skipped', reason: 'no runner for go' })
    expect(tab(groups, 'Python (requests)')).toMatchObject({
      verdict: 'pass',
      reason: 'sent GET /api/v1/key → 200',
    })
    expect(groups[0]!.comparison.headers).toContain(
      'cURL sends X-Title, the legacy alias of x-openrouter-title',
    )
  })

  it('MDX: templates from imported constants, bare-word titles, LlmsOnly ignored, each failure named', async () => {
    const groups = await check(fixture('mintlify-templates.mdx'), { docsRoot, timeoutMs: 8_000 })
    expect(groups.map((group) => group.tabs.map((tab) => tab.title))).toEqual([
      ['Python', 'TypeScript (fetch)'],
      ['Invalid request', 'Hangs', 'Imports a package the checker lacks', 'Sends nothing'],
    ])
    const python = tab(groups, 'Python')
    expect(python.verdict).toBe('pass')
    expect(python.request?.body).toMatchObject({ model: 'openai/gpt-4o' })
    // `${API_KEY_REF}` is not a template placeholder: the site renders it as an undefined variable.
    expect(tab(groups, 'TypeScript (fetch)')).toMatchObject({ verdict: 'failed-before-sending' })
    expect(tab(groups, 'TypeScript (fetch)').reason).toContain(
      'ReferenceError: API_KEY_REF is not defined',
    )
    expect(tab(groups, 'Invalid request')).toMatchObject({ verdict: 'rejected-request' })
    expect(tab(groups, 'Invalid request').reason).toContain('messages[0].content')
    expect(tab(groups, 'Hangs')).toMatchObject({ verdict: 'hung' })
    expect(tab(groups, 'Hangs').reason).toContain('having sent 1 request(s)')
    expect(tab(groups, 'Imports a package the checker lacks')).toMatchObject({ verdict: 'skipped' })
    expect(tab(groups, 'Imports a package the checker lacks').reason).toContain(
      'imports @tanstack/ai-openrouter',
    )
    expect(tab(groups, 'Sends nothing')).toMatchObject({ verdict: 'sent-nothing' })
  })

  it('a template whose constants cannot be resolved makes its tabs unrenderable, not guessed', async () => {
    const groups = await check(fixture('mintlify-templates.mdx'), { timeoutMs: 8_000 })
    expect(tab(groups, 'Python')).toMatchObject({ verdict: 'unrenderable' })
    expect(tab(groups, 'Python').reason).toContain('--docs-root')
  })
})

describe("the project's own docs page", () => {
  it('every tab passes, and the tabs send the same headers', async () => {
    const groups = await check(
      fileURLToPath(new URL('../../docs/authentication.mdx', import.meta.url)),
    )
    expect(groups[0]!.tabs.map((tab) => [tab.title, tab.verdict])).toEqual([
      ['TypeScript SDK', 'pass'],
      ['Python (OpenRouter SDK)', 'pass'],
      ['Python (OpenAI SDK)', 'pass'],
      ['Python (requests)', 'pass'],
      ['TypeScript (OpenAI SDK)', 'pass'],
      ['TypeScript (Vercel AI SDK)', 'pass'],
      ['TypeScript (fetch)', 'pass'],
      ['cURL', 'pass'],
    ])
    expect(groups[0]!.comparison).toEqual({ headers: [], bodies: [] })
  })
})

describe('pnpm docs:verify', () => {
  it('exits 1 with a JSON report whose tabs carry title, verdict and evidence', async () => {
    const cli = fileURLToPath(new URL('../src/docs/cli.ts', import.meta.url))
    const report = `${workspace.root}/report.json`
    const result = await execa(
      process.execPath,
      [cli, shared('authentication-2026-08.mdx'), '--json', report],
      { reject: false },
    )
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('tabs: 4 passed, 1 failed, 0 skipped; groups: 1 of 1 failed')
    // One line-number scheme: the page's line, and the line in the block beside it.
    expect(result.stdout).toContain('type-check: line 52:3 TS2769 No overload matches this call')
    expect(result.stdout).toContain('(line 10 of the block)')
    expect(result.stdout).toContain('fix: pass the request under `chatRequest`')
    const { tabs } = JSON.parse(
      await import('node:fs').then((fs) => fs.readFileSync(report, 'utf8')),
    )
    expect(tabs.map((tab: TabResult) => [tab.title, tab.verdict])).toEqual([
      ['TypeScript SDK', 'failed-before-sending'],
      ['Python (OpenAI SDK)', 'pass'],
      ['TypeScript (OpenAI SDK)', 'pass'],
      ['TypeScript (Raw API)', 'pass'],
      ['cURL', 'pass'],
    ])
    expect(tabs[0].evidence.error).toContain('SDKValidationError')
  })

  it('--strict fails on header differences alone', async () => {
    const cli = fileURLToPath(new URL('../src/docs/cli.ts', import.meta.url))
    const page = fixture('llms-full-groups.md')
    expect((await execa(process.execPath, [cli, page], { reject: false })).exitCode).toBe(0)
    const strict = await execa(process.execPath, [cli, page, '--strict'], { reject: false })
    expect(strict.exitCode).toBe(1)
    expect(strict.stdout).toMatch(
      /groups: [1-9]\d* of \d+ failed, [1-9]\d* on header differences alone \(--strict\)/,
    )
  })
})
