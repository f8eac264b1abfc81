import { http } from 'msw'
import { api } from '../api-path.ts'
import { authenticate } from '../auth.ts'
import type { MockContext } from '../context.ts'
import { openRouterError } from '../errors.ts'
import type { GenerationRecord } from '../generations.ts'
import { round } from '../keys.ts'
import { shaped } from '../operations/shaped.ts'

// The account's own records: its credits, and the generations it paid for, looked up by the id
// every answer carried (`X-Generation-Id`).
export const accountHandlers = ({ keys, generations }: MockContext) => [
  http.get(api('/credits'), ({ request }) => {
    const auth = authenticate(request, keys)
    if ('response' in auth) return auth.response
    const usage = round(keys.ofAccount(auth.key.account).reduce((sum, key) => sum + key.usage, 0))
    return Response.json({
      data: { total_credits: round(auth.key.account.balance + usage), total_usage: usage },
    })
  }),

  http.get(api('/generation'), ({ request }) => {
    const auth = authenticate(request, keys)
    if ('response' in auth) return auth.response
    const id = new URL(request.url).searchParams.get('id')
    const record = id ? generations.find(id) : undefined
    const paidBy = record && keys.find(record.key)
    if (!record || paidBy?.account !== auth.key.account) {
      return openRouterError(404, `Generation ${id ?? ''} not found`, {
        metadata: { error_type: 'not_found' },
      })
    }
    return Response.json(shaped('GET', '/api/v1/generation', { data: generationStats(record) }))
  }),
]

const apiTypes: Record<GenerationRecord['api'], string> = {
  chat: 'completions',
  completions: 'completions',
  responses: 'completions',
  messages: 'completions',
  embeddings: 'embeddings',
}

// A generation as OpenRouter reports it after the fact: model, provider, tokens, cost, timing.
const generationStats = (record: GenerationRecord) => ({
  id: record.id,
  upstream_id: `chatcmpl-${record.id.slice(-20)}`,
  model: record.model,
  provider_name: record.provider,
  created_at: new Date(record.created * 1000).toISOString(),
  api_type: apiTypes[record.api],
  streamed: record.streamed,
  cancelled: false,
  finish_reason: record.finishReason,
  native_finish_reason: record.finishReason,
  tokens_prompt: record.promptTokens,
  tokens_completion: record.completionTokens,
  native_tokens_prompt: record.promptTokens,
  native_tokens_completion: record.completionTokens,
  native_tokens_reasoning: record.reasoningTokens,
  native_tokens_cached: 0,
  native_tokens_completion_images: 0,
  num_media_prompt: 0,
  num_input_audio_prompt: 0,
  num_media_completion: 0,
  num_search_results: 0,
  num_fetches: 0,
  total_cost: record.cost,
  usage: record.cost,
  upstream_inference_cost: record.cost,
  cache_discount: null,
  is_byok: false,
  latency: 250,
  moderation_latency: null,
  generation_time: 750,
  app_id: null,
  external_user: null,
  preset_id: null,
  router: null,
  service_tier: null,
  web_search_engine: null,
  origin: '',
  user_agent: null,
  http_referer: null,
  data_region: 'global',
  workspace_id: null,
  provider_responses: [],
})
