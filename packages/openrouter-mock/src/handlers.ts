import { delay, http } from 'msw'
import { authenticate } from './auth.ts'
import { findModel } from './catalogue.ts'
import { checkChatRequest } from './chat-request.ts'
import {
  chatResult,
  failedChatResult,
  generate,
  streamChunks,
  streamChunksFailingAfter,
  type Generation,
} from './completions.ts'
import { messages, openRouterError } from './errors.ts'
import {
  behaviourApplies,
  limitLabel,
  limitRemaining,
  maskKey,
  type ApiKey,
  type KeyRegistry,
} from './keys.ts'
import { sseEvents, sseStream } from './sse.ts'

export type MockContext = { keys: KeyRegistry }

// Any origin: the same handlers answer on 127.0.0.1 and as openrouter.ai behind the proxy.
const api = (path: string) => `*/api/v1${path}`

// Happy paths first; what a key's behaviour or state changes is decided in `refusal`.
export const createHandlers = ({ keys }: MockContext) => [
  http.post(api('/chat/completions'), async ({ request }) => {
    const auth = authenticate(request, keys)
    if ('response' in auth) return auth.response
    const { key } = auth
    key.calls += 1

    const body = await readJson(request)
    if (!body.ok) return openRouterError(400, body.problem, invalidRequest)
    const check = checkChatRequest(body.json)
    if (!check.ok)
      return openRouterError(400, `Invalid request parameters: ${check.problem}`, invalidRequest)
    const model = findModel(check.request.model)
    if (!model) {
      return openRouterError(404, `No endpoints found for ${check.request.model}.`, {
        metadata: { error_type: 'not_found' },
      })
    }

    const refused = await refusal(key, model.provider)
    if (refused) return refused

    const generation = generate(check.request, model)
    const failing =
      key.behaviour?.kind === 'error-mid-stream' ? key.behaviour.afterDeltas : undefined
    if (failing === undefined) keys.charge(key, generation.usage.cost)
    return check.request.stream === true
      ? streamed(generation, failing)
      : Response.json(
          failing === undefined ? chatResult(generation) : failedChatResult(generation, failing),
          {
            headers: { 'X-Generation-Id': generation.id },
          },
        )
  }),

  http.get(api('/key'), ({ request }) => {
    const auth = authenticate(request, keys)
    if ('response' in auth) return auth.response
    return Response.json({ data: keyMetadata(auth.key) })
  }),

  // Unknown routes answer in OpenRouter's error shape, never with an HTML page.
  http.all('*', () =>
    openRouterError(404, messages.notFound, { metadata: { error_type: 'not_found' } }),
  ),
]

const invalidRequest = { metadata: { error_type: 'invalid_request' } }

type JsonBody = { ok: true; json: unknown } | { ok: false; problem: string }

const readJson = async (request: Request): Promise<JsonBody> => {
  const text = await request.text()
  try {
    return { ok: true, json: JSON.parse(text) }
  } catch {
    return { ok: false, problem: text ? 'Invalid JSON in request body' : 'Request body is empty' }
  }
}

// Why this key's call gets no completion, in the order OpenRouter checks: the key's own cap,
// the account's credits, then what the key's behaviour injects.
const refusal = async (key: ApiKey, provider: string): Promise<Response | undefined> => {
  if (key.limit !== null && key.usage >= key.limit) {
    return openRouterError(403, `Key limit exceeded (${limitLabel(key.limitReset)})`, {
      metadata: { error_type: 'permission_denied' },
    })
  }
  if (key.account.balance <= 0) {
    return openRouterError(402, messages.insufficientCredits, {
      metadata: { error_type: 'payment_required' },
    })
  }
  const behaviour = key.behaviour
  if (behaviour?.kind === 'slow') await delay(behaviour.delayMs)
  if (behaviour?.kind === 'rate-limited' && behaviourApplies(key, behaviour)) {
    const retryAfter = behaviour.retryAfterSeconds ?? 1
    const headers = {
      'Retry-After': String(retryAfter),
      'X-RateLimit-Limit': '20',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(Date.now() + retryAfter * 1000),
    }
    return openRouterError(429, messages.rateLimited, {
      headers,
      metadata: { error_type: 'rate_limit_exceeded', headers },
    })
  }
  if (behaviour?.kind === 'provider-error' && behaviourApplies(key, behaviour)) {
    const status = behaviour.status ?? 502
    return openRouterError(status, messages.providerError, {
      metadata: {
        error_type: status === 503 ? 'provider_overloaded' : 'provider_unavailable',
        provider_name: provider,
        raw: 'upstream connect error or disconnect/reset before headers',
        is_byok: false,
      },
    })
  }
  return undefined
}

const streamed = (generation: Generation, failAfterDeltas: number | undefined) => {
  const events =
    failAfterDeltas === undefined
      ? sseEvents(streamChunks(generation))
      : sseEvents(streamChunksFailingAfter(generation, failAfterDeltas), { done: false })
  return new Response(sseStream(events), {
    headers: {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      'X-Generation-Id': generation.id,
    },
  })
}

// `/key` in the shape @openrouter/sdk 1.3.x accepts: the spec's fields plus the four it adds.
const keyMetadata = (key: ApiKey) => ({
  label: maskKey(key.key),
  limit: key.limit,
  limit_remaining: limitRemaining(key),
  limit_reset: key.limitReset,
  include_byok_in_limit: false,
  usage: key.usage,
  usage_daily: key.usage,
  usage_weekly: key.usage,
  usage_monthly: key.usage,
  byok_usage: 0,
  byok_usage_daily: 0,
  byok_usage_weekly: 0,
  byok_usage_monthly: 0,
  is_free_tier: false,
  is_management_key: false,
  is_provisioning_key: false,
  creator_user_id: null,
  rate_limit: {
    requests: 1000,
    interval: '1h',
    note: 'This field is deprecated and safe to ignore.',
  },
  expires_at: null,
  allowed_data_regions: ['global'],
  free_model_daily_requests: { limit: 50, remaining: 50, used: 0 },
  organization_id: null,
  workspace_id: null,
})
