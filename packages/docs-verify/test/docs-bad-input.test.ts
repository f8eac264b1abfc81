import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMock, type RunningMock } from '@conformance/openrouter-mock'
import { checkSite } from '../src/check-site.ts'
import type { GroupResult } from '../src/types.ts'
import { htmlReport } from '../src/report/html.ts'
import { expandPages } from '../src/parse/pages.ts'
import { jsonReport } from '../src/report/json.ts'
import { junitReport } from '../src/report/junit.ts'
import { markdownReport } from '../src/report/markdown.ts'
import { terminalReport } from '../src/report/terminal.ts'
import { createWorkspace } from '../src/run/index.ts'
import { sharedFile } from '@conformance/common/testing'

// A folder as a half-edited pull request leaves it: one good page beside every kind of page that
// cannot be checked. Each bad page gets one verdict with the parser's own words and where; the
// good page is judged as if it were alone; no report is lost.
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'docs-bad-'))
const site = join(dir, 'site')
const good = [
  '# A good page',
  '',
  '```bash',
  'curl -s https://openrouter.ai/api/v1/key -H "Authorization: Bearer $OPENROUTER_API_KEY"',
  '```',
  '',
].join('\n')
const pages: Record<string, string | Buffer> = {
  'good.mdx': good,
  'unclosed-expression.mdx': 'Some text.\n\n<Component foo={{\n\nmore text\n',
  'front-matter.mdx': '---\ntitle: [unclosed\n---\n\n# Title\n',
  'binary.mdx': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
  'latin-1.mdx': Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
  'too-large.mdx': `# Large\n\n${'x'.repeat(1_100_000)}\n`,
  'big-block.mdx': `\`\`\`bash\n# ${'y'.repeat(120_000)}\ncurl https://openrouter.ai/api/v1/models\n\`\`\`\n`,
}

let mock: RunningMock
let workspace: ReturnType<typeof createWorkspace>
let groups: GroupResult[]
const byPage = () =>
  Object.fromEntries(
    [...Map.groupBy(groups, (group) => relative(site, group.page)).entries()].map(
      ([page, pageGroups]) => [
        page,
        pageGroups.flatMap((group) =>
          group.blocks.map((tab) => `${tab.line} ${tab.verdict}: ${tab.reason}`),
        ),
      ],
    ),
  )

beforeAll(async () => {
  mkdirSync(site, { recursive: true })
  for (const [name, content] of Object.entries(pages)) writeFileSync(join(site, name), content)
  symlinkSync('loop.mdx', join(site, 'loop.mdx'))
  mock = await startMock()
  workspace = createWorkspace()
  groups = await checkSite(expandPages([site], site).pages, {
    mock,
    workspace: workspace.root,
    timeoutMs: 20_000,
  })
}, 120_000)
afterAll(async () => {
  workspace?.remove()
  await mock?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('a folder with a good page beside every kind of bad one', () => {
  it('each bad page gets one verdict, with what is wrong and where; the good page is judged as alone', () => {
    expect(byPage()).toEqual({
      'big-block.mdx': [
        '1 skipped: not judged: the block is 121 KB, over the 100 KB a block may be',
      ],
      'binary.mdx': ['3 unparseable: is binary, not a page (a NUL byte) (line 3, column 1)'],
      'front-matter.mdx': [
        expect.stringMatching(
          /^2 unparseable: has front matter that is not YAML: Flow sequence in block collection must be sufficiently indented and end with a \] \(line 2, column 17\)$/,
        ),
      ],
      'good.mdx': ['3 pass: sent GET /api/v1/key → 200'],
      'latin-1.mdx': [
        '1 unparseable: is not UTF-8 (a byte that does not decode) (line 1, column 6)',
      ],
      'loop.mdx': [
        '1 unparseable: cannot be read: a symbolic link that leads back to itself (line 1, column 1)',
      ],
      'too-large.mdx': [
        '1 unparseable: is 1101 KB, over the 1000 KB a page may be (line 1, column 1)',
      ],
      'unclosed-expression.mdx': [
        expect.stringMatching(
          /^6 unparseable: does not parse: Unexpected end of file in expression, expected a corresponding closing brace for `\{` \(line 6, column 1\)$/,
        ),
      ],
    })
    const bad = groups.filter((group) => group.pageLevel)
    expect(bad.every((group) => group.blocks[0]!.cause === 'a page that does not parse')).toBe(true)
  })

  it('more blocks on a page than the bound: the rest are reported, not run', async () => {
    const many = join(dir, 'many.mdx')
    writeFileSync(many, Array.from({ length: 4 }, () => '```text\nan output\n```\n').join('\n'))
    const reasons = (
      await checkSite([many], {
        mock,
        workspace: workspace.root,
        timeoutMs: 20_000,
        limits: { pageBytes: 1_000_000, blockBytes: 100_000, blocks: 2 },
      })
    ).flatMap((page) => page.blocks.map((tab) => tab.reason))
    expect(reasons).toEqual([
      'not a program (text)',
      'not a program (text)',
      'not judged: the page has more than 2 blocks, the most the checker runs on one page',
      'not judged: the page has more than 2 blocks, the most the checker runs on one page',
    ])
  })

  it("the checker's own failure on one page is reported as ours, with its stack, and the run goes on", async () => {
    const results = await checkSite(
      [join(site, 'good.mdx'), sharedFile('docs-under-test/authentication-2026-08.mdx')],
      {
        mock,
        workspace: workspace.root,
        timeoutMs: 20_000,
        docsRoot: (page) => {
          if (page.endsWith('good.mdx')) throw new Error('a bug of ours')
          return undefined
        },
      },
    )
    const [broken, ...rest] = results
    expect(broken).toMatchObject({ pageLevel: true })
    expect(broken!.blocks[0]).toMatchObject({
      verdict: 'checker-fault',
      reason:
        "the checker failed on this page: a bug of ours (the checker's fault, not the page's)",
      stack: expect.stringContaining('docs-bad-input.test.ts'),
    })
    expect(
      rest.flatMap((group) => group.blocks).filter((tab) => tab.verdict === 'pass'),
    ).toHaveLength(4)
    // The stack is for us: in the JSON report, in no report a docs team reads.
    const options = { strict: false, base: dir }
    expect(jsonReport(results, options)).toContain('docs-bad-input.test.ts')
    for (const report of [
      terminalReport(results, options),
      markdownReport(results, options),
      junitReport(results, options),
      htmlReport(results, options),
    ])
      expect(report).not.toContain('docs-bad-input.test.ts')
  })

  it('every report names each bad page on its line, and the exit code is 1', async () => {
    const run = await execa(
      process.execPath,
      [
        cli,
        'site',
        '--json',
        'r.json',
        '--junit',
        'r.xml',
        '--markdown',
        'r.md',
        '--html',
        'r.html',
        '--annotations',
      ],
      { cwd: dir, reject: false },
    )
    expect(run.exitCode, run.stderr).toBe(1)
    expect(run.stdout).toContain('site/unclosed-expression.mdx:6 (page) ✗')
    expect(run.stdout).toContain(
      '::error file=site/unclosed-expression.mdx,line=6,title=docs%3Averify › page::unparseable: does not parse',
    )
    expect(run.stdout).toMatch(/Failures by cause: 6 a page that does not parse/)
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as {
      blocks: { page: string; verdict: string }[]
    }
    expect(json.blocks.filter((tab) => tab.verdict === 'unparseable')).toHaveLength(6)
    for (const report of ['r.xml', 'r.md', 'r.html'])
      expect(readFileSync(join(dir, report), 'utf8'), report).toContain('unclosed-expression.mdx')
  })
})
