import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { startMock, type MockOptions } from '@conformance/openrouter-mock'
import { checkSite } from '../src/check-site.ts'
import { prepareJudges } from '../src/judge/prepare.ts'
import { findDocsRoot } from '../src/parse/pages.ts'
import { htmlReport } from '../src/report/html.ts'
import { markdownReport } from '../src/report/markdown.ts'
import { siteSummaryLines } from '../src/report/summary.ts'
import { createWorkspace } from '../src/run/index.ts'
import type { BlockResult, GroupResult, Judges } from '../src/types.ts'

// A site of our own with its published spec (docs.json names openapi.yaml): each kind of example
// beside the call it illustrates, a request the mock takes and the spec does not, and a model id
// judged against a model list, saved or served here (nothing reaches the internet).
const site = fileURLToPath(new URL('./fixtures/spec-site/', import.meta.url))
const examples = join(site, 'examples.mdx')
const models = join(site, 'models.mdx')
const workspace = createWorkspace()
afterAll(() => workspace.remove())

const judgesFor = (options: { specs?: string[]; models?: string }) =>
  prepareJudges({
    pages: [examples, models],
    rootOf: findDocsRoot,
    specs: options.specs ?? [],
    models: options.models ?? 'off',
    base: site,
    say: () => {},
  })

const check = async (page: string, judges: Judges | undefined, mockOptions: MockOptions = {}) => {
  const mock = await startMock(mockOptions)
  try {
    return await checkSite([page], {
      mock,
      workspace: workspace.root,
      docsRoot: findDocsRoot,
      timeoutMs: 30_000,
      ...(judges ? { judges } : {}),
    })
  } finally {
    await mock.close()
  }
}

// The line of a schema of the fixture's spec, as the report names it.
const specLine = (schema: string) =>
  readFileSync(join(site, 'openapi.yaml'), 'utf8').split('\n').indexOf(`    ${schema}:`) + 1

const blocksOf = (groups: GroupResult[]) => groups.flatMap((group) => group.blocks)
const entry = (block: BlockResult) =>
  `${block.line} ${block.language}: ${block.verdict}${block.cause ? `, ${block.cause}` : ''}`
const at = (blocks: BlockResult[], line: number) => blocks.find((block) => block.line === line)!

