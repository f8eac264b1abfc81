import { http } from 'msw'
import { api } from '../api-path.ts'
import { authenticate } from '../auth.ts'
import { checkChatRequest } from '../chat-request.ts'
import {
  chatResult,
  failedChatResult,
  generate,
  streamChunks,
  streamChunksFailingAfter,
  type Generation,
} from '../completions.ts'
import type { MockContext } from '../context.ts'
import { openRouterError } from '../errors.ts'
import { notInCatalogueHeader } from '../models/resolve.ts'
import { route, routedError } from '../models/route.ts'
import { refusal } from '../refusal.ts'
import { badRequest, invalidRequest, readJson } from '../request-body.ts'
import { sseEvents, sseStream } from '../sse.ts'

export const chatCompletionHandlers = ({ keys, generations, strictModels }: MockContext) => [
  http.post(api('/chat/completions'), async ({ request }) => {
    const auth = authenticate(request, keys)
    if ('response' in auth) return auth.response
    const { key } = auth
    key.calls += 1

    const body = await readJson(request)
    if (!body.ok) return openRouterError(400, body.problem, invalidRequest)
    const check = checkChatRequest(body.json)
    if (!check.ok) return badRequest(check.problem)

    const routed = route(check.request, key, strictModels)
    if ('status' in routed) return routedError(routed)
    const { served, inCatalogue } = routed

    const refused = await refusal(key, served.endpoint.provider)
    if (refused) return refused

    const generation = generate(check.request, served)
    const failing =
      key.behaviour?.kind === 'error-mid-stream' ? key.behaviour.afterDeltas : undefined
    if (failing === undefined) keys.charge(key, generation.usage.cost)
    const streamed = check.request.stream === true
    generations.remember({
      id: generation.id,
      model: served.modelId,
      provider: served.endpoint.provider,
      created: generation.created,
      api: 'chat',
      streamed,
      finishReason: failing === undefined ? generation.finishReason : 'error',
      promptTokens: generation.usage.prompt_tokens,
      completionTokens: generation.usage.completion_tokens,
      reasoningTokens: generation.usage.completion_tokens_details.reasoning_tokens,
      cost: failing === undefined ? generation.usage.cost : 0,
      key: key.key,
    })
    const headers = {
      'X-Generation-Id': generation.id,
      ...(inCatalogue ? {} : { [notInCatalogueHeader]: served.modelId }),
    }
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
