import { relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMock, type RunningMock } from '@conformance/openrouter-mock'
import { checkSite } from '../src/check-site.ts'
import type { BlockResult, PageSite } from '../src/types.ts'
import { expandPages, findDocsRoot } from '../src/parse/pages.ts'
import { createWorkspace, prepareSandbox, sandboxSupport } from '../src/run/index.ts'
import { pythonInterpreter } from '../src/python.ts'
import { toolboxDirs } from '../src/toolbox.ts'
import { prepareJudges } from '../src/judge/prepare.ts'
import { sharedFile } from '@conformance/common/testing'

// The 25 real pages of the public docs in shared/ (narrative pages, SDK reference operation and
// type pages of both trees, a step-by-step tutorial), checked as `docs:verify` checks a site: the
// verdict of every block on every page. A failure is a docs bug, and the comment above it names
// the bug; a skip says why it cannot be judged here. A change to the mock or the checker that
// moves any of these verdicts shows here, page by page.
const site = sharedFile('docs-under-test/site/')

const expected: Record<string, string[]> = {
  'agent-sdk/call-model/text-generation.mdx': [
    '22 typescript: pass',
    '45 typescript: definition-only',
    // an assistant message's content as a string: @openrouter/agent's Item takes an assistant message only as output parts
    '56 typescript: type-error, a type error',
    '71 typescript: definition-only',
    '95 typescript: definition-only',
    '109 typescript: definition-only',
    '120 typescript: definition-only',
    '135 typescript: pass',
    '144 typescript: pass',
    '160 typescript: definition-only',
    '180 typescript: pass',
    '199 typescript: pass',
    '226 typescript: pass',
  ],
  'agent-sdk/typescript/api-reference/apikeys.mdx': [
    '49 typescript: pass',
    '72 typescript: pass',
    '126 typescript: pass',
    '149 typescript: pass',
    '204 typescript: pass',
    '235 typescript: pass',
    '300 typescript: pass',
    '325 typescript: pass',
    '383 typescript: pass',
    '408 typescript: pass',
    '466 typescript: pass',
    '498 typescript: pass',
  ],
  'agent-sdk/typescript/api-reference/chat.mdx': [
    '42 typescript: pass',
    '78 typescript: pass',
    '119 typescript: pass',
    '155 typescript: pass',
  ],
  'agent-sdk/typescript/api-reference/errors/badrequestresponseerror.mdx': [
    '33 typescript: pass (declarations)',
  ],
  'agent-sdk/typescript/api-reference/models/action.mdx': [
    '32 typescript: pass (type-example)',
    '41 typescript: pass (type-example)',
    '49 typescript: pass (type-example)',
  ],
  'agent-sdk/typescript/api-reference/models/actionfindinpage.mdx': [
    '31 typescript: pass (type-example)',
  ],
  'agent-sdk/typescript/api-reference/models/anthropicbase64pdfsourcemediatype.mdx': [
    '31 typescript: pass (type-example)',
    '39 typescript: pass (values)',
  ],
  'agent-sdk/typescript/api-reference/models/datacollection.mdx': [
    '35 typescript: pass (type-example)',
    '45 typescript: pass (values)',
  ],
  'agent-sdk/typescript/api-reference/operations/bulkaddworkspacemembersrequest.mdx': [
    '31 typescript: pass (type-example)',
  ],
  'agent-sdk/typescript/api-reference/operations/creatererankresponse.mdx': [
    '33 typescript: pass (type-example)',
    '50 typescript: pass (type-example)',
  ],
  'agent-sdk/typescript/api-reference/operations/getcurrentkeydata.mdx': [
    // the example lacks allowedDataRegions, freeModelDailyRequests, organizationId and workspaceId, which GetCurrentKeyData now requires
    '33 typescript: type-error (type-example), a field the type requires is missing',
  ],
  'agent-sdk/typescript/models/assistantmessage.mdx': [
    // the older tree documents AssistantMessage, which @openrouter/sdk no longer exports (ChatAssistantMessage now)
    '29 typescript: type-error (type-example), an export the package does not have',
  ],
  'agent-sdk/typescript/models/prompttokensdetails.mdx': [
    // the older tree documents PromptTokensDetails, which @openrouter/sdk no longer exports
    '29 typescript: type-error (type-example), an export the package does not have',
  ],
  'api_reference/embeddings.mdx': [
    // the SDK takes the request under one argument (chatRequest / requestBody); the block passes the fields flat
    "57 TypeScript SDK: failed-before-sending, the SDK's own error",
    '72 Python: pass',
    '92 TypeScript (fetch): pass',
    '110 Shell: pass',
    // the SDK takes the request under one argument (chatRequest / requestBody); the block passes the fields flat
    "133 TypeScript SDK: failed-before-sending, the SDK's own error",
    '155 Python: pass',
    // callback parameters of an untyped JSON answer are implicit any under strict
    '179 TypeScript (fetch): type-error, a type error',
    '202 Shell: pass',
    '231 Python: pass',
    '258 TypeScript (fetch): pass',
    '283 Shell: pass',
    '311 Python: pass',
    '339 TypeScript (fetch): pass',
    '365 Shell: pass',
    // listModels() returns a PageIterator, which has no `data`
    '403 TypeScript SDK: type-error, a method or property the SDK does not have',
    '414 Python: pass',
    '429 TypeScript (fetch): pass',
    '440 Shell: pass',
    // the SDK takes the request under one argument (chatRequest / requestBody); the block passes the fields flat
    "458 TypeScript SDK: failed-before-sending, the SDK's own error",
    '515 Python: pass',
    '578 untitled: skipped, no language on the fence',
    '611 typescript: skipped, an illustration: a request body written as a literal, not a program',
  ],
  'api_reference/errors-and-debugging.mdx': [
    '22 typescript: pass (declarations)',
    '41 typescript: skipped, an illustration: its URL is elided (https://openrouter.ai/...), for the reader to fill in',
    '64 http: skipped, not a program (http)',
    '71 typescript: skipped, an illustration: code is elided with "..." (line 72)',
    '86 typescript: pass (declarations)',
    '99 json: pass',
    '113 json: pass',
    '169 json: pass',
    '245 typescript: pass (declarations)',
    // a stream chunk with a top-level provider, which the spec's stream chunk does not have (the spec lags what the page teaches)
    '270 text: against-spec, an example the published spec contradicts',
    '392 typescript: pass (declarations)',
    '417 typescript: skipped, an illustration: code is elided with "..." (line 418)',
    // an error with error_type, http_status and availability, which the spec's error object does not have
    '443 json: against-spec, an example the published spec contradicts',
    // the same error fields, which the spec's error object does not have
    '470 json: against-spec, an example the published spec contradicts',
    // the same error fields, which the spec's error object does not have
    '489 json: against-spec, an example the published spec contradicts',
    // the same error fields, which the spec's error object does not have
    '509 json: against-spec, an example the published spec contradicts',
    // a choice carrying an error, which the spec's choice does not have
    '535 json: against-spec, an example the published spec contradicts',
    '563 json: pass',
    // a failed response's error_type inside a stream event, which the spec's streamed response does not have (its whole response does)
    '575 json: against-spec, an example the published spec contradicts',
    // a response.error event, which the spec's stream does not have among its event types
    '588 json: against-spec, an example the published spec contradicts',
    // an error event with its error nested under error, where the spec's error event has code and message at its top level
    '596 json: against-spec, an example the published spec contradicts',
    '636 json: pass',
    '650 json: pass',
    '669 typescript: pass (declarations)',
    // the block never keeps fetch()'s response it then reads
    '683 TypeScript: failed-before-sending, a name nothing on the page defines',
    '721 Python: pass',
    // the same, for the Responses API
    '758 TypeScript: failed-before-sending, a name nothing on the page defines',
    '791 Python: pass',
    '827 json: skipped, a JSON example: not judged, not a request or response of the API (it fits none of POST /responses confidently)',
    '856 json: pass',
  ],
  'api_reference/responses/basic-usage.mdx': [
    '26 TypeScript: pass',
    '44 Python: pass',
    '64 cURL: pass',
    '83 TypeScript: pass',
    '111 Python: pass',
    '141 cURL: pass',
    '169 json: pass',
    // a `return` at the top level of a module
    '205 TypeScript: failed-before-sending, a syntax error',
    '246 Python: pass',
    '285 untitled: skipped, no language on the fence',
    // the same
    '324 TypeScript: failed-before-sending, a syntax error',
    '351 Python: pass',
    '386 TypeScript: pass',
    '465 Python: pass',
  ],
  'cookbook/administration/api-key-rotation.mdx': [
    // the SDK takes the request under one argument (chatRequest / requestBody); the block passes the fields flat
    "40 TypeScript SDK: failed-before-sending, the SDK's own error",
    // reads data['data']['key']; the API puts `key` beside `data`
    '56 Python: crashed, a crash after the answer',
    '79 TypeScript (fetch): pass',
    // apiKeys.delete() takes { hash }, not the hash
    "118 TypeScript SDK: failed-before-sending, the SDK's own error",
    '131 Python: pass',
    '149 TypeScript (fetch): pass',
  ],
  'cookbook/building-agents/subagent-server-tool.mdx': [
    '102 text: skipped, not a program (text)',
    '120 JavaScript: definition-only',
    '155 Python: definition-only',
    // the SDK takes the request under one argument (chatRequest / requestBody); the block passes the fields flat
    "196 TypeScript SDK: failed-before-sending, the SDK's own error",
    '208 JavaScript (fetch): pass',
    '231 Python: pass',
    '248 cURL: pass',
    '283 json: skipped, a JSON example: not judged, not a request or response of the API (it fits none of POST /chat/completions confidently)',
    '294 json: skipped, a JSON example: not judged, not a request or response of the API (it fits none of POST /chat/completions confidently)',
    '308 js: definition-only',
    '346 js: definition-only',
    '384 text: skipped, not a program (text)',
    '396 js: pass',
    '463 js: definition-only',
  ],
  'guides/best-practices/reasoning-tokens.mdx': [
    '38 json: skipped, a JSON example: not judged, no call beside it says which operation it illustrates',
    '62 json: skipped, a JSON example: not judged, no call beside it says which operation it illustrates',
    // the SDK takes the request under one argument (chatRequest / requestBody); the block passes the fields flat
    "153 TypeScript SDK: failed-before-sending, the SDK's own error",
    '178 Python (OpenAI SDK): pass',
    // `reasoning` is not an OpenAI SDK parameter: TypeScript rejects it (Python's extra_body is the way)
    '202 TypeScript (OpenAI SDK): type-error, an option or field the type does not have',
    '253 Python: pass',
    // the same
    '278 TypeScript: type-error, an option or field the type does not have',
    '325 Python: pass',
    // the same
    '350 TypeScript: type-error, an option or field the type does not have',
    '394 Python: pass',
    // untyped function parameters under strict
    '429 TypeScript: type-error, a type error',
    '510 Python: pass',
    // a readonly (as const) tools array where the SDK wants a mutable one
    '572 TypeScript: type-error, a type error',
    '673 json: skipped, a JSON example: not judged, not a request or response of the API (it fits none of POST /chat/completions confidently)',
    '722 json: skipped, a JSON example: not judged, not a request or response of the API (it fits none of POST /chat/completions confidently)',
    '773 json: skipped, a JSON example: not judged, not a request or response of the API (it fits none of POST /chat/completions confidently)',
    '787 json: skipped, a JSON example: not judged, not a request or response of the API (it fits none of POST /chat/completions confidently)',
    '801 json: skipped, a JSON example: not judged, not a request or response of the API (it fits none of POST /chat/completions confidently)',
    '818 json: pass',
    '852 json: pass',
    // indexes choices[0] of the final usage chunk, whose choices are empty on every stream
    '937 Python: crashed, a crash after the answer',
    // iterates the Promise an async function returns with for await
    '968 TypeScript: failed-before-sending, a crash before sending',
    '1040 Python: pass',
    // `reasoning` again, as at 202
    '1065 TypeScript: type-error, an option or field the type does not have',
  ],
  'guides/community/vercel-ai-sdk.mdx': [
    '27 npm: skipped, an install command, not a program',
    '31 pnpm: skipped, an install command, not a program',
    '35 yarn: skipped, an install command, not a program',
    '39 bun: skipped, an install command, not a program',
    '43 deno: skipped, an install command, not a program',
    // tool() takes inputSchema in the AI SDK 7; `parameters` was the AI SDK 4's
    '53 TypeScript: type-error, an option or field the type does not have',
    // the provider hands the AI SDK unsigned_urls[0], the content endpoint that needs the key (documented as authenticated), and the AI SDK downloads it without one
    '126 TypeScript: rejected-request, a request the API rejects',
    // the same video download
    '153 TypeScript (Veo 3.1): rejected-request, a request the API rejects',
    // the same video download
    '182 TypeScript (Wan 2.7): rejected-request, a request the API rejects',
    // the same video download
    '225 TypeScript: rejected-request, a request the API rejects',
    // the same video download
    '249 TypeScript: rejected-request, a request the API rejects',
  ],
  'guides/features/plugins/response-healing.mdx': [
    '41 text: skipped, not a program (text)',
    '46 json: skipped, a JSON example: not judged, no call beside it says which operation it illustrates',
    '53 text: skipped, not a program (text)',
    '60 json: skipped, a JSON example: not judged, no call beside it says which operation it illustrates',
    '67 text: skipped, not a program (text)',
    '73 json: skipped, a JSON example: not judged, no call beside it says which operation it illustrates',
    '80 text: skipped, not a program (text)',
    '85 json: skipped, a JSON example: not judged, no call beside it says which operation it illustrates',
    '92 text: skipped, not a program (text)',
    '97 json: skipped, a JSON example: not judged, no call beside it says which operation it illustrates',
    '109 TypeScript: pass',
    '160 Python: pass',
  ],
  'guides/features/sovereign-ai.mdx': [
    '44 untitled: skipped, no language on the fence',
    // the SDK takes the request under one argument (chatRequest / requestBody); the block passes the fields flat
    "51 TypeScript SDK: failed-before-sending, the SDK's own error",
    '66 TypeScript (fetch): pass',
    '80 Python: pass',
    '94 cURL: pass',
    '122 json: pass',
    '136 json: pass',
  ],
  'guides/overview/multimodal/pdfs.mdx': [
    '46 typescript: skipped, an illustration: a request body written as a literal, not a program',
    // the SDK takes the request under one argument (chatRequest / requestBody); the block passes the fields flat
    "102 TypeScript SDK: failed-before-sending, the SDK's own error",
    // f"Bearer {API_KEY_REF}": the site renders the name unchanged, and nothing defines it
    '144 Python: failed-before-sending, a template constant the site leaves unrendered',
    // the same API_KEY_REF
    '193 TypeScript (fetch): failed-before-sending, a template constant the site leaves unrendered',
    // the same API_KEY_REF
    '255 Python: failed-before-sending, a template constant the site leaves unrendered',
    // the same API_KEY_REF (and fs, which it never imports)
    '316 TypeScript: failed-before-sending, a template constant the site leaves unrendered',
    // the same API_KEY_REF
    '385 Python: failed-before-sending, a template constant the site leaves unrendered',
    // the same API_KEY_REF
    '480 TypeScript: failed-before-sending, a template constant the site leaves unrendered',
    '603 typescript: pass (declarations)',
    // a message with annotations and a top-level provider, neither of which the spec's chat result has
    '624 json: against-spec, an example the published spec contradicts',
    '666 json: pass',
    '691 typescript: definition-only',
  ],
  'guides/routing/model-fallbacks.mdx': [
    // the SDK takes the request under one argument (chatRequest / requestBody); the block passes the fields flat
    "29 TypeScript SDK: failed-before-sending, the SDK's own error",
    '49 TypeScript (fetch): pass',
    '71 Python: pass',
    '120 typescript: pass',
    // api_key={{API_KEY_REF}} renders the key unquoted
    '152 Python: failed-before-sending, a syntax error',
    // its ts-expect-error directive sits a line above the error it means to silence
    '176 TypeScript: type-error, a type error',
  ],
  'quickstart.mdx': [
    '32 untitled: skipped, no language on the fence',
    '59 Python: pass',
    '82 TypeScript (fetch): pass',
    '103 Shell: pass',
    '131 npm: skipped, an install command, not a program',
    '135 pnpm: skipped, an install command, not a program',
    '139 yarn: skipped, an install command, not a program',
    '143 bun: skipped, an install command, not a program',
    '147 deno: skipped, an install command, not a program',
    '151 pip: skipped, an install command, not a program',
    // the SDK takes the request under one argument (chatRequest / requestBody); the block passes the fields flat
    "160 TypeScript: failed-before-sending, the SDK's own error",
    '182 Python: pass',
    '210 npm: skipped, an install command, not a program',
    '214 pnpm: skipped, an install command, not a program',
    '218 yarn: skipped, an install command, not a program',
    '222 bun: skipped, an install command, not a program',
    '226 deno: skipped, an install command, not a program',
    // callModel() takes `input` in @openrouter/agent; the block passes `messages`, which the SDK drops
    // (the mock then asks for input, which the published spec does not require: its refusal is
    // noted as ours, and the type error is the page's)
    '233 typescript: type-error, an option or field the type does not have',
    '279 Typescript: pass',
    '308 Python: pass',
    '348 bash: skipped, a shell snippet that calls no API (no curl)',
  ],
}

