import { describe, expect, it } from 'vitest'
import { checkChatRequest } from './chat-request.ts'

const problem = (body: unknown) => {
  const check = checkChatRequest(body)
  return check.ok ? undefined : check.problem
}

describe('checkChatRequest', () => {
  it('accepts the smallest request and parameters it does not know', () => {
    expect(problem({ messages: [{ role: 'user', content: 'hi' }] })).toBeUndefined()
    expect(problem({ messages: [{ role: 'assistant' }], top_k: 3, plugins: [] })).toBeUndefined()
  })

  it.each([
    [{}, 'messages: Required'],
    [{ messages: 'hi' }, 'messages: must be array'],
    [{ messages: [] }, 'messages: must NOT have fewer than 1 items'],
    [{ messages: [{ role: 'user' }] }, 'messages[0].content: Required'],
    [{ messages: [{ role: 'bot', content: 'x' }] }, 'messages[0].role: expected one of'],
    [{ messages: [{ role: 'tool', content: 'x' }] }, 'messages[0].tool_call_id: Required'],
    [{ messages: [{ role: 'user', content: 1 }] }, 'messages[0].content'],
    [{ messages: [{ role: 'user', content: 'x' }], stream: 'yes' }, 'stream: must be boolean'],
    [{ messages: [{ role: 'user', content: 'x' }], temperature: 3 }, 'temperature: must be <= 2'],
    [[1, 2], 'body: must be object'],
  ])('names the field at fault in %j', (body, expected) => {
    expect(problem(body)).toContain(expected)
  })
})
