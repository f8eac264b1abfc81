import { OpenRouter } from '@openrouter/sdk'
import * as sdkErrors from '@openrouter/sdk/models/errors'
import { setupServer } from 'msw/node'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from './handlers.ts'
import { KeyRegistry, type KeyOptions } from './keys.ts'

const keys = new KeyRegistry()
const server = setupServer(...createHandlers({ keys }))

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const baseURL = 'https://openrouter.ai/api/v1'
const messages = [{ role: 'user' as const, content: 'Say this is a test' }]
const newKey = (options: Partial<KeyOptions> = {}) => keys.create({ name: 'test', ...options }).key
// Retries off: each status must reach the caller as the SDK's typed error, once.
const openRouter = (apiKey = newKey()) =>
  new OpenRouter({ apiKey, serverURL: baseURL, retryConfig: { strategy: 'none' } })
const openai = (apiKey = newKey()) => new OpenAI({ apiKey, baseURL, maxRetries: 0 })

describe('@openrouter/sdk accepts every response', () => {
  it('chat.send', async () => {
    const result = await openRouter().chat.send({
      chatRequest: { model: 'openai/gpt-4o', messages },
    })
    if (!('choices' in result)) throw new Error('expected a ChatResult')
    expect(result.choices[0]?.message.content).toBe('This is a test.')
    expect(result.usage?.totalTokens).toBe(
      result.usage!.promptTokens + result.usage!.completionTokens,
    )
  })

  it('chat.send streaming', async () => {
    const stream = await openRouter().chat.send({
      chatRequest: { model: 'openai/gpt-4o', messages, stream: true },
    })
    if ('choices' in stream) throw new Error('expected a stream')
    let text = ''
    let usage: unknown
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? ''
      usage ??= chunk.usage
    }
    expect(text).toBe('This is a test.')
    expect(usage).toMatchObject({ totalTokens: 16 })
  })

  it('apiKeys.getCurrentKeyMetadata', async () => {
    const { data } = await openRouter(newKey({ limit: 5 })).apiKeys.getCurrentKeyMetadata()
    expect(data).toMatchObject({ limit: 5, limitRemaining: 5, usage: 0 })
  })

  it.each([
    ['revoked key', { revoked: true }, sdkErrors.UnauthorizedResponseError, 401],
    ['key over its limit', { limit: 1, usage: 1 }, sdkErrors.ForbiddenResponseError, 403],
    ['account out of credits', { account: 'broke' }, sdkErrors.PaymentRequiredResponseError, 402],
    [
      'rate limited',
      { behaviour: { kind: 'rate-limited' } },
      sdkErrors.TooManyRequestsResponseError,
      429,
    ],
    [
      'provider failure',
      { behaviour: { kind: 'provider-error' } },
      sdkErrors.BadGatewayResponseError,
      502,
    ],
  ] as const)('%s surfaces as the typed error', async (_name, options, errorClass, status) => {
    keys.account('broke', 0)
    const call = openRouter(newKey(options)).chat.send({ chatRequest: { messages } })
    await expect(call).rejects.toBeInstanceOf(errorClass)
    await expect(call).rejects.toMatchObject({ statusCode: status })
  })

  it('a model without the asked-for endpoint is a NotFoundResponseError', async () => {
    const call = openRouter().chat.send({
      chatRequest: { model: 'openai/gpt-4o:free', messages },
    })
    await expect(call).rejects.toBeInstanceOf(sdkErrors.NotFoundResponseError)
  })

  it('yields a mid-stream error as a chunk', async () => {
    const key = newKey({ behaviour: { kind: 'error-mid-stream', afterDeltas: 2 } })
    const stream = await openRouter(key).chat.send({ chatRequest: { messages, stream: true } })
    if ('choices' in stream) throw new Error('expected a stream')
    const chunks = []
    for await (const chunk of stream) chunks.push(chunk)
    expect(chunks.at(-1)).toMatchObject({
      error: { code: 502 },
      choices: [{ finishReason: 'error' }],
    })
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('This is')
  })
})

