import { http } from 'msw'
import { api } from '../api-path.ts'
import { authenticate } from '../auth.ts'
import { generate } from '../completions.ts'
import type { MockContext } from '../context.ts'
import { openRouterError } from '../errors.ts'
import {
  anthropicError,
  messagesEvents,
  messagesResult,
  toChatRequest,
  type MessagesRequest,
} from '../messages/anthropic.ts'
import { notInCatalogueHeader } from '../models/resolve.ts'
import { route, routedError } from '../models/route.ts'
import { refusal } from '../refusal.ts'
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

export const messagesHandlers = ({ keys, generations, strictModels }: MockContext) => {
  // OpenRouter's own answer to the call; errors are reshaped as Anthropic's on the way out.
  const respond = async (request: Request): Promise<Response> => {
    const auth = authenticate(request, keys)
    if ('response' in auth) return auth.response
    const body = await readJson(request)
    if (!body.ok) return openRouterError(400, body.problem, invalidRequest)
    const invalid = problem(body.json)
    if (invalid) return badRequest(invalid)
    const anthropic = body.json as MessagesRequest
    const chat = toChatRequest(anthropic)
    const routed = route(chat, auth.key, strictModels)
    if ('status' in routed) return routedError(routed)
    const refused = await refusal(auth.key, routed.served.endpoint.provider)
    if (refused) return refused
    const generation = generate(chat, routed.served)
    keys.charge(auth.key, generation.usage.cost)
    generations.remember({
      id: generation.id,
      model: routed.served.modelId,
      provider: routed.served.endpoint.provider,
      created: generation.created,
      api: 'messages',
      streamed: anthropic.stream === true,
      finishReason: generation.finishReason,
      promptTokens: generation.usage.prompt_tokens,
      completionTokens: generation.usage.completion_tokens,
      reasoningTokens: generation.usage.completion_tokens_details.reasoning_tokens,
      cost: generation.usage.cost,
      key: auth.key.key,
    })
    const headers = {
      'X-Generation-Id': generation.id,
      ...(routed.inCatalogue ? {} : { [notInCatalogueHeader]: routed.served.modelId }),
    }
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
