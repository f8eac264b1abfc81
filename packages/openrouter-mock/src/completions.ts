import { createHash } from 'node:crypto'
import type { Model } from './models/catalogue.ts'
import { countPromptTokens, countTokens, replyFor, streamPieces } from './replies.ts'
import type { ChatRequest } from './chat-request.ts'
import { round } from './keys.ts'

// Everything about one generation that its JSON body, its stream and its bill share.
export type Generation = {
  id: string
  created: number
  model: Model
  text: string
  usage: Usage
}

export type Usage = {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  cost: number
  is_byok: false
  prompt_tokens_details: { cached_tokens: number }
  completion_tokens_details: { reasoning_tokens: number }
}

// A fixed clock keeps ids and timestamps identical between runs of the same request.
const epoch = 1767225600

export const generate = (request: ChatRequest, model: Model): Generation => {
  const text = replyFor(model.id, request.messages)
  const promptTokens = countPromptTokens(request.messages)
  const completionTokens = countTokens(text)
  const digest = createHash('sha256')
    .update(JSON.stringify([model.id, request.messages]))
    .digest()
  return {
    id: `gen-${epoch}-${digest.toString('base64url').replace(/[-_]/g, '').slice(0, 20)}`,
    created: epoch,
    model,
    text,
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      cost: round(promptTokens * model.promptPrice + completionTokens * model.completionPrice),
      is_byok: false,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
    },
  }
}

const fingerprint = 'fp_mock0001'

// The non-streaming body: every field @openrouter/sdk requires, plus the live extras.
export const chatResult = (generation: Generation) => ({
  id: generation.id,
  provider: generation.model.provider,
  model: generation.model.id,
  object: 'chat.completion',
  created: generation.created,
  system_fingerprint: fingerprint,
  choices: [
    {
      index: 0,
      logprobs: null,
      finish_reason: 'stop',
      native_finish_reason: 'stop',
      message: { role: 'assistant', content: generation.text, refusal: null, reasoning: null },
    },
  ],
  usage: generation.usage,
})

type Delta = { role: 'assistant'; content: string }

const chunk = (generation: Generation, fields: Record<string, unknown>) => ({
  id: generation.id,
  provider: generation.model.provider,
  model: generation.model.id,
  object: 'chat.completion.chunk',
  created: generation.created,
  ...fields,
})

const choiceChunk = (
  generation: Generation,
  delta: Delta,
  finishReason: string | null,
  extra = {},
) =>
  chunk(generation, {
    ...extra,
    choices: [
      {
        index: 0,
        delta,
        finish_reason: finishReason,
        native_finish_reason: finishReason,
        logprobs: null,
      },
    ],
  })

// A stream's chunks: a role chunk, the reply over several deltas (each repeating the role, as live
// streams do and openai's `.stream()` helper needs), a finish chunk, then usage with no choices.
export const streamChunks = (generation: Generation) => [
  choiceChunk(generation, { role: 'assistant', content: '' }, null, {
    system_fingerprint: fingerprint,
  }),
  ...streamPieces(generation.text).map((piece) =>
    choiceChunk(generation, { role: 'assistant', content: piece }, null),
  ),
  choiceChunk(generation, { role: 'assistant', content: '' }, 'stop'),
  chunk(generation, { choices: [], usage: generation.usage }),
]

// What a stream sends when the provider fails after `afterDeltas` content deltas: HTTP stays 200.
export const streamChunksFailingAfter = (generation: Generation, afterDeltas: number) => [
  ...streamChunks(generation).slice(0, 1 + afterDeltas),
  chunk(generation, {
    error: {
      code: 502,
      message: 'Provider disconnected',
      metadata: { error_type: 'provider_unavailable' },
    },
    choices: [
      { index: 0, delta: { content: '' }, finish_reason: 'error', native_finish_reason: 'error' },
    ],
  }),
]

// The text and usage a stream failing after `afterDeltas` deltas had produced.
export const partialText = (generation: Generation, afterDeltas: number) =>
  streamPieces(generation.text).slice(0, afterDeltas).join('')

// The non-streaming counterpart: partial content and an error on the choice, status 200.
export const failedChatResult = (generation: Generation, afterDeltas: number) => {
  const result = chatResult(generation)
  const [choice] = result.choices
  return {
    ...result,
    choices: [
      {
        ...choice!,
        finish_reason: 'error',
        native_finish_reason: 'error',
        message: { ...choice!.message, content: partialText(generation, afterDeltas) },
        error: {
          code: 502,
          message: 'Provider disconnected',
          metadata: { error_type: 'provider_unavailable' },
        },
      },
    ],
  }
}