// A block judged by the type checker alone says how (a type example, declarations, values).
const entry = (tab: BlockResult) => {
  const verdict =
    tab.mode && tab.verdict !== 'fragment' ? `${tab.verdict} (${tab.mode})` : tab.verdict
  return tab.verdict === 'skipped'
    ? `${tab.line} ${tab.title}: skipped, ${tab.reason}`
    : tab.cause
      ? `${tab.line} ${tab.title}: ${verdict}, ${tab.cause}`
      : `${tab.line} ${tab.title}: ${verdict}`
}

const seen = new Map<string, BlockResult[]>()
const placed = new Map<string, PageSite | undefined>()
// What the run said of its judges beside the mock: the site's spec, the model list (off: no test
// reaches the internet; the model list's own tests serve a recorded one).
const said: string[] = []
let mock: RunningMock
let workspace: ReturnType<typeof createWorkspace>
beforeAll(async () => {
  mock = await startMock()
  workspace = createWorkspace()
  // A generous timeout: these runs share two cores with the rest of the suite, and no block here
  // is expected to hang.
  // Each block in its sandbox, as a docs team's CI runs it, where this machine can make one.
  const sandbox = sandboxSupport().available
    ? prepareSandbox({
        workspace: workspace.root,
        caFile: mock.caFile,
        python: pythonInterpreter(),
        toolbox: toolboxDirs(),
      })
    : undefined
  const pages = expandPages([site], site).pages
  const judges = await prepareJudges({
    pages,
    rootOf: findDocsRoot,
    specs: [],
    models: 'off',
    base: site,
    say: (line) => said.push(line),
  })
  const groups = await checkSite(pages, {
    mock,
    judges,
    workspace: workspace.root,
    docsRoot: findDocsRoot,
    timeoutMs: 60_000,
    ...(sandbox ? { sandbox } : {}),
  })
  for (const group of groups) placed.set(relative(site, group.page), group.site)
  for (const [page, pageGroups] of Map.groupBy(groups, (group) => group.page))
    seen.set(
      relative(site, page),
      pageGroups.flatMap((group) => group.blocks),
    )
}, 600_000)
afterAll(async () => {
  workspace?.remove()
  await mock?.close()
})

