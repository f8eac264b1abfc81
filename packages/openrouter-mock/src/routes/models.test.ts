import { OpenRouter } from '@openrouter/sdk'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../handlers.ts'
import { KeyRegistry } from '../keys.ts'
import { catalogue } from '../models/catalogue.ts'

const keys = new KeyRegistry()
const server = setupServer(...createHandlers({ keys }))
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())

const client = new OpenRouter({
  apiKey: keys.create({ name: 'models' }).key,
  serverURL: 'https://openrouter.ai/api/v1',
  retryConfig: { strategy: 'none' },
})

describe('the model routes serve the catalogue', () => {
  it('/models lists the text models, with their prices as strings', async () => {
    const { data } = (await client.models.list()).result
    const chat = catalogue.filter((model) => model.kind === 'chat')
    expect(data.map((model) => model.id)).toEqual(chat.map((model) => model.id))
    expect(data.find((model) => model.id === 'openai/gpt-4o')?.pricing.prompt).toBe('0.0000025')
  })

  it('filters by supported parameters and counts', async () => {
    const { data } = (await client.models.list({ supportedParameters: 'tools,reasoning' })).result
    expect(data.every((model) => model.supportedParameters.includes('tools'))).toBe(true)
    expect((await client.models.count()).data.count).toBe(
      catalogue.filter((model) => model.kind === 'chat').length,
    )
  })

  it('lists a model’s providers as its endpoints', async () => {
    const { data } = await client.endpoints.list({
      author: 'meta-llama',
      slug: 'llama-3.3-70b-instruct',
    })
    expect(data.endpoints.map((endpoint) => endpoint.providerName)).toEqual([
      'DeepInfra',
      'Together',
      'Groq',
      'Fireworks',
    ])
  })

  it('lists embedding models and answers an unknown model with a 404', async () => {
    const { data } = (await client.embeddings.listModels()).result
    expect(data.map((model) => model.id)).toContain('openai/text-embedding-3-small')
    await expect(client.models.get({ author: 'nobody', slug: 'nothing' })).rejects.toMatchObject({
      statusCode: 404,
    })
  })
})
