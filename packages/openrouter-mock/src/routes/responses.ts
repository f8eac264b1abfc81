import { http } from 'msw'
import { api } from '../api-path.ts'
import { authenticate } from '../auth.ts'
import type { MockContext } from '../context.ts'
import { openRouterError } from '../errors.ts'
import { paidGeneration } from '../paid-generation.ts'
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
export const responsesHandlers = (context: MockContext) => [
  http.post(api('/responses'), async ({ request }) => {
    const auth = authenticate(request, context.keys)
    if ('response' in auth) return auth.response
    const body = await readJson(request)
    if (!body.ok) return openRouterError(400, body.problem, invalidRequest)
    const invalid = problem(body.json)
    if (invalid) return badRequest(invalid)
    const responses = body.json as ResponsesRequest
    const chat = toChatRequest(responses)
    const paid = await paidGeneration(context, auth.key, chat, {
      api: 'responses',
      streamed: responses.stream === true,
    })
    if (!paid.ok) return paid.response
    const { generation, headers } = paid
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
  const { input, tools } = request
  if (input === undefined) return 'input: Required'
  if (
    tools !== undefined &&
    (!Array.isArray(tools) || tools.some((t) => !t || typeof t !== 'object'))
  )
    return 'tools: expected a list of tools'
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
