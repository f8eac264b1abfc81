import { createRequire } from 'node:module'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from './handlers.ts'
import { KeyRegistry, type KeyOptions } from './keys.ts'
import { readSharedSpec } from './shared-spec.ts'

const spec = readSharedSpec()

// ajv-formats is CommonJS whose default export TypeScript cannot see under NodeNext.
const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv2020) => void
// OpenAPI adds keywords JSON Schema does not know (`discriminator`, `example`, `x-…`): not strict.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true })
addFormats(ajv)
ajv.addSchema(spec, 'openrouter')

const pointer = (...segments: string[]) =>
  'openrouter#/' + segments.map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')
const chatResponse = (status: string, type = 'application/json') =>
  pointer('paths', '/chat/completions', 'post', 'responses', status, 'content', type, 'schema')

const expectValid = (schemaRef: string, body: unknown) => {
  const validate = ajv.getSchema(schemaRef) ?? ajv.compile({ $ref: schemaRef })
  const valid = validate(body)
  expect(valid ? [] : validate.errors, JSON.stringify(body)).toEqual([])
}

const keys = new KeyRegistry()
const server = setupServer(...createHandlers({ keys }))
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())

const call = (keyOptions: Partial<KeyOptions>, body: unknown, path = '/chat/completions') =>
  fetch(`https://openrouter.ai/api/v1${path}`, {
    method: path === '/key' ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${keys.create({ name: 'contract', ...keyOptions }).key}` },
    body: path === '/key' ? undefined : JSON.stringify(body),
  })

const chat = { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'Say this is a test' }] }

const dataEvents = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
    .map((line) => JSON.parse(line.slice('data: '.length)))

describe('the mock honours OpenRouter’s OpenAPI contract', () => {
  it('a chat completion is a ChatResult', async () => {
    const response = await call({}, chat)
    expectValid(chatResponse('200'), await response.json())
  })

  it('a chat completion with router metadata is a ChatResult', async () => {
    const response = await fetch('https://openrouter.ai/api/v1/chat/completions', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${keys.create({ name: 'contract' }).key}`,
        'X-OpenRouter-Metadata': 'enabled',
      },
      body: JSON.stringify({ ...chat, models: ['anthropic/claude-sonnet-4.5'] }),
    })
    const result = (await response.json()) as { openrouter_metadata?: unknown }
    expect(result.openrouter_metadata).toBeDefined()
    expectValid(chatResponse('200'), result)
  })

  it('a non-streaming completion that fails midway is still a ChatResult', async () => {
    const response = await call({ behaviour: { kind: 'error-mid-stream', afterDeltas: 1 } }, chat)
    expectValid(chatResponse('200'), await response.json())
  })

  it('every stream chunk is a ChatStreamChunk', async () => {
    const response = await call({}, { ...chat, stream: true })
    const chunks = dataEvents(await response.text())
    expect(chunks.length).toBeGreaterThan(4)
    for (const chunk of chunks)
      expectValid(pointer('components', 'schemas', 'ChatStreamChunk'), chunk)
  })

  it('a mid-stream error chunk is a ChatStreamChunk', async () => {
    const response = await call(
      { behaviour: { kind: 'error-mid-stream', afterDeltas: 2 } },
      { ...chat, stream: true },
    )
    const chunks = dataEvents(await response.text())
    expect(chunks.at(-1)).toHaveProperty('error')
    for (const chunk of chunks)
      expectValid(pointer('components', 'schemas', 'ChatStreamChunk'), chunk)
  })

  const tool = {
    type: 'function',
    function: {
      name: 'get_weather',
      parameters: { type: 'object', properties: { location: { type: 'string' } } },
    },
  }
  it.each([
    ['a tool call', { tools: [tool] }],
    ['reasoning', { reasoning: { effort: 'high' } }],
    ['web citations', { plugins: [{ id: 'web' }] }],
    ['structured output', { response_format: { type: 'json_object' } }],
  ])('%s is a ChatResult, and streams as ChatStreamChunks', async (_name, extra) => {
    const response = await call({}, { ...chat, ...extra })
    expectValid(chatResponse('200'), await response.json())
    const streamed = await call({}, { ...chat, ...extra, stream: true })
    for (const chunk of dataEvents(await streamed.text()))
      expectValid(pointer('components', 'schemas', 'ChatStreamChunk'), chunk)
  })

  it('every /messages stream event is one of MessagesStreamEvents', async () => {
    const response = await call(
      {},
      {
        model: 'anthropic/claude-sonnet-4.5',
        max_tokens: 64,
        messages: chat.messages,
        stream: true,
      },
      '/messages',
    )
    const events = dataEvents(await response.text())
    expect(events.length).toBeGreaterThan(5)
    for (const event of events)
      expectValid(pointer('components', 'schemas', 'MessagesStreamEvents'), event)
  })

  it('every /responses stream event is one of StreamEvents', async () => {
    const response = await call(
      {},
      {
        model: 'openai/gpt-4o',
        input: 'Say this is a test',
        reasoning: { effort: 'low' },
        stream: true,
      },
      '/responses',
    )
    const events = dataEvents(await response.text())
    expect(events.length).toBeGreaterThan(5)
    for (const event of events) expectValid(pointer('components', 'schemas', 'StreamEvents'), event)
  })

  it('/key matches its 200 schema', async () => {
    const response = await call({ limit: 10, limitReset: 'monthly' }, undefined, '/key')
    expectValid(
      pointer('paths', '/key', 'get', 'responses', '200', 'content', 'application/json', 'schema'),
      await response.json(),
    )
  })

  it.each([
    ['400', {}, { messages: 'nope' }],
    ['401', { revoked: true }, chat],
    ['402', { account: 'empty' }, chat],
    ['403', { limit: 1, usage: 1 }, chat],
    ['400', {}, { ...chat, model: 'not a model id' }],
    ['404', {}, { ...chat, model: 'openai/gpt-4o:free' }],
    ['429', { behaviour: { kind: 'rate-limited' } }, chat],
    ['502', { behaviour: { kind: 'provider-error' } }, chat],
    ['503', { behaviour: { kind: 'provider-error', status: 503 } }, chat],
  ] as const)('a %s body matches the spec’s error schema', async (status, keyOptions, body) => {
    keys.account('empty', 0)
    const response = await call(keyOptions, body)
    expect(String(response.status)).toBe(status)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expectValid(chatResponse(status), await response.json())
  })
})
