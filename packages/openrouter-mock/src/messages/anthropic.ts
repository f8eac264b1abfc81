import { createHash } from 'node:crypto'
import type { ChatRequest } from '../chat-request.ts'
import type { Generation } from '../completions.ts'
import { streamPieces } from '../replies.ts'

// The Anthropic Messages shape, translated to and from the chat machinery, so `/messages` answers
// what `/chat/completions` would, in Anthropic's words.

type Block = {
  type: string
  text?: string
  id?: string
  name?: string
  input?: unknown
  tool_use_id?: string
  content?: unknown
}
type AnthropicMessage = { role: 'user' | 'assistant'; content: string | Block[] }
export type MessagesRequest = {
  model?: string
  max_tokens?: number
  system?: string | Block[]
  messages: AnthropicMessage[]
  tools?: { type?: string; name: string; description?: string; input_schema?: object }[]
  tool_choice?: { type: 'auto' | 'any' | 'tool' | 'none'; name?: string }
  thinking?: { type: 'enabled' | 'disabled' | 'adaptive'; budget_tokens?: number }
  stream?: boolean
}

const textOfBlocks = (content: string | Block[] | undefined) =>
  typeof content === 'string'
    ? content
    : (content ?? []).map((block) => (block.type === 'text' ? (block.text ?? '') : '')).join('')

// Anthropic turns become chat messages: tool results become `tool` messages, tool uses become
// the assistant's tool calls, images and documents stay content parts.
export const toChatRequest = (request: MessagesRequest): ChatRequest => {
  const messages: ChatRequest['messages'] = []
  if (request.system) messages.push({ role: 'system', content: textOfBlocks(request.system) })
  for (const message of request.messages) {
    const blocks =
      typeof message.content === 'string'
        ? [{ type: 'text', text: message.content }]
        : message.content
    for (const result of blocks.filter((block) => block.type === 'tool_result')) {
      messages.push({
        role: 'tool',
        tool_call_id: result.tool_use_id,
        content:
          typeof result.content === 'string'
            ? result.content
            : textOfBlocks(result.content as Block[]),
      } as ChatRequest['messages'][number])
    }
    const uses = blocks.filter((block) => block.type === 'tool_use')
    const rest = blocks.filter((block) => block.type !== 'tool_result' && block.type !== 'tool_use')
    if (rest.length > 0 || uses.length > 0) {
      messages.push({
        role: message.role,
        content: rest.map((block) =>
          block.type === 'text'
            ? { type: 'text', text: block.text }
            : {
                type: block.type === 'image' ? 'image_url' : 'file',
                [block.type === 'image' ? 'image_url' : 'file']: {},
              },
        ),
        ...(uses.length > 0
          ? {
              tool_calls: uses.map((use) => ({
                id: use.id,
                type: 'function',
                function: { name: use.name, arguments: JSON.stringify(use.input ?? {}) },
              })),
            }
          : {}),
      } as ChatRequest['messages'][number])
    }
  }
  const choice = request.tool_choice
  return {
    model: request.model,
    messages,
    // Anthropic's server tools (web search, code execution…) have no input schema and run inside.
    tools: request.tools
      ?.filter((tool) => tool.input_schema !== undefined)
      .map((tool) => ({
        type: 'function',
        function: { name: tool.name, description: tool.description, parameters: tool.input_schema },
      })),
    tool_choice:
      choice?.type === 'tool'
        ? { type: 'function', function: { name: choice.name } }
        : choice?.type === 'any'
          ? 'required'
          : choice?.type,
    ...(request.thinking?.type === 'enabled'
      ? { reasoning: { max_tokens: request.thinking.budget_tokens } }
      : {}),
  }
}

const messageId = (generation: Generation) =>
  `msg_${createHash('sha256').update(generation.id).digest('base64url').replace(/[-_]/g, '').slice(0, 24)}`

type OutputBlock = {
  type: string
  text?: string
  thinking?: string
  signature?: string
  id?: string
  name?: string
  input?: unknown
  citations?: unknown[]
}

