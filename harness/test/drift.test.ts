import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMock, type RunningMock } from '@conformance/openrouter-mock'
import { fixSiteOf, runCell } from '../src/cell.ts'
import { repoDir } from '../src/paths.ts'
import { loadScenarios } from '../src/scenarios.ts'
import { exampleStyles, type Style } from '../src/styles.ts'
import type { CellResult } from '../src/verdict.ts'

// Proof that the harness catches drift: fixture styles (not the real examples) that each change
// one thing, run through the same cell runner and judged against the attribution scenario.
const fixture = fileURLToPath(new URL('fixtures/drifting.mjs', import.meta.url))
const drifting = (mode: string): Style => ({
  name: `drifting-${mode}`,
  title: `drifting (${mode})`,
  dir: fileURLToPath(new URL('fixtures/', import.meta.url)),
  programFile: () => fixture,
  command: (file) => ({ file: process.execPath, args: [file, mode] }),
})
const attribution = loadScenarios().find((scenario) => scenario.name === 'attribution')!

let mock: RunningMock
beforeAll(async () => {
  mock = await startMock()
})
afterAll(() => mock.close())

const run = (mode: string, timeoutMs?: number) =>
  runCell(mock, drifting(mode), attribution, { timeoutMs })
const summaries = (cell: CellResult) =>
  cell.problems.map((problem) => `${problem.check}: ${problem.summary}`)

describe('a cell names where it is fixed', () => {
  it('a program file that does not exist is one problem, not four', async () => {
    // Named from the repository's root, wherever the clone lives.
    const file = join(repoDir, 'examples', 'drifting', 'attribution.mjs')
    const missing = { ...drifting('faithful'), programFile: () => file }
    const cell = await runCell(mock, missing, attribution)
    expect(summaries(cell)).toEqual([
      'program: not run: examples/drifting/attribution.mjs does not exist',
    ])
  })

  it('a scenario the catalogue marks not applicable for a style is not run, and not a pass', async () => {
    const missing = { ...drifting('faithful'), programFile: () => '/nonexistent/attribution.mjs' }
    const scenario = { ...attribution, notApplicable: { [missing.name]: 'cannot say it' } }
    const cell = await runCell(mock, missing, scenario)
    expect(cell).toMatchObject({ status: 'not-applicable', notApplicable: 'cannot say it' })
    expect(cell.requestCount).toBe(0)
  })

  it('the program and every other scenario of the catalogue that runs it', () => {
    const style = exampleStyles().find((candidate) => candidate.name === 'openai-sdk-python')!
    const basic = loadScenarios().find((scenario) => scenario.name === 'basic')!
    expect(fixSiteOf(style, basic, loadScenarios())).toMatchObject({
      program: 'examples/openai-sdk-python/basic.py',
      catalogueEntry: 'harness/scenarios.yaml › basic',
    })
    expect(fixSiteOf(style, basic, loadScenarios()).alsoRunsIn).toContain('revoked-key')
  })
})

describe('a feature scenario catches its own drift', () => {
  const fallbacks = (mode: string): Style => ({
    ...drifting(mode),
    name: `fallbacks-${mode}`,
    programFile: () => fileURLToPath(new URL('fixtures/fallbacks.mjs', import.meta.url)),
  })
  const scenario = loadScenarios().find((candidate) => candidate.name === 'model-fallbacks')!

  it('a program that prints the model it asked for, not the one that served', async () => {
    expect((await runCell(mock, fallbacks('faithful'), scenario)).status).toBe('pass')
    const cell = await runCell(mock, fallbacks('prints-requested-model'), scenario)
    expect(cell.problems.map((problem) => problem.diff ?? '').join('\n')).toContain(
      '-Served by: anthropic/claude-sonnet-4.5\n+Served by: openai/gpt-5.2',
    )
  })
})

