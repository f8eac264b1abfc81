import type { ChatRequest } from '../chat-request.ts'
import type { Served } from '../completions.ts'

// Router metadata is opt-in per request: `X-OpenRouter-Metadata: enabled` (or its legacy name),
// matched without regard to case; any other value means disabled.
export const wantsRouterMetadata = (headers: Headers) =>
  (headers.get('x-openrouter-metadata') ?? headers.get('x-openrouter-experimental-metadata'))
    ?.trim()
    .toLowerCase() === 'enabled'

// How OpenRouter chose what served a call: the model asked for, the strategy (a `models`
// fallback, the auto router, or direct), which attempt served, and the model's endpoints with the
// one selected. It is how a client whose result type has no `provider` can see who served.
export const routerMetadata = (request: ChatRequest, served: Served) => {
  const candidates = [request.model, ...((request.models as string[] | undefined) ?? [])].filter(
    (id): id is string => id !== undefined,
  )
  const requested = candidates[0] ?? served.modelId
  const fellBackTo = candidates.indexOf(served.modelId)
  const strategy = requested === 'openrouter/auto' ? 'auto' : fellBackTo > 0 ? 'fallback' : 'direct'
  const { endpoints } = served.model
  return {
    requested,
    strategy,
    region: null,
    summary: `available=${endpoints.length}, selected=${served.endpoint.provider}`,
    attempt: Math.max(fellBackTo, 0) + 1,
    is_byok: false,
    endpoints: {
      total: endpoints.length,
      available: endpoints.map((endpoint) => ({
        model: served.modelId,
        provider: endpoint.provider,
        selected: endpoint.provider === served.endpoint.provider,
      })),
    },
  }
}