describe('JSON examples and every request, judged against the site’s published spec', () => {
  let blocks: BlockResult[]
  let groups: GroupResult[]
  it('judges every example by the call beside it', async () => {
    groups = await check(examples, await judgesFor({}))
    blocks = blocksOf(groups)
    expect(blocks.map(entry)).toEqual([
      '10 bash: pass',
      // a request body and the answer it gets, as the spec has them
      '17 json: pass',
      '27 json: pass',
      '40 bash: pass',
      // `mesages`, a field the spec's request does not have
      '47 jsonc: against-spec, an example the published spec contradicts',
      '57 bash: pass',
      // `mesage`, a field the spec's choice does not have
      '64 json: against-spec, an example the published spec contradicts',
      '76 bash: pass',
      // an abridged answer: what it leaves out is a notice
      '83 json: pass',
      '92 bash: pass',
      // a client's own configuration, not the API's
      '99 json: skipped',
      '107 bash: pass',
      '114 text: pass',
      // a stream whose second event has an `object` the spec's chunks never have
      '124 text: against-spec, an example the published spec contradicts',
      // max_tokens over the spec's maximum, which the mock takes
      '132 bash: against-spec, the published spec rejects this request',
    ])
  }, 120_000)

  it('names the field, its page line, the spec’s line, and the name it may have meant', () => {
    expect(at(blocks, 47).reason).toBe(
      `a JSON example of the request body of POST /chat/completions, which the published spec contradicts: line 51 mesages: is a field the spec does not have (did you mean "messages"?) (openapi.yaml:${specLine('ChatRequest') + 2})`,
    )
    // Without the field it misspelled, the example is a part of a body: that is a notice.
    expect(at(blocks, 47).notices).toEqual([
      `line 48 messages: is required and missing: a part of a request body? (openapi.yaml:${specLine('ChatRequest') + 16})`,
    ])
    expect(at(blocks, 64).reason).toMatch(
      /line 69 choices\/0\/mesage: is a field the spec does not have \(did you mean "message"\?\) \(openapi\.yaml:\d+\)$/,
    )
    expect(at(blocks, 124).reason).toMatch(
      /^a stream's events of POST \/chat\/completions, which the published spec contradicts: line 127 object: must be one of "chat\.completion\.chunk" \(is "chat\.completion\.delta"\)/,
    )
    expect(at(blocks, 132).reason).toMatch(
      /^the published spec rejects what it sent \(POST \/api\/v1\/chat\/completions\), which the mock accepted: max_tokens: must be <= 100 \(is 500\) \(openapi\.yaml:\d+\)$/,
    )
  })

  it('lets an abridged answer pass, saying what it leaves out, and an elision is never judged', () => {
    const abridged = at(blocks, 83)
    expect(abridged.reason).toBe(
      'a JSON example of the 200 response of POST /chat/completions: fits the published spec (abridged)',
    )
    expect(abridged.notices).toEqual([
      expect.stringMatching(/^line 84 leaves out "object", which the spec requires/),
    ])
  })

  it('does not judge JSON that is no request or response of the API', () => {
    expect(at(blocks, 99).reason).toBe(
      'a JSON example: not judged, not a request or response of the API (it fits none of POST /chat/completions confidently)',
    )
  })

  it('counts the failures by the spec’s line that says so, for a spec fixed once', () => {
    expect(siteSummaryLines(groups, { strict: false, base: site }).at(-1)).toMatch(
      /^Failures by the spec's line that says so: (openapi\.yaml:\d+ 1(, )?){4}$/,
    )
  })

  it('shows the JSON in the Markdown report with its line at fault marked', () => {
    const markdown = markdownReport(groups, { strict: false, base: site })
    expect(markdown).toContain('the block, its lines at fault marked:')
    expect(markdown).toMatch(/→ 51 │ {3}"mesages": \[/)
    expect(markdown).toContain('│ ^ mesages: is a field the spec does not have')
    // The HTML report marks the same line, and says why beside it.
    const html = htmlReport(groups, { strict: false, base: site, judgedWith: ['spec: judged'] })
    expect(html).toMatch(
      /<mark data-line="51" title="mesages: is a field the spec does not have[^"]*">/,
    )
    expect(html).toContain('<p class="summary judged-with">spec: judged</p>')
  })

  it('on an API page, judges its examples by the operation its front matter names', async () => {
    const page = blocksOf(await check(join(site, 'api-page.mdx'), await judgesFor({})))
    expect(page.map(entry)).toEqual([
      '10 json: pass',
      // `chat.completions`, a value the spec's `object` does not have
      '19 json: against-spec, an example the published spec contradicts',
    ])
    expect(at(page, 19).reason).toMatch(
      /^a JSON example of the 200 response of POST \/chat\/completions, .*: line 22 object: must be one of "chat\.completion" \(is "chat\.completions"\)/,
    )
  }, 120_000)

  it('says it does not judge examples where the site names no spec', async () => {
    const noSpec = { ...(await judgesFor({})), specOf: () => undefined }
    const unjudged = blocksOf(await check(examples, noSpec))
    expect(at(unjudged, 47)).toMatchObject({
      verdict: 'skipped',
      reason:
        "a JSON example: not judged, the site names no OpenAPI spec (docs.json's openapi, or --spec FILE)",
    })
    // and what a block sent is judged by the mock alone
    expect(at(unjudged, 132).verdict).toBe('pass')
  }, 120_000)

  it('holds the mock to the spec too: an answer the spec does not have is ours, never the page’s', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'docs-spec-'))
    const unfaithful = join(folder, 'openapi.yaml')
    writeFileSync(
      unfaithful,
      readFileSync(join(site, 'openapi.yaml'), 'utf8').replace(
        'enum: [chat.completion]',
        'enum: [chat.completion.v2]',
      ),
    )
    const ours = blocksOf(await check(examples, await judgesFor({ specs: [unfaithful] })))
    expect(at(ours, 40).verdict).toBe('pass')
    expect(at(ours, 40).notices).toEqual([
      expect.stringMatching(
        /^the mock's answer to POST \/api\/v1\/chat\/completions does not fit the published spec \(ours to fix, not the page's\): object: must be one of "chat\.completion\.v2"/,
      ),
    ])
  }, 120_000)
})