describe('openai (npm) accepts every response', () => {
  it('chat.completions.create', async () => {
    const completion = await openai().chat.completions.create({ model: 'openai/gpt-4o', messages })
    expect(completion.choices[0]?.message.content).toBe('This is a test.')
  })

  it('the .stream() helper', async () => {
    const stream = openai().chat.completions.stream({ model: 'openai/gpt-4o', messages })
    const final = await stream.finalChatCompletion()
    expect(final.choices[0]?.message.content).toBe('This is a test.')
  })

  it.each([
    ['revoked key', { revoked: true }, OpenAI.AuthenticationError],
    ['key over its limit', { limit: 1, usage: 2 }, OpenAI.PermissionDeniedError],
    ['rate limited', { behaviour: { kind: 'rate-limited' } }, OpenAI.RateLimitError],
    ['provider failure', { behaviour: { kind: 'provider-error' } }, OpenAI.InternalServerError],
  ] as const)('%s surfaces as the typed error', async (_name, options, errorClass) => {
    const call = openai(newKey(options)).chat.completions.create({
      messages,
      model: 'openai/gpt-4o',
    })
    await expect(call).rejects.toBeInstanceOf(errorClass)
  })

  it('throws on a mid-stream error', async () => {
    const key = newKey({ behaviour: { kind: 'error-mid-stream', afterDeltas: 1 } })
    const stream = await openai(key).chat.completions.create({
      messages,
      model: 'openai/gpt-4o',
      stream: true,
    })
    const read = async () => {
      for await (const _chunk of stream);
    }
    await expect(read()).rejects.toThrow('Provider disconnected')
  })
})

describe('authentication', () => {
  const call = (headers: Record<string, string>) =>
    fetch(`${baseURL}/chat/completions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ messages }),
    })

  it.each([
    ['no header', {}, 'No cookie auth credentials found'],
    ['an empty bearer', { Authorization: 'Bearer ' }, 'Missing Authentication header'],
    ['an unknown key', { Authorization: 'Bearer sk-or-v1-nope' }, 'User not found.'],
  ])('%s is a 401 in OpenRouter’s shape', async (_name, headers, message) => {
    const response = await call(headers)
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      error: { code: 401, message, metadata: { error_type: 'authentication' } },
    })
  })
})

describe('billing', () => {
  it('charges a call’s cost to the key and its account, then refuses past the limit', async () => {
    const key = keys.create({ name: 'billing', limit: 0.0001, account: 'billing' })
    const client = openRouter(key.key)
    await client.chat.send({ chatRequest: { model: 'openai/gpt-4o', messages } })
    expect(key.usage).toBe(0.0000775)
    expect(key.account.balance).toBe(100 - 0.0000775)
    await client.chat.send({ chatRequest: { model: 'openai/gpt-4o', messages } })
    await expect(client.chat.send({ chatRequest: { messages } })).rejects.toMatchObject({
      statusCode: 403,
      message: expect.stringContaining('Key limit exceeded (total limit)'),
    })
  })

  it('counts the same request identically every time', async () => {
    const client = openai()
    const [first, second] = await Promise.all(
      [1, 2].map(() => client.chat.completions.create({ model: 'openai/gpt-5.2', messages })),
    )
    expect(first!.usage).toEqual(second!.usage)
    expect(first!.choices[0]!.message.content).toBe(second!.choices[0]!.message.content)
  })

  it('applies a behaviour limited by `times` only to the first calls', async () => {
    const client = openai(newKey({ behaviour: { kind: 'rate-limited', times: 1 } }))
    await expect(
      client.chat.completions.create({ model: 'openai/gpt-4o', messages }),
    ).rejects.toBeInstanceOf(OpenAI.RateLimitError)
    await expect(
      client.chat.completions.create({ model: 'openai/gpt-4o', messages }),
    ).resolves.toBeTruthy()
  })
})

describe('overrides per test', () => {
  it('a prepended handler changes one answer without touching the rest', async () => {
    const { http, HttpResponse } = await import('msw')
    server.use(
      http.post(
        '*/api/v1/chat/completions',
        () => HttpResponse.json({ error: { code: 500, message: 'boom' } }, { status: 500 }),
        { once: true },
      ),
    )
    await expect(
      openai().chat.completions.create({ model: 'openai/gpt-4o', messages }),
    ).rejects.toBeInstanceOf(OpenAI.InternalServerError)
    await expect(
      openai().chat.completions.create({ model: 'openai/gpt-4o', messages }),
    ).resolves.toBeTruthy()
  })
})
