import { setupServer } from 'msw/node'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../handlers.ts'
import { KeyRegistry, type KeyOptions } from '../keys.ts'
import { notInCatalogueHeader, resolveModel } from './resolve.ts'

const lenient = { strict: false }

describe('resolveModel', () => {
  it.each([
    [undefined, 'openai/gpt-4o'],
    ['openai/gpt-5-mini', 'openai/gpt-5-mini'],
    ['openai/gpt-4o:nitro', 'openai/gpt-4o'],
    ['meta-llama/llama-3.3-70b-instruct:free', 'meta-llama/llama-3.3-70b-instruct:free'],
    ['~anthropic/claude-sonnet-latest', 'anthropic/claude-sonnet-4.5'],
    ['~openai/gpt-latest', 'openai/gpt-5.2'],
    ['~openai/gpt-mini-latest', 'openai/gpt-5-mini'],
    ['openrouter/free', 'openai/gpt-oss-120b:free'],
  ])('%s is served as %s', (id, served) => {
    expect(resolveModel(id, lenient)).toMatchObject({ servedId: served, inCatalogue: true })
  })

  it('routes openrouter/auto by what is asked', () => {
    const ask = (content: string) =>
      resolveModel('openrouter/auto', { strict: false, messages: [{ role: 'user', content }] })
    expect(ask('Fix this TypeScript function')).toMatchObject({ servedId: 'qwen/qwen3-coder' })
    expect(ask('What is the capital of France?')).toMatchObject({ servedId: 'openai/gpt-5-mini' })
  })

  it('serves a well-formed id it lacks, marked; strict answers as the live API', () => {
    expect(resolveModel('acme/unknown-model', lenient)).toMatchObject({ inCatalogue: false })
    expect(resolveModel('acme/unknown-model', { strict: true })).toEqual({
      status: 400,
      message: 'acme/unknown-model is not a valid model ID',
    })
    expect(resolveModel('not a model', lenient)).toMatchObject({ status: 400 })
    expect(resolveModel('openai/gpt-4o:free', lenient)).toMatchObject({ status: 404 })
  })

  it('with the live list, refuses what it lacks and serves what it has, catalogued or not', () => {
    const listed = new Set(['openai/gpt-5-mini', 'acme/brand-new'])
    const live = { strict: false, listed }
    expect(resolveModel('acme/brand-new', live)).toMatchObject({
      servedId: 'acme/brand-new',
      inCatalogue: false,
    })
    expect(resolveModel('openai/gpt-4o', live)).toEqual({
      status: 400,
      message: 'openai/gpt-4o is not a valid model ID',
    })
    expect(resolveModel('openai/gpt-5-mini:nitro', live)).toMatchObject({
      servedId: 'openai/gpt-5-mini',
      variant: 'nitro',
    })
    expect(resolveModel('acme/brand-new:free', live)).toMatchObject({ inCatalogue: false })
    expect(resolveModel('openrouter/free', live)).toMatchObject({ inCatalogue: true })
    expect(resolveModel('~openai/gpt-latest', live)).toMatchObject({ servedId: 'openai/gpt-5.2' })
  })
})

describe('routing a chat call', () => {
  const keys = new KeyRegistry()
  const server = setupServer(...createHandlers({ keys }))
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
  afterAll(() => server.close())
  const post = (body: object, options: Partial<KeyOptions> = {}) =>
    fetch('https://openrouter.ai/api/v1/chat/completions', {
      method: 'POST',
      headers: { Authorization: `Bearer ${keys.create({ name: 'routing', ...options }).key}` },
      body: JSON.stringify({
        messages: [{ role: 'user', content: 'Say this is a test' }],
        ...body,
      }),
    })
  const served = async (body: object, options: Partial<KeyOptions> = {}) => {
    const response = await post(body, options)
    const json = (await response.json()) as { model?: string; provider?: string }
    return { status: response.status, model: json.model, provider: json.provider, response }
  }

  it('falls back through `models` past a model that is down, and says which served', async () => {
    const down = { behaviour: { kind: 'unavailable-models' as const, models: ['openai/gpt-4o'] } }
    expect(
      await served({ model: 'openai/gpt-4o', models: ['anthropic/claude-sonnet-4.5'] }, down),
    ).toMatchObject({ status: 200, model: 'anthropic/claude-sonnet-4.5', provider: 'Anthropic' })
    expect(await served({ model: 'openai/gpt-4o' }, down)).toMatchObject({ status: 502 })
  })

  it('honours provider preferences, and says when nothing is left', async () => {
    const model = 'meta-llama/llama-3.3-70b-instruct'
    expect(await served({ model, provider: { order: ['Groq'] } })).toMatchObject({
      provider: 'Groq',
    })
    expect(await served({ model, provider: { ignore: ['DeepInfra'] } })).toMatchObject({
      provider: 'Together',
    })
    expect(await served({ model, provider: { only: ['OpenAI'] } })).toMatchObject({ status: 404 })
  })

  it('marks an answer from a model the catalogue lacks', async () => {
    const { status, model, response } = await served({ model: 'acme/brand-new' })
    expect({ status, model }).toEqual({ status: 200, model: 'acme/brand-new' })
    expect(response.headers.get(notInCatalogueHeader)).toBe('acme/brand-new')
  })

  it('bills the chosen provider’s price', async () => {
    const client = new OpenAI({
      apiKey: keys.create({ name: 'price' }).key,
      baseURL: 'https://openrouter.ai/api/v1',
    })
    const ask = { messages: [{ role: 'user' as const, content: 'Say this is a test' }] }
    const costs = await Promise.all(
      ['openai/gpt-4o:floor', 'openai/gpt-4o:nitro'].map(async (model) => {
        const completion = await client.chat.completions.create({ ...ask, model })
        return (completion.usage as { cost?: number }).cost
      }),
    )
    expect(new Set(costs).size).toBe(2)
  })
})
