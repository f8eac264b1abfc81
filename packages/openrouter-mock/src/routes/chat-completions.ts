import { http } from 'msw'
import { api } from '../api-path.ts'
import { authenticate } from '../auth.ts'
import { checkChatRequest } from '../chat-request.ts'
import {
  chatResult,
  failedChatResult,
  streamChunks,
  streamChunksFailingAfter,
  type Generation,
} from '../completions.ts'
import type { MockContext } from '../context.ts'
import { openRouterError } from '../errors.ts'
import { paidGeneration } from '../paid-generation.ts'
import { badRequest, invalidRequest, readJson } from '../request-body.ts'
import { sseEvents, sseStream } from '../sse.ts'

export const chatCompletionHandlers = (context: MockContext) => [
  http.post(api('/chat/completions'), async ({ request }) => {
    const auth = authenticate(request, context.keys)
    if ('response' in auth) return auth.response
    const { key } = auth

    const body = await readJson(request)
    if (!body.ok) return openRouterError(400, body.problem, invalidRequest)
    const check = checkChatRequest(body.json)
    if (!check.ok) return badRequest(check.problem)

    const failing =
      key.behaviour?.kind === 'error-mid-stream' ? key.behaviour.afterDeltas : undefined
    const streamed = check.request.stream === true
    const paid = await paidGeneration(context, key, check.request, {
      api: 'chat',
      streamed,
      failsMidway: failing !== undefined,
    })
    if (!paid.ok) return paid.response
    const { generation, headers } = paid
    return streamed
      ? streamedResponse(generation, failing, headers)
      : Response.json(
          failing === undefined ? chatResult(generation) : failedChatResult(generation, failing),
          { headers },
        )
  }),
]

const streamedResponse = (
  generation: Generation,
  failAfterDeltas: number | undefined,
  headers: Record<string, string>,
) => {
  const events =
    failAfterDeltas === undefined
      ? sseEvents(streamChunks(generation))
      : sseEvents(streamChunksFailingAfter(generation, failAfterDeltas), { done: false })
  return new Response(sseStream(events), {
    headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', ...headers },
  })
}
