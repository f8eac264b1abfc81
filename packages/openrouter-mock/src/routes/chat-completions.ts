import { http } from 'msw'
import { api } from '../api-path.ts'
import { authenticate } from '../auth.ts'
import { checkChatRequest, type ChatRequest } from '../chat-request.ts'
import {
  chatResult,
  failedChatResult,
  generate,
  streamChunks,
  streamChunksFailingAfter,
  type Generation,
  type Served,
} from '../completions.ts'
import type { MockContext } from '../context.ts'
import { messages, openRouterError } from '../errors.ts'
import type { ApiKey } from '../keys.ts'
import {
  isRefusal,
  notInCatalogueHeader,
  resolveModel,
  type ModelRefusal,
} from '../models/resolve.ts'
import { chooseEndpoint, type ProviderPreferences } from '../models/routing.ts'
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

type Routed = { served: Served; inCatalogue: boolean }
type Unavailable = { status: 502; provider: string }

// `model`, then each of `models` in turn (OpenRouter's fallbacks): the first that resolves, is
// available for this key, and has a provider the preferences allow, serves the call. Otherwise
// the first model's reason is the answer.
const route = (
  request: ChatRequest,
  key: ApiKey,
  strict: boolean,
): Routed | ModelRefusal | Unavailable => {
  const models = request.models as string[] | undefined
  const candidates =
    request.model !== undefined ? [request.model, ...(models ?? [])] : (models ?? [undefined])
  const down = key.behaviour?.kind === 'unavailable-models' ? key.behaviour.models : []
  let first: ModelRefusal | Unavailable | undefined
  for (const id of candidates) {
    const resolved = resolveModel(id, { strict, messages: request.messages })
    const endpoint = isRefusal(resolved)
      ? resolved
      : chooseEndpoint(resolved.model, resolved.variant, request.provider as ProviderPreferences)
    const failed: ModelRefusal | Unavailable | undefined = isRefusal(resolved)
      ? resolved
      : 'status' in endpoint
        ? endpoint
        : down.includes(resolved.servedId) || down.includes(resolved.model.id)
          ? { status: 502, provider: endpoint.provider }
          : undefined
    if (!failed && !isRefusal(resolved) && !('status' in endpoint)) {
      return {
        served: {
          model: resolved.model,
          modelId: resolved.servedId,
          endpoint,
          variant: resolved.variant,
        },
        inCatalogue: resolved.inCatalogue,
      }
    }
    first ??= failed
  }
  return first!
}

const routedError = (failure: ModelRefusal | Unavailable) =>
  'provider' in failure
    ? openRouterError(502, messages.providerError, {
        metadata: {
          error_type: 'provider_unavailable',
          provider_name: failure.provider,
          raw: 'upstream connect error or disconnect/reset before headers',
          is_byok: false,
        },
      })
    : openRouterError(failure.status, failure.message, {
        metadata: { error_type: failure.status === 404 ? 'not_found' : 'invalid_request' },
      })

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
