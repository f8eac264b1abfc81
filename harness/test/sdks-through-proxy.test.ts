import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startMock, type RunningMock } from '@conformance/openrouter-mock'
import { createWorkspace } from 'openrouter-docs-verify'

// What the examples do not exercise, proven through the proxy in a child process with the pinned
// SDKs: openai's `.stream()` helper, @openrouter/sdk's typed errors and its key metadata call.
const probe = `
import OpenAI from 'openai'
import { OpenRouter } from '@openrouter/sdk'

const messages = [{ role: 'user' as const, content: 'Say this is a test' }]
const openai = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: process.env.OPENROUTER_API_KEY })
const final = await openai.chat.completions.stream({ model: 'openai/gpt-4o', messages }).finalChatCompletion()

const errors: Record<string, string> = {}
for (const name of ['REVOKED', 'OVER_LIMIT', 'BROKE', 'RATE_LIMITED', 'PROVIDER_DOWN']) {
  const sdk = new OpenRouter({ apiKey: process.env[name + '_KEY'], retryConfig: { strategy: 'none' } })
  try {
    await sdk.chat.send({ chatRequest: { messages } })
  } catch (error) {
    errors[name] = (error as Error).constructor.name
  }
}
const { data } = await new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY }).apiKeys.getCurrentKeyMetadata()
console.log(JSON.stringify({ streamed: final.choices[0]?.message.content, errors, usage: data.usage }))
`

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

it('the TypeScript SDKs accept every response through the proxy, errors as their typed classes', async () => {
  const file = join(workspace.root, 'probe.ts')
  writeFileSync(file, probe)
  mock.keys.account('broke', 0)
  const key = (options = {}) => mock.keys.create({ name: 'probe', ...options }).key
  const env = {
    ...mock.env,
    PATH: process.env.PATH ?? '',
    OPENROUTER_API_KEY: key(),
    REVOKED_KEY: key({ revoked: true }),
    OVER_LIMIT_KEY: key({ limit: 1, usage: 1 }),
    BROKE_KEY: key({ account: 'broke' }),
    RATE_LIMITED_KEY: key({ behaviour: { kind: 'rate-limited' } }),
    PROVIDER_DOWN_KEY: key({ behaviour: { kind: 'provider-error' } }),
  }
  const result = await execa(process.execPath, [file], {
    env,
    extendEnv: false,
    cwd: workspace.root,
  })
  expect(JSON.parse(result.stdout)).toEqual({
    streamed: 'This is a test.',
    errors: {
      REVOKED: 'UnauthorizedResponseError',
      OVER_LIMIT: 'ForbiddenResponseError',
      BROKE: 'PaymentRequiredResponseError',
      RATE_LIMITED: 'TooManyRequestsResponseError',
      PROVIDER_DOWN: 'BadGatewayResponseError',
    },
    // The streamed call's cost: 11 prompt and 5 completion tokens of openai/gpt-4o.
    usage: 0.0000775,
  })
  expect(mock.journal.requests({ key: env.OPENROUTER_API_KEY }).map((entry) => entry.via)).toEqual([
    'proxy',
    'proxy',
  ])
})
