import { OpenRouter } from '@openrouter/sdk'
import { setupServer } from 'msw/node'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../handlers.ts'
import { KeyRegistry } from '../keys.ts'

const keys = new KeyRegistry()
const server = setupServer(...createHandlers({ keys }))
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())

const baseURL = 'https://openrouter.ai/api/v1'
const apiKey = keys.create({ name: 'embeddings' }).key

describe('embeddings', () => {
  it('are unit vectors of the model’s dimension, the same for the same text (openai, base64)', async () => {
    const client = new OpenAI({ apiKey, baseURL })
    const { data } = await client.embeddings.create({
      model: 'openai/text-embedding-3-large',
      input: ['The quick brown fox', 'The quick brown fox', 'jumps'],
    })
    const [first, again, other] = data.map((item) => item.embedding)
    expect(first).toHaveLength(3072)
    expect(Math.hypot(...first!)).toBeCloseTo(1, 4)
    expect(again).toEqual(first)
    expect(other).not.toEqual(first)
  })

  it('honour `dimensions` (@openrouter/sdk)', async () => {
    const client = new OpenRouter({ apiKey, serverURL: baseURL })
    const result = await client.embeddings.generate({
      requestBody: { model: 'openai/text-embedding-3-small', input: 'hello', dimensions: 256 },
    })
    if (typeof result === 'string') throw new Error('expected JSON')
    expect(result.data[0]?.embedding).toHaveLength(256)
  })

  it('answer bad input with a 400 naming the field', async () => {
    const response = await fetch(`${baseURL}/embeddings`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ model: 'openai/text-embedding-3-small', input: [] }),
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'input',
    )
  })
})
