import { describe, expect, it } from 'vitest'
import { canonicalize } from './canonicalize.ts'

const key = 'sk-or-v1-0123456789'
const entry = (rawHeaders: [string, string][], body = '') => ({
  method: 'POST',
  path: '/api/v1/chat/completions',
  rawHeaders,
  body,
})

describe('canonicalize', () => {
  it('lowercases names, masks the key and drops transport and client-identity headers', () => {
    const { request, warnings } = canonicalize(
      entry(
        [
          ['Authorization', `Bearer ${key}`],
          ['Content-Type', 'application/json'],
          ['User-Agent', 'OpenAI/JS 7.57.0'],
          ['X-Stainless-Lang', 'js'],
          ['accept', 'application/json'],
          ['accept-encoding', 'gzip'],
          ['sec-fetch-mode', 'cors'],
          ['cookie', ''],
          ['Host', 'openrouter.ai'],
          ['Content-Length', '2'],
          ['X-Custom', 'kept'],
        ],
        '{}',
      ),
      key,
    )
    expect(request.headers).toEqual({
      authorization: 'Bearer <OPENROUTER_API_KEY>',
      'content-type': 'application/json',
      'x-custom': 'kept',
    })
    expect(warnings).toEqual([])
  })

  it('writes any other OpenRouter key as one placeholder, never whole', () => {
    const other = `sk-or-v1-${'ab'.repeat(32)}`
    const { request } = canonicalize(entry([['Authorization', `Bearer ${other}`]]), key)
    expect(request.headers).toEqual({ authorization: 'Bearer <ANOTHER_OPENROUTER_KEY>' })
  })

  it('keeps a cookie that carries something', () => {
    expect(canonicalize(entry([['Cookie', 'a=b']])).request.headers).toEqual({ cookie: 'a=b' })
  })

  it('drops Content-Type only where there is no body', () => {
    expect(canonicalize(entry([['content-type', 'application/json']])).request.headers).toEqual({})
  })

  it('reads X-Title as X-OpenRouter-Title, with a warning', () => {
    const { request, warnings } = canonicalize(entry([['X-Title', 'Docs']]))
    expect(request.headers).toEqual({ 'x-openrouter-title': 'Docs' })
    expect(warnings).toEqual(['sends X-Title, the legacy alias of x-openrouter-title'])
  })

  it('compares bodies as structures and treats stream: false as absent', () => {
    const a = canonicalize(entry([], '{"model":"m","stream":false,"messages":[]}')).request
    const b = canonicalize(entry([], '{ "messages": [], "model": "m" }')).request
    expect(a).toEqual(b)
    expect(canonicalize(entry([], '{"stream":true}')).request.body).toEqual({ stream: true })
  })

  it('reads content of a single text part as that text, and nothing else so', () => {
    const body = (content: unknown) =>
      canonicalize(entry([], JSON.stringify({ messages: [{ role: 'system', content }] }))).request
        .body
    expect(body([{ type: 'text', text: 'Be brief.' }])).toEqual(body('Be brief.'))
    // Two parts, a part with cache_control, or an image part mean something else: kept as sent.
    const kept = [
      [
        { type: 'text', text: 'a' },
        { type: 'text', text: 'b' },
      ],
      [{ type: 'text', text: 'a', cache_control: { type: 'ephemeral' } }],
      [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }],
    ]
    for (const content of kept)
      expect(body(content)).toEqual({ messages: [{ role: 'system', content }] })
  })

  it('reads an embeddings input of one string as that string, on /embeddings only', () => {
    const body = (path: string, input: unknown) =>
      canonicalize({ ...entry([], JSON.stringify({ input })), path }).request.body
    expect(body('/api/v1/embeddings', ['hello'])).toEqual({ input: 'hello' })
    expect(body('/api/v1/embeddings', ['a', 'b'])).toEqual({ input: ['a', 'b'] })
    expect(body('/api/v1/responses', ['hello'])).toEqual({ input: ['hello'] })
  })

  it('treats tool_choice "auto" beside tools as absent, and keeps every other choice', () => {
    const body = (fields: object) =>
      canonicalize(entry([], JSON.stringify({ model: 'm', ...fields }))).request.body
    expect(body({ tools: [], tool_choice: 'auto' })).toEqual(body({ tools: [] }))
    expect(body({ tools: [], tool_choice: 'required' })).toEqual({
      model: 'm',
      tools: [],
      tool_choice: 'required',
    })
    expect(body({ tool_choice: 'auto' })).toEqual({ model: 'm', tool_choice: 'auto' })
  })

  it('treats the default service tier, and store: false on /responses, as absent', () => {
    const body = (path: string, fields: object) =>
      canonicalize({ ...entry([], JSON.stringify({ model: 'm', ...fields })), path }).request.body
    expect(body('/api/v1/responses', { service_tier: 'auto', store: false })).toEqual({
      model: 'm',
    })
    expect(body('/api/v1/responses', { service_tier: 'flex', store: true })).toEqual({
      model: 'm',
      service_tier: 'flex',
      store: true,
    })
    expect(body('/api/v1/chat/completions', { store: false })).toEqual({ model: 'm', store: false })
  })

  it("drops a message's null fields but its content, and compacts a tool's JSON result", () => {
    const messages = (list: object[]) =>
      (canonicalize(entry([], JSON.stringify({ messages: list }))).request.body as { messages: [] })
        .messages
    expect(
      messages([
        { role: 'assistant', content: null, refusal: null, reasoning: null, tool_calls: [] },
        { role: 'tool', tool_call_id: 'c', content: '{"a": 1, "b": [2, 3]}' },
      ]),
    ).toEqual([
      { role: 'assistant', content: null, tool_calls: [] },
      { role: 'tool', tool_call_id: 'c', content: '{"a":1,"b":[2,3]}' },
    ])
    // Text is text, even where it looks like JSON in part; and only tool results are re-serialized.
    expect(messages([{ role: 'tool', content: '42 degrees' }])).toEqual([
      { role: 'tool', content: '42 degrees' },
    ])
    expect(messages([{ role: 'user', content: '{"a": 1}' }])).toEqual([
      { role: 'user', content: '{"a": 1}' },
    ])
  })

  it('keeps a body that is not JSON as text, and no body as null', () => {
    expect(canonicalize(entry([], 'not json')).request.body).toBe('not json')
    expect(canonicalize(entry([])).request.body).toBeNull()
  })
})
