import type { ChatRequest } from '../chat-request.ts'
import type { Served } from '../completions.ts'
import { messages, openRouterError } from '../errors.ts'
import type { ApiKey } from '../keys.ts'
import { isRefusal, resolveModel, type ModelRefusal } from './resolve.ts'
import { chooseEndpoint, type ProviderPreferences } from './routing.ts'

type Routed = { served: Served; inCatalogue: boolean }
type Unavailable = { status: 502; provider: string }

// `model`, then each of `models` in turn (OpenRouter's fallbacks): the first that resolves, is
// available for this key, and has a provider the preferences allow, serves the call. Otherwise
// the first model's reason is the answer.
export const route = (
  request: ChatRequest,
  key: ApiKey,
  options: { strict: boolean; listed?: ReadonlySet<string> },
): Routed | ModelRefusal | Unavailable => {
  const models = request.models as string[] | undefined
  const candidates =
    request.model !== undefined ? [request.model, ...(models ?? [])] : (models ?? [undefined])
  const down = key.behaviour?.kind === 'unavailable-models' ? key.behaviour.models : []
  let first: ModelRefusal | Unavailable | undefined
  for (const id of candidates) {
    const resolved = resolveModel(id, { ...options, messages: request.messages })
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

export const routedError = (failure: ModelRefusal | Unavailable) =>
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
