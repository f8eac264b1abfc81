import { http } from 'msw'
import { api } from '../api-path.ts'
import { authenticate } from '../auth.ts'
import type { MockContext } from '../context.ts'
import { openRouterError } from '../errors.ts'
import {
  anthropicError,
  messagesEvents,
  messagesResult,
  toChatRequest,
  type MessagesRequest,
} from '../messages/anthropic.ts'
import { paidGeneration } from '../paid-generation.ts'
import { badRequest, invalidRequest, readJson } from '../request-body.ts'
import { sseStream } from '../sse.ts'

// `/messages`: Anthropic's Messages API on OpenRouter. The same model routing, billing and
// behaviour as chat completions (tools, thinking, replies), answered and streamed in Anthropic's
// shape, errors included.
const problem = (body: unknown): string | undefined => {
  const request = body as Partial<MessagesRequest> | null
  if (!request || typeof request !== 'object') return 'body: expected an object'
  if (!Array.isArray(request.messages) || request.messages.length === 0) return 'messages: Required'
  for (const [index, message] of request.messages.entries()) {
    if (message?.role !== 'user' && message?.role !== 'assistant')
      return `messages[${index}].role: expected one of user, assistant`
    if (typeof message.content !== 'string' && !Array.isArray(message.content))
      return `messages[${index}].content: expected a string or content blocks`
  }
  if (
    request.max_tokens !== undefined &&
    (!Number.isInteger(request.max_tokens) || request.max_tokens < 1)
  )
    return 'max_tokens: expected a positive integer'
  return undefined
}

export const messagesHandlers = (context: MockContext) => {
  // OpenRouter's own answer to the call; errors are reshaped as Anthropic's on the way out.
  const respond = async (request: Request): Promise<Response> => {
    const auth = authenticate(request, context.keys)
    if ('response' in auth) return auth.response
    const body = await readJson(request)
    if (!body.ok) return openRouterError(400, body.problem, invalidRequest)
    const invalid = problem(body.json)
    if (invalid) return badRequest(invalid)
    const anthropic = body.json as MessagesRequest
    const chat = toChatRequest(anthropic)
    const paid = await paidGeneration(context, auth.key, chat, {
      api: 'messages',
      streamed: anthropic.stream === true,
    })
    if (!paid.ok) return paid.response
    const { generation, headers } = paid
    return anthropic.stream === true
      ? new Response(sseStream(messagesEvents(generation)), {
          headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', ...headers },
        })
      : Response.json(messagesResult(generation), { headers })
  }
  return [
    http.post(api('/messages'), async ({ request }) => {
      const answer = await respond(request)
      return answer.ok ? answer : anthropicError(answer)
    }),
  ]
}
