import { startMock, type RunningMock } from '@conformance/openrouter-mock'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// OpenRouter clients nobody here wrote, run as a reader runs them (their own process, the proxy
// and CA from the environment, https://openrouter.ai as published): each must get answers it
// can use, not merely answers it parses.
let mock: RunningMock
beforeAll(async () => {
  mock = await startMock()
})
afterAll(() => mock.close())

const run = async (program: string) => {
  const result = await execa(process.execPath, [program], {
    cwd: new URL('./fixtures/ecosystem/', import.meta.url),
    env: {
      ...mock.env,
      PATH: process.env.PATH ?? '',
      HOME: '/nonexistent',
      OPENROUTER_API_KEY: mock.keys.create({ name: program }).key,
    },
    extendEnv: false,
    reject: false,
    timeout: 60_000,
  })
  expect(result.exitCode, result.stderr).toBe(0)
  return JSON.parse(result.stdout) as Record<string, unknown>
}

describe('ecosystem clients', () => {
  it('Vercel AI SDK: text, stream, a tool loop that runs its tool, structured objects', async () => {
    expect(await run('vercel-ai-sdk.ts')).toMatchObject({
      text: 'This is a test.',
      streamed: 'This is a test.',
      toolCalls: 1,
      loopSteps: 2,
      loopText: expect.stringContaining('21'),
      object: true,
      output: true,
    })
  })

  it('LangChain: invoke, stream, bound tools, structured output', async () => {
    expect(await run('langchain.ts')).toMatchObject({
      invoked: 'This is a test.',
      streamed: 'This is a test.',
      toolCalls: [{ name: 'weather', args: { location: expect.any(String) } }],
      structured: true,
    })
  })
})
