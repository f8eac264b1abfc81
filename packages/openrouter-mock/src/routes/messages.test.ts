import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../handlers.ts'
import { KeyRegistry } from '../keys.ts'

const keys = new KeyRegistry()
const server = setupServer(...createHandlers({ keys }))
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())

const post = (body: object, key = keys.create({ name: 'messages' }).key) =>
  fetch('https://openrouter.ai/api/v1/messages', {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'anthropic/claude-sonnet-4.5', max_tokens: 256, ...body }),
  })

const weather = {
  name: 'get_weather',
  description: 'Weather in a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
}
const ask = [{ role: 'user', content: 'What is the weather in Paris?' }]

describe('/messages', () => {
  it('replies in Anthropic’s shape', async () => {
    const body = (await (
      await post({ messages: [{ role: 'user', content: 'Say this is a test' }] })
    ).json()) as {
      type: string
      content: { type: string; text?: string }[]
      stop_reason: string
    }
    expect(body).toMatchObject({ type: 'message', stop_reason: 'end_turn' })
    expect(body.content).toEqual([{ type: 'text', text: 'This is a test.', citations: [] }])
  })

  it('uses a tool, then answers from its result', async () => {
    const first = (await (await post({ messages: ask, tools: [weather] })).json()) as {
      content: { type: string; id: string; input: { city: string } }[]
      stop_reason: string
    }
    expect(first.stop_reason).toBe('tool_use')
    const [use] = first.content
    expect(use).toMatchObject({ type: 'tool_use', name: 'get_weather', input: { city: 'Paris' } })
    const second = (await (
      await post({
        tools: [weather],
        messages: [
          ...ask,
          { role: 'assistant', content: first.content },
          {
            role: 'user',
            content: [{ type: 'tool_result', tool_use_id: use!.id, content: '{"celsius":21}' }],
          },
        ],
      })
    ).json()) as { content: { text: string }[]; stop_reason: string }
    expect(second.stop_reason).toBe('end_turn')
    expect(second.content[0]?.text).toContain('celsius 21')
  })

  it('streams Anthropic’s event sequence', async () => {
    const text = await (
      await post({ messages: [{ role: 'user', content: 'Say this is a test' }], stream: true })
    ).text()
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((match) => match[1])
    expect(events[0]).toBe('message_start')
    expect(events.at(-1)).toBe('message_stop')
    expect(events).toContain('content_block_delta')
  })

  it('answers errors in Anthropic’s error shape', async () => {
    const response = await post({ messages: [] })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error', message: expect.stringContaining('messages') },
    })
  })
})
