import { OpenRouter } from '@openrouter/sdk'
import { Ajv2020 } from 'ajv/dist/2020.js'
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
const openai = () =>
  new OpenAI({ apiKey: keys.create({ name: 'chat' }).key, baseURL, maxRetries: 0 })
const openRouter = () =>
  new OpenRouter({
    apiKey: keys.create({ name: 'chat' }).key,
    serverURL: baseURL,
    retryConfig: { strategy: 'none' },
  })

const weather = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Get the current weather in a city',
    parameters: {
      type: 'object',
      properties: {
        location: { type: 'string' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      },
      required: ['location', 'unit'],
      additionalProperties: false,
    },
  },
}
const ask = [{ role: 'user' as const, content: 'What is the weather in Paris?' }]
const validArguments = new Ajv2020().compile(weather.function.parameters)

describe('tools', () => {
  it('asks for a tool with arguments valid against its schema, taken from the prompt', async () => {
    const completion = await openai().chat.completions.create({
      model: 'openai/gpt-4o',
      messages: ask,
      tools: [weather],
    })
    const [choice] = completion.choices
    expect(choice?.finish_reason).toBe('tool_calls')
    const call = choice?.message.tool_calls?.[0]
    if (call?.type !== 'function') throw new Error('expected a function call')
    const args = JSON.parse(call.function.arguments)
    expect(validArguments(args)).toBe(true)
    expect(args.location).toBe('Paris')
  })

  it('cuts the arguments short for a key that asks for malformed calls, and only those', async () => {
    const malformed = new OpenAI({
      apiKey: keys.create({ name: 'malformed', behaviour: { kind: 'malformed-tool-arguments' } })
        .key,
      baseURL,
      maxRetries: 0,
    })
    const completion = await malformed.chat.completions.create({
      model: 'openai/gpt-4o',
      messages: ask,
      tools: [weather],
    })
    const call = completion.choices[0]?.message.tool_calls?.[0]
    if (call?.type !== 'function') throw new Error('expected a function call')
    expect(() => JSON.parse(call.function.arguments)).toThrow(SyntaxError)
    expect(JSON.parse(`${call.function.arguments}}`)).toMatchObject({ location: 'Paris' })
  })

  it('answers in words once the tool has answered', async () => {
    const client = openai()
    const first = await client.chat.completions.create({
      model: 'openai/gpt-4o',
      messages: ask,
      tools: [weather],
    })
    const call = first.choices[0]!.message.tool_calls![0]!
    const second = await client.chat.completions.create({
      model: 'openai/gpt-4o',
      tools: [weather],
      messages: [
        ...ask,
        first.choices[0]!.message,
        { role: 'tool', tool_call_id: call.id, content: '{"temperature":21,"unit":"celsius"}' },
      ],
    })
    expect(second.choices[0]?.finish_reason).toBe('stop')
    expect(second.choices[0]?.message.content).toContain('temperature 21')
  })

  it('streams the call as deltas the openai helper reassembles', async () => {
    const stream = openai().chat.completions.stream({
      model: 'openai/gpt-4o',
      messages: ask,
      tools: [weather],
    })
    const final = await stream.finalChatCompletion()
    const call = final.choices[0]?.message.tool_calls?.[0]
    if (call?.type !== 'function') throw new Error('expected a function call')
    expect(validArguments(JSON.parse(call.function.arguments))).toBe(true)
  })

  it('runs server tools inside OpenRouter: the caller gets the answer, not a call', async () => {
    const completion = await openai().chat.completions.create({
      model: 'openai/gpt-4o',
      messages: ask,
      tools: [
        { type: 'openrouter:subagent', parameters: { model: 'openai/gpt-4o-mini' } },
      ] as never,
    })
    expect(completion.choices[0]?.finish_reason).toBe('stop')
    expect(completion.choices[0]?.message.tool_calls).toBeUndefined()
  })

  it('honours tool_choice none', async () => {
    const completion = await openai().chat.completions.create({
      model: 'openai/gpt-4o',
      messages: ask,
      tools: [weather],
      tool_choice: 'none',
    })
    expect(completion.choices[0]?.message.tool_calls).toBeUndefined()
  })
})

describe('structured outputs', () => {
  const person = {
    type: 'object',
    properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
    required: ['name', 'age'],
    additionalProperties: false,
  }

  it('json_schema: content is JSON valid against the schema (@openrouter/sdk)', async () => {
    const result = await openRouter().chat.send({
      chatRequest: {
        model: 'openai/gpt-4o',
        messages: [{ role: 'user', content: 'Invent a person' }],
        responseFormat: { type: 'json_schema', jsonSchema: { name: 'person', schema: person } },
      },
    })
    if (!('choices' in result)) throw new Error('expected a ChatResult')
    const content = result.choices[0]?.message.content
    expect(new Ajv2020().compile(person)(JSON.parse(String(content)))).toBe(true)
  })

  it('json_object: content is a JSON object, streamed too', async () => {
    const stream = await openai().chat.completions.create({
      model: 'openai/gpt-4o',
      messages: [{ role: 'user', content: 'Say this is a test' }],
      response_format: { type: 'json_object' },
      stream: true,
    })
    let text = ''
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
    expect(JSON.parse(text)).toEqual({ answer: 'This is a test.' })
  })

  it('an unknown response_format type is a 400 naming the field', async () => {
    const call = openai().chat.completions.create({
      model: 'openai/gpt-4o',
      messages: ask,
      response_format: { type: 'yaml' } as never,
    })
    await expect(call).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('response_format.type'),
    })
  })
})

