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
import { routerMetadata, wantsRouterMetadata } from '../features/router-metadata.ts'
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
    // Router metadata comes on the result, or on a stream's last chunk, when asked for.
    const metadata = wantsRouterMetadata(request.headers)
      ? { openrouter_metadata: routerMetadata(check.request, generation.served) }
      : {}
    if (streamed) return streamedResponse(generation, failing, headers, metadata)
    const result =
      failing === undefined ? chatResult(generation) : failedChatResult(generation, failing)
    return Response.json({ ...result, ...metadata }, { headers })
  }),
]

const streamedResponse = (
  generation: Generation,
  failAfterDeltas: number | undefined,
  headers: Record<string, string>,
  metadata: object,
) => {
  const chunks =
    failAfterDeltas === undefined
      ? streamChunks(generation)
      : streamChunksFailingAfter(generation, failAfterDeltas)
  const last = { ...chunks.at(-1), ...metadata }
  const events = sseEvents([...chunks.slice(0, -1), last], {
    done: failAfterDeltas === undefined,
  })
  return new Response(sseStream(events), {
    headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', ...headers },
  })
}