describe('the tool loop catches a broken loop at the step that breaks', () => {
  const toolLoop = (mode: string): Style => ({
    ...drifting(mode),
    name: `tool-loop-${mode}`,
    programFile: () => fileURLToPath(new URL('fixtures/tool-loop.mjs', import.meta.url)),
  })
  const scenario = loadScenarios().find((candidate) => candidate.name === 'tool-calling')!
  const cell = (mode: string) => runCell(mock, toolLoop(mode), scenario)

  it('passes a faithful loop', async () => {
    expect((await cell('faithful')).problems).toEqual([])
  })

  it('a tool result never sent back: the follow-up lacks it, and the model asks again', async () => {
    const broken = await cell('drops-tool-result')
    expect(summaries(broken)).toContainEqual(
      expect.stringMatching(/^request: follow-up 1 differs from the scenario's: body\.messages: /),
    )
    const sent = broken.followUps[0]?.body as { messages: { role: string }[] }
    expect(sent.messages.map((message) => message.role)).toEqual(['user', 'assistant'])
    expect(broken.problems.map((problem) => problem.diff ?? '').join('\n')).toContain(
      '+Answer: null',
    )
  })

  it('a result tied to the wrong call', async () => {
    expect(summaries(await cell('wrong-call-id'))).toEqual([
      `request: follow-up 1 differs from the scenario's: body.messages[2].tool_call_id: expected "call_284a8977c4410c6827542dcc", got "call_1"`,
    ])
  })

  it('a loop that stops after the call: the follow-up is missing, and the answer', async () => {
    expect(summaries(await cell('stops-after-call'))).toEqual([
      'count: sent 1 requests; the scenario allows 2',
      'request: sent no follow-up 1',
      "output: stdout differs from the scenario's",
    ])
  })
})

describe('structured output catches a schema the program no longer keeps', () => {
  const structured = (mode: string): Style => ({
    ...drifting(mode),
    name: `structured-${mode}`,
    programFile: () => fileURLToPath(new URL('fixtures/structured.mjs', import.meta.url)),
  })
  const scenario = loadScenarios().find((candidate) => candidate.name === 'structured-output')!
  const cell = (mode: string) => runCell(mock, structured(mode), scenario)

  it('passes a faithful program', async () => {
    expect((await cell('faithful')).problems).toEqual([])
  })

  it('a schema that no longer requires every field', async () => {
    expect(summaries(await cell('loose-schema'))).toContainEqual(
      expect.stringMatching(
        /^request: request differs from the scenario's: body\.response_format\.json_schema\.schema\.required: expected \["city","temperature","conditions"\], got \["city"\]/,
      ),
    )
  })

  it('a reply parsed as a shape the schema does not have', async () => {
    const broken = await cell('reads-wrong-field')
    expect(summaries(broken)).toEqual(["output: stdout differs from the scenario's"])
    expect(broken.problems[0]?.diff).toContain('+temperature: undefined')
  })
})

describe('the harness reports drift with the exact difference', () => {
  it('passes a faithful program', async () => {
    const cell = await run('faithful')
    expect(cell.problems).toEqual([])
    expect(cell.status).toBe('pass')
  })

  it('a header with another value', async () => {
    expect(summaries(await run('different-header'))).toEqual([
      `request: request differs from the scenario's: headers.http-referer: expected "https://docs-conformance.example", got "https://elsewhere.example"`,
    ])
  })

  it('a dropped header', async () => {
    const cell = await run('drops-header')
    expect(summaries(cell)).toEqual([
      `request: request differs from the scenario's: headers.x-openrouter-title: missing (expected "Docs Conformance")`,
    ])
    expect(cell.problems[0]?.diff).toContain('-    "x-openrouter-title": "Docs Conformance"')
  })

  it('X-Title: equal in meaning, so a pass with a warning', async () => {
    const cell = await run('legacy-title')
    expect(cell.status).toBe('pass')
    expect(cell.warnings).toEqual(['sends X-Title, the legacy alias of x-openrouter-title'])
  })

  it('a changed body field', async () => {
    expect(summaries(await run('changes-body'))).toEqual([
      `request: request differs from the scenario's: body.model: expected "openai/gpt-5.2", got "openai/gpt-4o"`,
    ])
  })

  it('different output', async () => {
    const cell = await run('prints-differently')
    expect(summaries(cell)).toEqual(["output: stdout differs from the scenario's"])
    expect(cell.problems[0]?.diff).toContain('-This is a test.')
    expect(cell.problems[0]?.diff).toContain("+  role: 'assistant',")
  })

  it('a program that prints its key: reported, with the key masked everywhere', async () => {
    const cell = await run('leaks-key')
    expect(summaries(cell)).toContain("output: stderr differs from the scenario's")
    expect(cell.stderrTail).toMatch(/^using sk-or-v1-\w{3}\.\.\.\w{3}$/)
    // The cell's journal is gone once judged; no whole key of any cell may be in its report.
    expect(JSON.stringify(cell)).not.toMatch(/sk-or-v1-[0-9a-f]{64}/)
  })

  it('a style whose tools are missing: not run, failed with how to install them', async () => {
    const style = { ...drifting('faithful'), tools: ['a-tool-nobody-has'] }
    const cell = await runCell(mock, style, attribution)
    expect(summaries(cell)).toEqual([
      'tools: not run: a-tool-nobody-has is not on PATH (install it)',
    ])
    expect(cell.requestCount).toBe(0)
  })

  it('a different exit code', async () => {
    expect(summaries(await run('exits-differently'))).toEqual(['output: exit code 2, expected 0'])
  })

  it('a hang, killed at the timeout', async () => {
    const cell = await run('hangs', 3_000)
    expect(summaries(cell)).toEqual(['timeout: still running after 3 s: killed'])
  })

  it('a crash, with its stderr', async () => {
    const cell = await run('crashes')
    expect(summaries(cell)).toEqual([
      "output: stdout differs from the scenario's",
      "output: stderr differs from the scenario's",
      'output: exit code 1, expected 0',
    ])
    expect(cell.stderrTail).toContain('TypeError: Cannot read properties of undefined')
  })

  it('a connection to another host', async () => {
    expect(summaries(await run('escapes'))).toEqual([
      'egress: tried to reach example.com:443; only openrouter.ai is allowed',
    ])
  })

  it('more requests than allowed', async () => {
    expect(summaries(await run('extra-request'))).toEqual([
      'count: sent 2 requests; the scenario allows 1',
    ])
  })
})
