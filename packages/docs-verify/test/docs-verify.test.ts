import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMock, type RunningMock } from '@conformance/openrouter-mock'
import { checkPage } from '../src/check-site.ts'
import type { BlockResult, GroupResult } from '../src/types.ts'
import { siteName, siteUrl } from '../src/plan/placeholders.ts'
import { createWorkspace } from '../src/run/index.ts'
import { sharedFile } from '@conformance/common/testing'

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url))
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
const tab = (groups: GroupResult[], title: string): BlockResult => {
  const found = groups
    .flatMap((group) => group.blocks)
    .find((candidate) => candidate.title === title)
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
    expect(groups.map((group) => group.blocks.map((tab) => tab.title))).toEqual([
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
    expect(groups[0]!.blocks.filter((tab) => tab.verdict === 'pass')).toHaveLength(4)
    expect(groups[0]!.comparison.headers.join('\n')).not.toContain('legacy')
  })
})

describe('pages of our own, covering each syntax', () => {
  it('llms-full.txt: consecutive fences form groups; a lone titled fence is a group; non-programs are skipped', async () => {
    const groups = await check(fixture('llms-full-groups.md'))
    expect(groups.map((group) => group.blocks.map((tab) => tab.title))).toEqual([
      ['TypeScript (fetch)', 'cURL'],
      ['Response', 'npm', 'Go'],
      ['Python (requests)'],
    ])
    expect(tab(groups, 'TypeScript (fetch)').verdict).toBe('pass')
    expect(tab(groups, 'cURL').verdict).toBe('pass')
    // A JSON example is held to a site's published spec; this page's site names none.
    expect(tab(groups, 'Response')).toMatchObject({
      verdict: 'skipped',
      reason:
        "a JSON example: not judged, the site names no OpenAPI spec (docs.json's openapi, or --spec FILE)",
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
    // Long enough for a Python block importing openai on two cores the rest of the suite shares
    // (the page's hanging block waits it out too).
    const groups = await check(fixture('mintlify-templates.mdx'), { docsRoot, timeoutMs: 15_000 })
    expect(groups.map((group) => group.blocks.map((tab) => tab.title))).toEqual([
      ['Python', 'TypeScript (fetch)'],
      ['Invalid request', 'Hangs', 'Imports a package the checker lacks', 'Sends nothing'],
    ])
    const python = tab(groups, 'Python')
    expect(python.verdict).toBe('pass')
    expect(python.request?.body).toMatchObject({ model: 'openai/gpt-4o' })
    // `${API_KEY_REF}` is not a template placeholder: the site renders it as an undefined variable,
    // a constant the page imports and the site leaves unrendered.
    expect(tab(groups, 'TypeScript (fetch)')).toMatchObject({
      verdict: 'failed-before-sending',
      cause: 'a template constant the site leaves unrendered',
    })
    expect(tab(groups, 'TypeScript (fetch)').reason).toContain(
      'ReferenceError: API_KEY_REF is not defined',
    )
    expect(tab(groups, 'Invalid request')).toMatchObject({ verdict: 'rejected-request' })
    expect(tab(groups, 'Invalid request').reason).toContain('messages[0].content')
    expect(tab(groups, 'Hangs')).toMatchObject({ verdict: 'hung' })
    expect(tab(groups, 'Hangs').reason).toContain('having sent 1 request(s)')
    expect(tab(groups, 'Imports a package the checker lacks')).toMatchObject({ verdict: 'skipped' })
    expect(tab(groups, 'Imports a package the checker lacks').reason).toContain(
      'imports @mastra/core,',
    )
    expect(tab(groups, 'Sends nothing')).toMatchObject({ verdict: 'sent-nothing' })
  })

  it('page semantics: every block; one that only declares; a later one run after it; a package we lack not judged', async () => {
    const groups = await check(fixture('page-semantics.mdx'))
    const verdicts = groups.flatMap((group) => group.blocks).map((tab) => [tab.title, tab.verdict])
    expect(verdicts).toEqual([
      ['TypeScript', 'definition-only'],
      ['Python', 'definition-only'],
      ['Needs pandas', 'skipped'],
      ['A submodule that does not exist', 'failed-before-sending'],
      ['Computes, sends nothing', 'sent-nothing'],
      ['Declares, but does not type-check', 'type-error'],
      ['TypeScript', 'pass'],
      ['Python', 'pass'],
      ['Uses what no block defines', 'fragment'],
      ['typescript', 'pass'],
      ['typescript', 'pass'],
      ['python', 'pass'],
      ['typescript', 'pass'],
      ['python', 'pass'],
    ])
    const [types, keys, lone, readersKey] = groups.slice(3)
    expect([types, keys, lone].map((group) => group!.standalone)).toEqual([true, true, true])
    // Types alone are judged by the type checker, never run.
    expect(types!.blocks[0]).toMatchObject({ mode: 'declarations' })
    expect(keys!.blocks[0]!.reason).toBe(
      'sent GET /api/v1/keys → 200 (run with a management key, which the operation needs)',
    )
    expect(lone!.blocks[0]!.joinedWith).toEqual([groups[0]!.blocks[1]!.line])
    // The key the earlier block wrote in is this block's own: placeholders are filled after joining.
    expect(lone!.blocks[0]!.request?.headers.authorization).toBe('Bearer <OPENROUTER_API_KEY>')
    // A key the block names by its hash is the reader's: the mock makes it, and the call is judged.
    expect(readersKey!.blocks[0]!.reason).toBe(
      "sent DELETE /api/v1/keys/hash-of-a-key-you-own → 200 (run again with a key with the hash hash-of-a-key-you-own on its account, as the reader's has)",
    )
    // The PDF the block read was ours, and it reached the API.
    expect(JSON.stringify(groups.at(-1)!.blocks[0]!.request?.body)).toContain(
      'data:application/pdf;base64,JVBERi0',
    )
    // The last step ran after the first, whose names it uses, and sent its own request.
    const [firstTypeScript, firstPython] = groups[0]!.blocks
    const [typeScript, python, undefinedName] = groups[2]!.blocks
    expect(typeScript!.joinedWith).toEqual([firstTypeScript!.line])
    expect(python!.joinedWith).toEqual([firstPython!.line])
    expect(python!.reason).toBe(
      `sent POST /api/v1/chat/completions → 200 (run after the block at line ${firstPython!.line}, which defines what it uses)`,
    )
    expect(typeScript!.request?.body).toMatchObject({ model: 'openai/gpt-5.2' })
    // A name nothing on the page defines makes a fragment: not run, and not a failure.
    expect(undefinedName!.joinedWith).toBeUndefined()
    expect(undefinedName!.reason).toBe(
      'a fragment: uses payload, which nothing on the page defines (not run)',
    )
    expect(tab(groups, 'Python').reason).toBe(
      'sends nothing by design: it only declares (imports, functions, classes, values) for the blocks after it',
    )
    // numpy is in the toolbox: pandas, the next import, is what the block lacks.
    expect(tab(groups, 'Needs pandas').reason).toBe(
      'imports pandas, which the checker does not provide',
    )
    expect(tab(groups, 'A submodule that does not exist')).toMatchObject({
      cause: 'an export the package does not have',
      reason: expect.stringContaining("No module named 'openrouter.nowhere'"),
    })
  })

  it('an SDK reference block must call the operation its UsageSnippet declares', async () => {
    const groups = await check(fixture('usage-snippets.mdx'))
    expect(groups.map((group) => group.blocks[0]!.verdict)).toEqual(['pass', 'wrong-operation'])
    expect(groups[1]!.blocks[0]!.reason).toBe(
      'is the example of list (GET /keys), but sent GET /api/v1/key',
    )
  })

  it('the toolbox: the ecosystem clients the docs teach, numpy, dotenv, Node built-ins and fixture files all run', async () => {
    const tabs = (await check(fixture('toolbox.mdx'))).flatMap((group) => group.blocks)
    const seen = Object.fromEntries(
      tabs.map((tab) => [
        tab.title,
        {
          verdict: tab.verdict,
          sent: tab.evidence?.requests.map((request) => `${request.method} ${request.path}`),
          printed: tab.evidence?.stdoutTail.trim(),
        },
      ]),
    )
    const chat = ['POST /api/v1/chat/completions']
    expect(seen).toEqual({
      // The agent ran its tool and sent the result back: the answer quotes what the tool returned.
      'Agent SDK': {
        verdict: 'pass',
        sent: ['POST /api/v1/responses', 'POST /api/v1/responses'],
        printed: expect.stringContaining('temperature 21'),
      },
      LangChain: { verdict: 'pass', sent: chat, printed: expect.stringContaining('42') },
      'LangChain (OpenAI)': {
        verdict: 'pass',
        sent: chat,
        printed: expect.stringContaining('42'),
      },
      'TanStack AI': { verdict: 'pass', sent: chat, printed: expect.stringContaining('42') },
      Effect: { verdict: 'pass', sent: chat, printed: expect.stringContaining('42') },
      'Anthropic SDK': {
        verdict: 'pass',
        sent: ['POST /api/v1/messages'],
        printed: expect.stringContaining("type: 'text'"),
      },
      'LangChain (Python)': { verdict: 'pass', sent: chat, printed: expect.stringContaining('42') },
      'Anthropic SDK (Python)': {
        verdict: 'pass',
        sent: ['POST /api/v1/messages'],
        printed: expect.stringContaining('42'),
      },
      numpy: {
        verdict: 'pass',
        sent: ['POST /api/v1/embeddings'],
        printed: expect.stringMatching(/^-?[01]\.\d+$/),
      },
      // photo.jpg is the project's own JPEG, and the mock saw an image.
      'Node built-in': {
        verdict: 'pass',
        sent: chat,
        printed: expect.stringContaining('I received an image'),
      },
      dotenv: { verdict: 'pass', sent: ['GET /api/v1/key'], printed: '200' },
      'dotenv (Python)': { verdict: 'pass', sent: ['GET /api/v1/key'], printed: '200' },
    })
  })

  it('a step that repeats an earlier step’s import runs after it without declaring it twice', async () => {
    const [first, second] = (await check(fixture('repeated-imports.mdx'))).flatMap(
      (group) => group.blocks,
    )
    expect([first!.verdict, second!.verdict]).toEqual(['definition-only', 'pass'])
    expect(second!.joinedWith).toEqual([first!.line])
  })

  it("a block that does not parse hides no other block's type error", async () => {
    const tabs = (await check(fixture('syntax-and-types.mdx'))).flatMap((group) => group.blocks)
    expect(tabs.map((tab) => [tab.verdict, tab.cause])).toEqual([
      ['failed-before-sending', 'a syntax error'],
      ['type-error', 'an option or field the type does not have'],
    ])
    expect(tabs[1]!.fix).toContain('temperature')
  })

  it('an illustration (a request body, elided code, an elided URL) is not judged, and no block runs after it: one that uses its names is a fragment', async () => {
    const groups = await check(fixture('illustrations.mdx'))
    const tabs = groups.flatMap((group) => group.blocks)
    expect(tabs.map((tab) => [tab.verdict, tab.reason])).toEqual([
      ['skipped', 'an illustration: a request body written as a literal, not a program'],
      ['skipped', 'an illustration: code is elided with "..." (line 17)'],
      [
        'skipped',
        'an illustration: its URL is elided (https://openrouter.ai/...), for the reader to fill in',
      ],
      [
        'fragment',
        'a fragment: uses response, which nothing on the page defines (not run; the rest type-checks)',
      ],
    ])
    expect(tabs[3]!.joinedWith).toBeUndefined()
  })

  it('a template whose constants cannot be resolved makes its tabs unrenderable, not guessed', async () => {
    const groups = await check(fixture('mintlify-templates.mdx'), { timeoutMs: 8_000 })
    expect(tab(groups, 'Python')).toMatchObject({ verdict: 'unrenderable' })
    expect(tab(groups, 'Python').reason).toContain('--docs-root')
  })
})

describe('every kind of page: type examples, tutorials, fragments, placeholders, what is not judged', () => {
  const verdicts = (groups: GroupResult[]) =>
    groups.flatMap((group) => group.blocks).map((tab) => [tab.verdict, tab.mode ?? tab.cause ?? ''])

  it("a type's page: its example and its values are type-checked, never run; a value the type does not have fails", async () => {
    const tabs = (await check(fixture('type-page.mdx'))).flatMap((group) => group.blocks)
    expect(tabs.map((tab) => [tab.verdict, tab.mode])).toEqual([
      ['pass', 'type-example'],
      ['type-error', 'values'],
      ['pass', 'values'],
    ])
    expect(tabs[1]!.evidence?.typeErrors).toEqual([
      expect.stringMatching(
        /^line 21:\d+ TS2322 Type '"cheapest"' is not assignable to type 'ProviderSort'/,
      ),
    ])
    expect(tabs.every((tab) => tab.evidence?.requests.length === 0)).toBe(true)
  })

  it('type examples of every kind: judged by the type checker against the pinned SDK, with the right cause', async () => {
    const groups = await check(fixture('type-examples.mdx'))
    expect(verdicts(groups)).toEqual([
      ['pass', 'type-example'],
      ['type-error', 'type-example'],
      ['pass', 'type-example'],
      ['type-error', 'type-example'],
      ['type-error', 'type-example'],
      ['pass', 'declarations'],
      ['pass', 'declarations'],
      ['pass', 'signatures'],
      ['skipped', ''],
      ['pass', ''],
    ])
    const tabs = groups.flatMap((group) => group.blocks)
    expect(tabs.map((tab) => tab.cause)).toEqual([
      undefined,
      'a field the type requires is missing',
      undefined,
      'an export the package does not have',
      'an export the package does not have',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ])
    // Speakeasy's `models.` is the SDK's module of that name.
    expect(tabs[2]!.reason).toContain('reads models as @openrouter/sdk/models')
    expect(tabs[3]!.evidence?.typeErrors[0]).toContain(
      "has no exported member 'ChatNarratorMessage'",
    )
    expect(tabs[3]!.evidence?.typeErrors[0]).not.toContain('/node_modules/')
    expect(tabs[7]!.reason).toContain('leaves open ChatRequest, ChatResult')
    expect(tabs[8]!.reason).toBe(
      'an illustration: values shown one after another (what something yields), not a program',
    )
    // The program's type-only import is dropped, as tsc, tsx and bundlers drop it: it ran.
    expect(tabs[9]!.reason).toBe('sent POST /api/v1/chat/completions → 200')
  })

  it('a tutorial: each step runs after the statements it needs, not whole blocks; the nearest definition wins', async () => {
    const tabs = (await check(fixture('step-by-step.mdx'))).flatMap((group) => group.blocks)
    expect(tabs.map((tab) => tab.verdict)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass'])
    const sent = (tab: BlockResult) =>
      tab.evidence?.requests.map((request) => `${request.method} ${request.path}`)
    // The second and third steps redeclare `result`: each sends its own request alone.
    expect(sent(tabs[1]!)).toEqual(['POST /api/v1/chat/completions'])
    expect(sent(tabs[2]!)).toEqual(['POST /api/v1/chat/completions'])
    expect(tabs[1]!.request?.body).toMatchObject({ messages: [{ content: 'Second question' }] })
    // The last step reads the `result` of the step nearest it, which needs the client in turn.
    expect(tabs[3]!.joinedWith).toEqual([tabs[0]!.line, tabs[2]!.line])
    expect(tabs[3]!.request?.body).toMatchObject({ model: 'openai/gpt-4o-mini' })
    // Python likewise: the second step rebinds `response` after the client, not the first call.
    expect(sent(tabs[5]!)).toEqual(['POST /api/v1/chat/completions'])
    expect(tabs[5]!.joinedWith).toEqual([tabs[4]!.line])
  })

  it('fragments are not run and do not fail; their own type errors do; a tab that lost a name its sibling defines fails', async () => {
    const tabs = (await check(fixture('fragments.mdx'))).flatMap((group) => group.blocks)
    expect(tabs.map((tab) => [tab.verdict, tab.cause])).toEqual([
      ['fragment', undefined],
      ['type-error', 'a type error'],
      ['fragment', undefined],
      ['pass', undefined],
      ['crashed', 'a name nothing on the page defines'],
    ])
    expect(tabs[0]!.reason).toBe(
      'a fragment: uses openrouter, which nothing on the page defines (not run; the rest type-checks)',
    )
    expect(tabs[1]!.evidence?.typeErrors[0]).toContain(
      "TS2322 Type 'string' is not assignable to type 'number'",
    )
    expect(tabs[4]!.reason).toContain(
      '(uses response, which a sibling tab defines and this one never does)',
    )
  })

  it('placeholders by shape: keys, management keys, the site, a model, ids and variables the page exports', async () => {
    const tabs = (await check(fixture('placeholders.mdx'))).flatMap((group) => group.blocks)
    expect(tabs.map((tab) => [tab.title, tab.verdict])).toEqual([
      ['A key in angle brackets, the site in capitals', 'pass'],
      ['An elided key', 'pass'],
      ['bash', 'skipped'],
      ['A variable the page exported', 'pass'],
      ["A key's hash in the URL, and a management key", 'pass'],
      ['A generation id', 'pass'],
      ['A variable named for what it holds', 'pass'],
    ])
    expect(tabs[0]!.request).toMatchObject({
      headers: {
        authorization: 'Bearer <OPENROUTER_API_KEY>',
        'http-referer': siteUrl,
        'x-openrouter-title': siteName,
      },
      body: { model: 'openai/gpt-4o' },
    })
    expect(tabs[1]!.request?.headers.authorization).toBe('Bearer <OPENROUTER_API_KEY>')
    expect(tabs[3]!.evidence?.stdoutTail.trim()).toMatch(/^\d+$/)
    expect(tabs[4]!.evidence?.stdoutTail).toContain('200')
  })

  it('installers, local servers, browser code, components and other hosts are not judged; pollers wait as documented', async () => {
    const tabs = (await check(fixture('not-judged.mdx'), { timeoutMs: 8_000 })).flatMap(
      (group) => group.blocks,
    )
    expect(tabs.map((tab) => [tab.title, tab.verdict, tab.reason])).toEqual([
      [
        'An installer',
        'skipped',
        'an installer (curl -fsSL https://openrouter.ai/install.sh | bash …), which installs software rather than calling the API',
      ],
      [
        "A local server's API",
        'skipped',
        'calls http://localhost:3000, a server the reader runs on their own machine',
      ],
      [
        'A server',
        'skipped',
        'starts a server (createServer), which waits for requests rather than making them',
      ],
      [
        'Browser code',
        'skipped',
        'browser code (uses document), which runs in a page, not in Node',
      ],
      [
        'A component',
        'skipped',
        'a React component (JSX), which a bundler builds into a page: not run here',
      ],
      [
        'Another host',
        'skipped',
        "calls api.example.com, which is not OpenRouter's: not judged here",
      ],
      ...['TypeScript', 'Python', 'cURL'].map((language) => [
        `A poller (${language})`,
        'pass',
        'sent GET /api/v1/key → 200, GET /api/v1/key → 200, GET /api/v1/key → 200',
      ]),
      [
        'Uses what only the component defines',
        'fragment',
        'a fragment: uses Send, which nothing on the page defines (not run; the rest type-checks)',
      ],
    ])
  })
})

describe("the project's own docs page", () => {
  it('every tab passes, and the tabs send the same headers', async () => {
    const groups = await check(
      fileURLToPath(new URL('../../../docs/authentication.mdx', import.meta.url)),
    )
    expect(groups[0]!.blocks.map((tab) => [tab.title, tab.verdict])).toEqual([
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
  it('exits 1 with a versioned JSON report whose blocks carry title, verdict and evidence', async () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
    const report = `${workspace.root}/report.json`
    const result = await execa(
      process.execPath,
      [cli, shared('authentication-2026-08.mdx'), '--json', report],
      { reject: false },
    )
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('blocks: 4 passed, 1 failed, 0 skipped; groups: 1 of 1 failed')
    // One line-number scheme: the page's line, and the line in the block beside it.
    expect(result.stdout).toContain('type-check: line 52:3 TS2769 No overload matches this call')
    expect(result.stdout).toContain('(line 10 of the block)')
    expect(result.stdout).toContain('fix: pass the request under `chatRequest`')
    expect(result.stdout).toContain("Failures by cause: 1 the SDK's own error")
    const { formatVersion, blocks, judgedWith } = JSON.parse(readFileSync(report, 'utf8'))
    expect(formatVersion).toBe(2)
    // What the run held blocks to beside the mock, as it said at the start (the tests' model
    // list is off: nothing reaches the internet).
    expect(judgedWith).toEqual([
      expect.stringMatching(/^spec: not judged for .*: no OpenAPI spec named/),
      expect.stringMatching(/^models: model ids not judged: no model list \(--models off\)/),
    ])
    expect(result.stderr).toContain('models: model ids not judged')
    expect(blocks.map((block: BlockResult) => [block.title, block.verdict])).toEqual([
      ['TypeScript SDK', 'failed-before-sending'],
      ['Python (OpenAI SDK)', 'pass'],
      ['TypeScript (OpenAI SDK)', 'pass'],
      ['TypeScript (Raw API)', 'pass'],
      ['cURL', 'pass'],
    ])
    expect(blocks[0].evidence.error).toContain('SDKValidationError')
    expect(blocks[0].cause).toBe("the SDK's own error")
  })

  it('a folder, a baseline that accepts today’s failure, and annotations on the page line', async () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
    const site = join(workspace.root, 'site')
    mkdirSync(join(site, 'guides'), { recursive: true })
    mkdirSync(join(site, 'snippets'), { recursive: true })
    copyFileSync(shared('authentication-2026-08.mdx'), join(site, 'guides', 'auth.mdx'))
    // A snippet is checked where a page imports it, never as a page of its own.
    writeFileSync(join(site, 'snippets', 'broken.mdx'), '```python\nraise SystemExit(3)\n```\n')
    const verify = (...args: string[]) =>
      execa(process.execPath, [cli, site, ...args], { reject: false, cwd: workspace.root })

    const written = await verify('--baseline', 'baseline.json', '--write-baseline')
    expect(written.exitCode).toBe(0)
    expect(written.stdout).toContain('Wrote 1 accepted failure to baseline.json')
    const { accepted } = JSON.parse(readFileSync(join(workspace.root, 'baseline.json'), 'utf8'))
    expect(accepted).toEqual([
      {
        page: 'site/guides/auth.mdx',
        line: expect.any(Number),
        title: 'TypeScript SDK',
        verdict: 'failed-before-sending',
      },
    ])

    const accepting = await verify('--baseline', 'baseline.json', '--annotations')
    expect(accepting.exitCode).toBe(0)
    expect(accepting.stdout).toContain('≈ TypeScript SDK')
    expect(accepting.stdout).toContain('1 accepted by the baseline')
    expect(accepting.stdout).not.toContain('::error')

    const plain = await verify('--annotations')
    expect(plain.exitCode).toBe(1)
    expect(plain.stdout).toContain(
      `::error file=site/guides/auth.mdx,line=${accepted[0].line},title=docs%3Averify › TypeScript SDK::failed-before-sending: `,
    )
  })

  it('--shard splits the pages between machines, and --merge reports them as one run', async () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
    const site = join(workspace.root, 'sharded')
    mkdirSync(site, { recursive: true })
    copyFileSync(shared('authentication-2026-08.mdx'), join(site, 'a-auth.mdx'))
    copyFileSync(fixture('llms-full-groups.md'), join(site, 'b-groups.md'))
    const run = (...args: string[]) =>
      execa(process.execPath, [cli, ...args], { reject: false, cwd: workspace.root })

    const shards = await Promise.all(
      ['1/2', '2/2'].map((shard, i) =>
        run(site, '--shard', shard, '--json', `shard-${i + 1}.json`),
      ),
    )
    expect(shards.map((shard) => shard.stdout.split('\n')[0])).toEqual([
      'shard 1/2: 1 of 2 pages',
      'shard 2/2: 1 of 2 pages',
    ])
    expect(shards[0]!.stdout).toContain('sharded/a-auth.mdx')
    expect(shards[1]!.stdout).not.toContain('sharded/a-auth.mdx')

    const merged = await run('--merge', 'shard-1.json', 'shard-2.json', '--markdown', 'all.md')
    expect(merged.exitCode).toBe(1)
    const count = (stdout: string) => stdout.match(/blocks: (\d+) passed, (\d+) failed/)!.slice(1)
    const [a, b] = shards.map((shard) => count(shard.stdout).map(Number))
    expect(count(merged.stdout).map(Number)).toEqual([a![0]! + b![0]!, a![1]! + b![1]!])
    const markdown = readFileSync(join(workspace.root, 'all.md'), 'utf8')
    expect(markdown).toContain('sharded/a-auth.mdx')
    expect(markdown).toContain('sharded/b-groups.md')
  })

  it('--strict fails on header differences alone', async () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
    const page = fixture('llms-full-groups.md')
    expect((await execa(process.execPath, [cli, page], { reject: false })).exitCode).toBe(0)
    const strict = await execa(process.execPath, [cli, page, '--strict'], { reject: false })
    expect(strict.exitCode).toBe(1)
    expect(strict.stdout).toMatch(
      /groups: [1-9]\d* of \d+ failed, [1-9]\d* on header differences alone \(--strict\)/,
    )
  })
})