describe('the judges, read before anything runs', () => {
  it('refuses a --spec or --models file it cannot read, saying which', async () => {
    await expect(judgesFor({ specs: ['no-such-spec.yaml'] })).rejects.toThrow(
      /^--spec: .*no-such-spec\.yaml: cannot be read/,
    )
    await expect(judgesFor({ models: join(site, 'docs.json') })).rejects.toThrow(
      /^--models: the model list .*docs\.json is not an answer of GET \/api\/v1\/models/,
    )
  })

  it('says it judges against the site’s spec, or that a site names none', async () => {
    const said: string[] = []
    const bare = mkdtempSync(join(tmpdir(), 'docs-spec-bare-'))
    writeFileSync(join(bare, 'docs.json'), '{"navigation": {"pages": ["page"]}}')
    await prepareJudges({
      pages: [examples, join(bare, 'page.mdx')],
      rootOf: findDocsRoot,
      specs: [],
      models: 'off',
      base: site,
      say: (line) => said.push(line),
    })
    expect(said.slice(0, 2)).toEqual([
      "spec: requests and JSON examples judged against the site's published spec openapi.yaml (1 operation)",
      expect.stringMatching(
        /^spec: not judged for .*docs-spec-bare-\w+: no OpenAPI spec named \(docs\.json's openapi, or --spec FILE\)$/,
      ),
    ])
  })
})

describe('model ids against OpenRouter’s model list', () => {
  const recorded = join(site, 'models.json')

  it('offline, an id the mock’s catalogue lacks is a notice, never a failure', async () => {
    const blocks = blocksOf(await check(models, await judgesFor({})))
    expect(blocks.map(entry)).toEqual(['7 bash: pass', '16 bash: pass'])
    expect(at(blocks, 16).notices).toEqual([
      expect.stringMatching(
        /^model "openai\/gpt-4o-nonexistent" is not in the mock's own catalogue \(as of \d{4}-\d\d-\d\d\), and is not judged \(model ids not judged: no model list \(--models off\)\)$/,
      ),
    ])
  }, 120_000)

  const judgedBy = async (source: string) => {
    const judges = await judgesFor({ models: source })
    expect(judges.catalogue.source).not.toBe('none')
    const blocks = blocksOf(await check(models, judges, { listedModels: judges.catalogue.ids }))
    expect(blocks.map(entry)).toEqual([
      '7 bash: pass',
      '16 bash: rejected-request, a model OpenRouter does not list',
    ])
    expect(at(blocks, 16).reason).toMatch(
      /^model "openai\/gpt-4o-nonexistent" is not a model OpenRouter lists \(OpenRouter's model list as of \d{4}-\d\d-\d\d .*\); the nearest it lists: openai\/gpt-4o/,
    )
  }

  it('with a saved list (--models FILE), an id it lacks fails and a listed one passes', async () => {
    await judgedBy(recorded)
  }, 120_000)

  it('with a served list (--models URL), the same', async () => {
    let asked = 0
    const server = createServer((_request, response) => {
      asked++
      response.setHeader('content-type', 'application/json')
      response.end(readFileSync(recorded))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    // A cache of its own: the list is fetched once, here.
    const cache = process.env.XDG_CACHE_HOME
    process.env.XDG_CACHE_HOME = mkdtempSync(join(tmpdir(), 'docs-spec-cache-'))
    try {
      await judgedBy(`http://127.0.0.1:${port}/api/v1/models`)
      expect(asked).toBe(1)
    } finally {
      if (cache === undefined) delete process.env.XDG_CACHE_HOME
      else process.env.XDG_CACHE_HOME = cache
      server.close()
    }
  }, 120_000)
})
