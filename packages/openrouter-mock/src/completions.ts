import { createHash } from 'node:crypto'
import type { ChatRequest } from './chat-request.ts'
import { reasoningFor, type Reasoning, type ReasoningRequest } from './features/reasoning.ts'
import { structuredContent, type ResponseFormat } from './features/structured-output.ts'
import {
  answerFromToolResults,
  toolCallsFor,
  type FunctionTool,
  type ToolCall,
  type ToolChoice,
} from './features/tool-calls.ts'
import { webCitations, type Annotation } from './features/web-search.ts'
import { seedOf } from './seed.ts'
import { round } from './keys.ts'
import type { Endpoint, Model } from './models/catalogue.ts'
import type { Variant } from './models/resolve.ts'
import { countPromptTokens, countTokens, replyFor, streamPieces, textOf } from './replies.ts'

// What serves a call: the model (and how the answer names it) and the provider chosen.
export type Served = { model: Model; modelId: string; endpoint: Endpoint; variant?: Variant }

// Everything about one generation that its JSON body, its stream and its bill share.
export type Generation = {
  id: string
  created: number
  served: Served
  text: string | null
  toolCalls: ToolCall[]
  reasoning?: Reasoning
  annotations: Annotation[]
  finishReason: 'stop' | 'tool_calls'
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
export const epoch = 1767225600

// What the model does with a request: call a tool, answer from tool results, write structured
// output, or reply in words; optionally thinking first and citing the web.
export const generate = (request: ChatRequest, served: Served): Generation => {
  const { messages } = request
  const seed = seedOf(served.modelId, messages, request.tools, request.response_format)
  const prompt = textOf(messages.findLast((message) => message.role === 'user')?.content)
  // Server tools run inside OpenRouter: only function tools come back to the caller as calls.
  const functionTools = (request.tools as FunctionTool[] | undefined)?.filter(
    (tool) => tool.type === 'function',
  )
  const toolCalls = toolCallsFor(
    functionTools,
    request.tool_choice as ToolChoice | undefined,
    messages,
  )
  const answeredByTools = messages.at(-1)?.role === 'tool'
  const reply = answeredByTools
    ? answerFromToolResults(messages)
    : replyFor(served.modelId, messages)
  const web =
    served.variant === 'online' ||
    (request.plugins as { id?: string }[] | undefined)?.some((plugin) => plugin.id === 'web') ===
      true
  const citations = web && toolCalls.length === 0 ? webCitations(reply, prompt) : undefined
  const text =
    toolCalls.length > 0
      ? null
      : (structuredContent(request.response_format as ResponseFormat | undefined, reply, seed) ??
        citations?.text ??
        reply)
  const reasoning = reasoningFor(request as ReasoningRequest, served.variant === 'thinking', prompt)
  const reasoningTokens = reasoning ? countTokens(reasoning.text) : 0
  const promptTokens = countPromptTokens(messages)
  const completionTokens =
    countTokens(text ?? '') +
    toolCalls.reduce((sum, call) => sum + countTokens(call.function.arguments) + 4, 0) +
    reasoningTokens
  const { endpoint } = served
  const digest = createHash('sha256').update(seed).digest()
  return {
    id: `gen-${epoch}-${digest.toString('base64url').replace(/[-_]/g, '').slice(0, 20)}`,
    created: epoch,
    served,
    text,
    toolCalls,
    reasoning,
    annotations: citations?.annotations ?? [],
    finishReason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      cost: round(
        promptTokens * endpoint.promptPrice + completionTokens * endpoint.completionPrice,
      ),
      is_byok: false,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: reasoningTokens },
    },
  }
}

const fingerprint = 'fp_mock0001'

const reasoningFields = (reasoning: Reasoning | undefined, text = reasoning?.text) =>
  reasoning?.shown
    ? {
        reasoning: text,
        reasoning_details: [{ type: 'reasoning.text', text, format: 'unknown', index: 0 }],
      }
    : {}

// The non-streaming body: every field @openrouter/sdk requires, plus the live extras.
export const chatResult = (generation: Generation) => ({
  id: generation.id,
  provider: generation.served.endpoint.provider,
  model: generation.served.modelId,
  object: 'chat.completion',
  created: generation.created,
  system_fingerprint: fingerprint,
  choices: [
    {
      index: 0,
      logprobs: null,
      finish_reason: generation.finishReason,
      native_finish_reason: generation.finishReason,
      message: {
        role: 'assistant',
        content: generation.text,
        refusal: null,
        reasoning: null,
        ...reasoningFields(generation.reasoning),
        ...(generation.toolCalls.length > 0 ? { tool_calls: generation.toolCalls } : {}),
        ...(generation.annotations.length > 0 ? { annotations: generation.annotations } : {}),
      },
    },
  ],
  usage: generation.usage,
})

type Delta = Record<string, unknown> & { role: 'assistant' }

const chunk = (generation: Generation, fields: Record<string, unknown>) => ({
  id: generation.id,
  provider: generation.served.endpoint.provider,
  model: generation.served.modelId,
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

// Tool calls stream as OpenAI streams them: a delta naming each call, then its arguments in pieces.
const toolCallDeltas = (generation: Generation): Delta[] =>
  generation.toolCalls.flatMap((call, index) => [
    {
      role: 'assistant' as const,
      content: null,
      tool_calls: [
        {
          index,
          id: call.id,
          type: 'function',
          function: { name: call.function.name, arguments: '' },
        },
      ],
    },
    ...streamPieces(call.function.arguments).map((piece) => ({
      role: 'assistant' as const,
      content: null,
      tool_calls: [{ index, function: { arguments: piece } }],
    })),
  ])

// A stream's chunks: a role chunk, the reasoning then the reply (or tool calls) over several
// deltas (each repeating the role, as live streams do and openai's `.stream()` helper needs), a
// finish chunk (with the citations), then usage with no choices.
export const streamChunks = (generation: Generation) => [
  choiceChunk(generation, { role: 'assistant', content: '' }, null, {
    system_fingerprint: fingerprint,
  }),
  ...(generation.reasoning?.shown
    ? streamPieces(generation.reasoning.text).map((piece) =>
        choiceChunk(
          generation,
          { role: 'assistant', content: '', ...reasoningFields(generation.reasoning, piece) },
          null,
        ),
      )
    : []),
  ...(generation.toolCalls.length > 0
    ? toolCallDeltas(generation).map((delta) => choiceChunk(generation, delta, null))
    : streamPieces(generation.text ?? '').map((piece) =>
        choiceChunk(generation, { role: 'assistant', content: piece }, null),
      )),
  choiceChunk(
    generation,
    {
      role: 'assistant',
      content: '',
      ...(generation.annotations.length > 0 ? { annotations: generation.annotations } : {}),
    },
    generation.finishReason,
  ),
  chunk(generation, { choices: [], usage: generation.usage }),
]

// The number of chunks before the first reply delta: where a failing stream starts counting.
const leadingChunks = (generation: Generation) =>
  1 + (generation.reasoning?.shown ? streamPieces(generation.reasoning.text).length : 0)

// What a stream sends when the provider fails after `afterDeltas` content deltas: HTTP stays 200.
export const streamChunksFailingAfter = (generation: Generation, afterDeltas: number) => [
  ...streamChunks(generation).slice(0, leadingChunks(generation) + afterDeltas),
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

// The text a stream failing after `afterDeltas` deltas had produced.
export const partialText = (generation: Generation, afterDeltas: number) =>
  streamPieces(generation.text ?? '')
    .slice(0, afterDeltas)
    .join('')

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
