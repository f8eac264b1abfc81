import type { Endpoint, Model } from './catalogue.ts'
import type { ModelRefusal, Variant } from './resolve.ts'

// Provider preferences as the chat request's `provider` object carries them.
export type ProviderPreferences = {
  order?: string[]
  only?: string[]
  ignore?: string[]
  allow_fallbacks?: boolean
  sort?: 'price' | 'throughput' | 'latency'
  data_collection?: 'allow' | 'deny'
  zdr?: boolean
  quantizations?: string[]
  // USD per million tokens.
  max_price?: { prompt?: number; completion?: number }
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
const named = (names: string[] | undefined, endpoint: Endpoint) =>
  names?.some((name) => same(name, endpoint.provider)) ?? false

// The provider that serves a model under the request's preferences, as OpenRouter chooses: the
// filters first, then the explicit order, then the sort (`:nitro` sorts by throughput, `:floor`
// by price), else the model's own order.
export const chooseEndpoint = (
  model: Model,
  variant: Variant | undefined,
  preferences: ProviderPreferences = {},
): Endpoint | ModelRefusal => {
  let candidates = model.endpoints.filter(
    (endpoint) =>
      (!preferences.only || named(preferences.only, endpoint)) &&
      !named(preferences.ignore, endpoint),
  )
  if (candidates.length === 0) {
    return { status: 404, message: 'No allowed providers are available for the selected model.' }
  }
  candidates = candidates.filter(
    (endpoint) =>
      (preferences.data_collection !== 'deny' || endpoint.dataCollection === 'deny') &&
      (!preferences.zdr || endpoint.zdr) &&
      (!preferences.quantizations || preferences.quantizations.includes(endpoint.quantization)) &&
      (preferences.max_price?.prompt === undefined ||
        endpoint.promptPrice * 1e6 <= preferences.max_price.prompt) &&
      (preferences.max_price?.completion === undefined ||
        endpoint.completionPrice * 1e6 <= preferences.max_price.completion),
  )
  if (preferences.order) {
    const ordered = preferences.order.flatMap((name) =>
      candidates.filter((endpoint) => same(name, endpoint.provider)),
    )
    candidates =
      preferences.allow_fallbacks === false
        ? ordered
        : [...ordered, ...candidates.filter((endpoint) => !ordered.includes(endpoint))]
  }
  const sort =
    preferences.sort ??
    (variant === 'nitro' ? 'throughput' : variant === 'floor' ? 'price' : undefined)
  if (sort && !preferences.order) candidates = [...candidates].sort(by[sort])
  return (
    candidates[0] ?? {
      status: 404,
      message: `No endpoints found matching your data policy and provider preferences for ${model.id}.`,
    }
  )
}

const by = {
  price: (a: Endpoint, b: Endpoint) =>
    a.promptPrice + a.completionPrice - (b.promptPrice + b.completionPrice),
  throughput: (a: Endpoint, b: Endpoint) => b.throughput - a.throughput,
  latency: (a: Endpoint, b: Endpoint) => a.latencyMs - b.latencyMs,
}
