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
const openai = () => new OpenAI({ apiKey: keys.create({ name: 'responses' }).key, baseURL })

describe('/responses', () => {
  it('answers with output_text (openai responses.create)', async () => {
    const response = await openai().responses.create({
      model: 'openai/gpt-4o',
      input: 'Say this is a test',
    })
    expect(response.output_text).toBe('This is a test.')
    expect(response.usage?.total_tokens).toBeGreaterThan(0)
  })

  it('streams deltas that add up to the text, ending with response.completed', async () => {
    const stream = await openai().responses.create({
      model: 'openai/gpt-4o',
      input: 'Say this is a test',
      stream: true,
    })
    let text = ''
    const types: string[] = []
    for await (const event of stream) {
      types.push(event.type)
      if (event.type === 'response.output_text.delta') text += event.delta
    }
    expect(text).toBe('This is a test.')
    expect(types[0]).toBe('response.created')
    expect(types.at(-1)).toBe('response.completed')
  })

  it('calls a function, then answers from its output (@openrouter/sdk)', async () => {
    const client = new OpenRouter({ apiKey: keys.create({ name: 'sdk' }).key, serverURL: baseURL })
    const tools = [
      {
        type: 'function' as const,
        name: 'get_weather',
        parameters: {
          type: 'object',
          properties: { city: { type: 'string' } },
          required: ['city'],
        },
      },
    ]
    const first = await client.beta.responses.send({
      responsesRequest: { model: 'openai/gpt-4o', input: 'What is the weather in Paris?', tools },
    })
    if (!('output' in first)) throw new Error('expected a response')
    const call = first.output.find((item) => item.type === 'function_call') as
      { callId: string; arguments: string } | undefined
    expect(JSON.parse(call!.arguments)).toEqual({ city: 'Paris' })
    const second = await client.beta.responses.send({
      responsesRequest: {
        model: 'openai/gpt-4o',
        tools,
        input: [
          { role: 'user', content: 'What is the weather in Paris?' },
          {
            type: 'function_call',
            callId: call!.callId,
            name: 'get_weather',
            arguments: call!.arguments,
          },
          { type: 'function_call_output', callId: call!.callId, output: '{"celsius":21}' },
        ] as never,
      },
    })
    if (!('output' in second)) throw new Error('expected a response')
    expect(JSON.stringify(second.output)).toContain('celsius 21')
  })

  it('a forced function (tool_choice {type: function, name}) is the one called; a hosted tool choice leaves the model to choose', async () => {
    const tools = ['get_weather', 'get_time'].map((name) => ({
      type: 'function' as const,
      name,
      strict: false,
      parameters: { type: 'object', properties: { city: { type: 'string' } } },
    }))
    const forced = await openai().responses.create({
      model: 'openai/gpt-4o',
      input: 'What is the weather in Paris?',
      tools,
      tool_choice: { type: 'function', name: 'get_time' },
    })
    expect(forced.output).toContainEqual(expect.objectContaining({ name: 'get_time' }))
    const hosted = await openai().responses.create({
      model: 'openai/gpt-4o',
      input: 'What is the weather in Paris?',
      tools,
      tool_choice: { type: 'web_search_preview' },
    })
    expect(hosted.output).toContainEqual(expect.objectContaining({ type: 'function_call' }))
  })

  it('names the field of a bad request', async () => {
    await expect(
      openai().responses.create({ model: 'openai/gpt-4o' } as never),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('input'),
    })
  })
})
