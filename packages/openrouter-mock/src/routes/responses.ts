import { http } from 'msw'
import { api } from '../api-path.ts'
import { authenticate } from '../auth.ts'
import { generate } from '../completions.ts'
import type { MockContext } from '../context.ts'
import { openRouterError } from '../errors.ts'
import { notInCatalogueHeader } from '../models/resolve.ts'
import { route, routedError } from '../models/route.ts'
import { refusal } from '../refusal.ts'
import { badRequest, invalidRequest, readJson } from '../request-body.ts'
import {
  responseEvents,
  responseResult,
  toChatRequest,
  type ResponsesRequest,
} from '../responses/open-responses.ts'
import { sseStream } from '../sse.ts'

// `/responses`: OpenRouter's Responses API on the chat machinery: the same routing, billing and
// behaviour (tools, structured output, reasoning, web citations), as response items, in JSON or
// as the Responses event stream.
export const responsesHandlers = ({ keys, generations, strictModels }: MockContext) => [
  http.post(api('/responses'), async ({ request }) => {
    const auth = authenticate(request, keys)
    if ('response' in auth) return auth.response
    const body = await readJson(request)
    if (!body.ok) return openRouterError(400, body.problem, invalidRequest)
    const invalid = problem(body.json)
    if (invalid) return badRequest(invalid)
    const responses = body.json as ResponsesRequest
    const chat = toChatRequest(responses)
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
      api: 'responses',
      streamed: responses.stream === true,
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
    return responses.stream === true
      ? new Response(sseStream(responseEvents(generation, responses)), {
          headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', ...headers },
        })
      : Response.json(responseResult(generation, responses), { headers })
  }),
]

const problem = (body: unknown): string | undefined => {
  const request = body as Partial<ResponsesRequest> | null
  if (!request || typeof request !== 'object') return 'body: expected an object'
  const { input } = request
  if (input === undefined) return 'input: Required'
  if (typeof input !== 'string' && !Array.isArray(input))
    return 'input: expected a string or a list of items'
  if (Array.isArray(input)) {
    for (const [index, item] of input.entries()) {
      if (!item || typeof item !== 'object') return `input[${index}]: expected an object`
      const known =
        item.type === undefined ||
        ['message', 'function_call', 'function_call_output'].includes(item.type)
      if (!known)
        return `input[${index}].type: expected one of message, function_call, function_call_output`
      if ((item.type === undefined || item.type === 'message') && item.content === undefined)
        return `input[${index}].content: Required`
    }
  }
  return undefined
}