const blocksOf = (generation: Generation): OutputBlock[] => [
  ...(generation.reasoning?.shown
    ? [
        {
          type: 'thinking',
          thinking: generation.reasoning.text,
          signature: `sig_${generation.id.slice(-12)}`,
        },
      ]
    : []),
  ...(generation.toolCalls.length > 0
    ? generation.toolCalls.map((call) => ({
        type: 'tool_use',
        id: call.id.replace(/^call_/, 'toolu_'),
        name: call.function.name,
        input: JSON.parse(call.function.arguments) as unknown,
      }))
    : [{ type: 'text', text: generation.text ?? '', citations: [] }]),
]

const usage = (generation: Generation, outputTokens = generation.usage.completion_tokens) => ({
  input_tokens: generation.usage.prompt_tokens,
  output_tokens: outputTokens,
  cache_creation_input_tokens: null,
  cache_read_input_tokens: null,
  cache_creation: null,
  inference_geo: null,
  server_tool_use: null,
  service_tier: 'standard',
  output_tokens_details: null,
  cost: generation.usage.cost,
  is_byok: false,
})

const stopReason = (generation: Generation) =>
  generation.toolCalls.length > 0 ? 'tool_use' : 'end_turn'

const message = (
  generation: Generation,
  content: unknown[],
  stop: string | null,
  outputTokens?: number,
) => ({
  id: messageId(generation),
  type: 'message',
  role: 'assistant',
  model: generation.served.modelId,
  provider: generation.served.endpoint.provider,
  container: null,
  content,
  stop_reason: stop,
  stop_details: null,
  stop_sequence: null,
  usage: usage(generation, outputTokens),
})

export const messagesResult = (generation: Generation) =>
  message(generation, blocksOf(generation), stopReason(generation))

// Anthropic's event sequence: message_start, each content block (start, deltas, stop), then
// message_delta with the stop reason and message_stop. `event:` names each, as Anthropic sends.
export const messagesEvents = (generation: Generation) => {
  const event = (type: string, data: object) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`
  const blocks = blocksOf(generation)
  return [
    event('message_start', { message: message(generation, [], null, 0) }),
    event('ping', {}),
    ...blocks.flatMap((block, index) => {
      const [start, deltas] =
        block.type === 'text'
          ? [
              { type: 'text', text: '', citations: [] },
              streamPieces(block.text ?? '').map((text) => ({ type: 'text_delta', text })),
            ]
          : block.type === 'thinking'
            ? [
                { type: 'thinking', thinking: '', signature: '' },
                streamPieces(block.thinking ?? '').map((thinking) => ({
                  type: 'thinking_delta',
                  thinking,
                })),
              ]
            : [
                { ...block, input: {} },
                streamPieces(JSON.stringify(block.input)).map((partial_json) => ({
                  type: 'input_json_delta',
                  partial_json,
                })),
              ]
      return [
        event('content_block_start', { index, content_block: start }),
        ...deltas.map((delta) => event('content_block_delta', { index, delta })),
        event('content_block_stop', { index }),
      ]
    }),
    event('message_delta', {
      delta: {
        stop_reason: stopReason(generation),
        stop_sequence: null,
        container: null,
        stop_details: null,
      },
      usage: {
        input_tokens: generation.usage.prompt_tokens,
        output_tokens: generation.usage.completion_tokens,
        cache_creation_input_tokens: null,
        cache_read_input_tokens: null,
        output_tokens_details: null,
        server_tool_use: null,
      },
    }),
    event('message_stop', {}),
  ]
}

const errorTypes: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  408: 'timeout_error',
  429: 'rate_limit_error',
  503: 'overloaded_error',
  529: 'overloaded_error',
}

// An OpenRouter error answer, in Anthropic's error shape (status and retry headers kept).
export const anthropicError = async (response: Response) => {
  const body = (await response.json()) as {
    error: { message: string; metadata?: { error_type?: string } }
  }
  return Response.json(
    {
      type: 'error',
      error: {
        type: errorTypes[response.status] ?? 'api_error',
        message: body.error.message,
        ...(body.error.metadata?.error_type ? { error_type: body.error.metadata.error_type } : {}),
      },
      request_id: null,
    },
    { status: response.status, headers: retryHeaders(response.headers) },
  )
}

const retryHeaders = (headers: Headers) =>
  Object.fromEntries(
    [...headers].filter(([name]) => name === 'retry-after' || name.startsWith('x-ratelimit-')),
  )
