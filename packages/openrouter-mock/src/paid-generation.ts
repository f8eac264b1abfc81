import type { ChatRequest } from './chat-request.ts'
import { generate, type Generation } from './completions.ts'
import type { MockContext } from './context.ts'
import type { GenerationRecord } from './generations.ts'
import type { ApiKey } from './keys.ts'
import { notInCatalogueHeader } from './models/resolve.ts'
import { route, routedError } from './models/route.ts'
import { refusal } from './refusal.ts'

export type PaidGeneration =
  | { ok: true; generation: Generation; headers: Record<string, string> }
  | { ok: false; response: Response }

// One generation, whichever API asked for it (chat, responses, messages): route the model, check
// the key may pay, generate, bill and remember it. A generation that fails midway is not billed.
export const paidGeneration = async (
  { keys, generations, strictModels, listedModels }: MockContext,
  key: ApiKey,
  request: ChatRequest,
  options: { api: GenerationRecord['api']; streamed: boolean; failsMidway?: boolean },
): Promise<PaidGeneration> => {
  // Behaviours limited to a key's first calls count the calls that reach a model.
  key.calls += 1
  const routed = route(request, key, { strict: strictModels, listed: listedModels })
  if ('status' in routed) return { ok: false, response: routedError(routed) }
  const refused = await refusal(key, routed.served.endpoint.provider)
  if (refused) return { ok: false, response: refused }

  const generated = generate(request, routed.served)
  const generation =
    key.behaviour?.kind === 'malformed-tool-arguments'
      ? withMalformedArguments(generated)
      : generated
  const cost = options.failsMidway ? 0 : generation.usage.cost
  keys.charge(key, cost)
  generations.remember({
    id: generation.id,
    model: routed.served.modelId,
    provider: routed.served.endpoint.provider,
    created: generation.created,
    api: options.api,
    streamed: options.streamed,
    finishReason: options.failsMidway ? 'error' : generation.finishReason,
    promptTokens: generation.usage.prompt_tokens,
    completionTokens: generation.usage.completion_tokens,
    reasoningTokens: generation.usage.completion_tokens_details.reasoning_tokens,
    cost,
    key: key.key,
  })
  const headers = {
    'X-Generation-Id': generation.id,
    ...(routed.inCatalogue ? {} : { [notInCatalogueHeader]: routed.served.modelId }),
  }
  return { ok: true, generation, headers }
}

const withMalformedArguments = (generation: Generation): Generation => ({
  ...generation,
  toolCalls: generation.toolCalls.map((call) => ({
    ...call,
    function: { ...call.function, arguments: call.function.arguments.slice(0, -1) },
  })),
})