describe('every block of the published site pages', () => {
  it('covers exactly the pages there are', () => {
    expect([...seen.keys()].sort()).toEqual(Object.keys(expected).sort())
  })

  it.each(Object.keys(expected))('%s', (page) => {
    expect(seen.get(page)?.map(entry)).toEqual(expected[page])
  })

  // The site's docs.json lists its guides, cookbooks and SDK operation pages; its SDK type pages
  // (one per object, union, error, request and response) are reached only by links.
  it('places every page by the site’s navigation: in a section, or reachable only by link', () => {
    const linkOnly = [...placed].filter(([, where]) => where?.inNavigation === false)
    expect(
      linkOnly.map(([page]) => page).every((page) => /\/(models|operations|errors)\//.test(page)),
    ).toBe(true)
    expect(linkOnly).toHaveLength(10)
    for (const [page, where] of placed)
      if (where?.inNavigation) expect(where.section.length, page).toBeGreaterThan(1)
    expect(placed.get('quickstart.mdx')).toEqual({
      path: 'quickstart.mdx',
      section: ['Docs', 'Overview'],
      inNavigation: true,
    })
  })

  // The site's docs.json names its OpenAPI document: every request a block sent, and every
  // answer the mock gave, is held to it, and the mock's answers all fit (a mock fidelity bug
  // would show as a warning of ours).
  it('judges beside the mock: the site’s published spec, and no model list offline', () => {
    expect(said).toEqual([
      expect.stringMatching(
        /^spec: requests and JSON examples judged against the site's published spec openapi\/openapi.yaml \(\d+ operations\)$/,
      ),
      expect.stringMatching(
        /^models: model ids not judged: no model list \(--models off\); an id the mock's own catalogue \(as of \d{4}-\d\d-\d\d\) lacks is a warning$/,
      ),
    ])
    const ours = [...seen.values()]
      .flat()
      .flatMap((tab) => tab.warnings)
      .filter((warning) => /ours to fix/.test(warning))
    expect(ours).toEqual([])
  })

  it('every failure names its cause, and every block that is not judged says why', () => {
    const tabs = [...seen.values()].flat()
    for (const tab of tabs.filter(
      (tab) => !['pass', 'skipped', 'definition-only', 'fragment'].includes(tab.verdict),
    ))
      expect(tab.cause, `${tab.page}:${tab.line}`).toBeDefined()
    // A 5xx from the mock is the checker's own fault: none on a real site.
    expect(tabs.filter((tab) => tab.verdict === 'checker-fault')).toEqual([])
    for (const tab of tabs.filter((tab) => tab.verdict === 'skipped'))
      expect(tab.reason, `${tab.page}:${tab.line}`).toMatch(/\w{4,}/)
  })
})