describe('reasoning', () => {
  it('returns reasoning and its details, and bills its tokens', async () => {
    const result = await openRouter().chat.send({
      chatRequest: {
        model: 'openai/gpt-4o',
        messages: [{ role: 'user', content: 'Say this is a test' }],
        reasoning: { effort: 'high' },
      },
    })
    if (!('choices' in result)) throw new Error('expected a ChatResult')
    const message = result.choices[0]!.message
    expect(message.reasoning).toMatch(/^The user asks/)
    expect(message.reasoningDetails?.[0]).toMatchObject({ type: 'reasoning.text' })
    expect(result.usage?.completionTokensDetails?.reasoningTokens).toBeGreaterThan(0)
    expect(message.content).toBe('This is a test.')
  })

  it('streams reasoning before the reply; exclude keeps it out but billed', async () => {
    const stream = await openRouter().chat.send({
      chatRequest: {
        model: 'openai/gpt-4o',
        messages: [{ role: 'user', content: 'Say this is a test' }],
        reasoning: { effort: 'low' },
        stream: true,
      },
    })
    if ('choices' in stream) throw new Error('expected a stream')
    const order: string[] = []
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta
      if (delta?.reasoning) order.push('reasoning')
      if (delta?.content) order.push('content')
    }
    expect(order.indexOf('content')).toBeGreaterThan(order.lastIndexOf('reasoning'))

    const excluded = await openai().chat.completions.create({
      model: 'openai/gpt-4o',
      messages: [{ role: 'user', content: 'Say this is a test' }],
      reasoning: { exclude: true },
    } as never)
    expect((excluded.choices[0]?.message as { reasoning?: unknown }).reasoning).toBeNull()
    expect(excluded.usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0)
  })
})

describe('web search', () => {
  it('cites a source with a url_citation annotation over the cited span', async () => {
    const completion = await openai().chat.completions.create({
      model: 'openai/gpt-4o',
      messages: [{ role: 'user', content: 'Who painted the Mona Lisa?' }],
      plugins: [{ id: 'web' }],
    } as never)
    const message = completion.choices[0]!.message as {
      content: string
      annotations?: { url_citation: { url: string; start_index: number; end_index: number } }[]
    }
    const [citation] = message.annotations ?? []
    expect(citation?.url_citation.url).toMatch(/^https:\/\//)
    expect(
      message.content.slice(citation!.url_citation.start_index, citation!.url_citation.end_index),
    ).toContain(citation!.url_citation.url)
  })
})

describe('content parts', () => {
  it('accepts images, audio and files', async () => {
    const completion = await openai().chat.completions.create({
      model: 'openai/gpt-4o',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in these?' },
            { type: 'image_url', image_url: { url: 'https://example.org/cat.png' } },
            { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
            {
              type: 'file',
              file: { filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' },
            },
          ],
        },
      ],
    })
    expect(completion.choices[0]?.message.content).toMatch(
      /I received an image, an audio clip and a file\.$/,
    )
  })

  it('a malformed part is a 400 naming the field', async () => {
    const call = openai().chat.completions.create({
      model: 'openai/gpt-4o',
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: {} }] as never }],
    })
    await expect(call).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('messages[0].content'),
    })
  })
})

describe('router metadata', () => {
  const llama = 'meta-llama/llama-3.3-70b-instruct'
  const send = (chatRequest: object, xOpenRouterMetadata?: 'enabled' | 'disabled') =>
    openRouter().chat.send({
      chatRequest: { model: llama, messages: ask, ...chatRequest },
      ...(xOpenRouterMetadata ? { xOpenRouterMetadata } : {}),
    })

  it('says which provider the preferences chose, when asked for, through the SDK', async () => {
    const result = await send({ provider: { order: ['groq'] } }, 'enabled')
    if (!('choices' in result)) throw new Error('expected a result')
    expect(result.openrouterMetadata).toMatchObject({
      requested: llama,
      strategy: 'direct',
      summary: 'available=4, selected=Groq',
      attempt: 1,
    })
    const selected = result.openrouterMetadata?.endpoints.available.filter((e) => e.selected)
    expect(selected?.map((endpoint) => endpoint.provider)).toEqual(['Groq'])
  })

  it('is absent unless enabled', async () => {
    for (const level of [undefined, 'disabled'] as const) {
      const result = await send({}, level)
      if (!('choices' in result)) throw new Error('expected a result')
      expect(result.openrouterMetadata).toBeUndefined()
    }
  })

  it('names a `models` fallback, and comes on the last chunk of a stream', async () => {
    const keyed = keys.create({
      name: 'down',
      behaviour: { kind: 'unavailable-models', models: [llama] },
    }).key
    const response = await fetch(`${baseURL}/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${keyed}`, 'X-OpenRouter-Metadata': 'Enabled' },
      body: JSON.stringify({
        model: llama,
        models: ['openai/gpt-4o'],
        messages: ask,
        stream: true,
      }),
    })
    const chunks = (await response.text())
      .split('\n')
      .filter((line) => line.startsWith('data: {'))
      .map((line) => JSON.parse(line.slice('data: '.length)) as Record<string, unknown>)
    expect(chunks.slice(0, -1).some((chunk) => 'openrouter_metadata' in chunk)).toBe(false)
    expect(chunks.at(-1)?.openrouter_metadata).toMatchObject({
      requested: llama,
      strategy: 'fallback',
      attempt: 2,
      summary: 'available=2, selected=OpenAI',
    })
  })
})
