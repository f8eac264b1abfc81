import { createHash } from 'node:crypto'
import type { ChatRequest } from '../chat-request.ts'
import type { Generation } from '../completions.ts'
import { streamPieces } from '../replies.ts'

// OpenRouter's Responses API translated to and from the chat machinery, so `/responses` answers
// what `/chat/completions` would, as response items.

type Part = {
  type: string
  text?: string
  image_url?: string
  file_data?: string
  filename?: string
}
type InputItem = {
  type?: string
  role?: string
  content?: string | Part[]
  call_id?: string
  name?: string
  arguments?: string
  output?: unknown
}
export type ResponsesRequest = {
  model?: string
  models?: string[]
  input?: string | InputItem[]
  instructions?: string | null
  tools?: { type: string; name?: string; description?: string; parameters?: object }[]
  tool_choice?: unknown
  text?: { format?: { type: string; name?: string; schema?: object } }
  reasoning?: { effort?: string; summary?: string }
  plugins?: unknown[]
  provider?: unknown
  stream?: boolean
  temperature?: number
  top_p?: number
  metadata?: Record<string, string>
}

const partsToChat = (content: string | Part[] | undefined) =>
  typeof content === 'string' || content === undefined
    ? (content ?? '')
    : content.map((part) =>
        part.type === 'input_text' || part.type === 'output_text'
          ? { type: 'text', text: part.text ?? '' }
          : part.type === 'input_image'
            ? { type: 'image_url', image_url: { url: part.image_url ?? '' } }
            : { type: 'file', file: { filename: part.filename, file_data: part.file_data } },
      )

// The Responses API names a forced function flat (`{type: 'function', name}`), chat nests it
// (`{type: 'function', function: {name}}`); a hosted tool (web search, shell) or an allowed-tools
// list leaves the model to choose, as `auto` does.
const chatToolChoice = (choice: unknown) => {
  if (choice === undefined || typeof choice === 'string') return choice
  const { type, name } = choice as { type?: unknown; name?: unknown }
  return type === 'function' && typeof name === 'string'
    ? { type: 'function', function: { name } }
    : 'auto'
}

export const toChatRequest = (request: ResponsesRequest): ChatRequest => {
  const messages: ChatRequest['messages'] = []
  if (request.instructions) messages.push({ role: 'system', content: request.instructions })
  const items =
    typeof request.input === 'string'
      ? [{ role: 'user', content: request.input }]
      : (request.input ?? [])
  for (const item of items) {
    if (item.type === 'function_call') {
      messages.push({
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: item.call_id,
            type: 'function',
            function: { name: item.name, arguments: item.arguments },
          },
        ],
      } as ChatRequest['messages'][number])
    } else if (item.type === 'function_call_output') {
      messages.push({
        role: 'tool',
        tool_call_id: item.call_id,
        content: typeof item.output === 'string' ? item.output : JSON.stringify(item.output),
      } as ChatRequest['messages'][number])
    } else {
      messages.push({ role: item.role ?? 'user', content: partsToChat(item.content) })
    }
  }
  const format = request.text?.format
  return {
    model: request.model,
    models: request.models,
    messages,
    provider: request.provider,
    plugins: request.plugins,
    tools: request.tools
      ?.filter((tool) => tool.type === 'function')
      .map((tool) => ({
        type: 'function',
        function: { name: tool.name, description: tool.description, parameters: tool.parameters },
      })),
    tool_choice: chatToolChoice(request.tool_choice),
    response_format:
      format?.type === 'json_schema'
        ? {
            type: 'json_schema',
            json_schema: { name: format.name ?? 'output', schema: format.schema },
          }
        : format,
    ...(request.reasoning ? { reasoning: { effort: request.reasoning.effort ?? 'medium' } } : {}),
  }
}

const itemId = (prefix: string, generation: Generation, index = 0) =>
  `${prefix}_${createHash('sha256').update(`${generation.id}${prefix}${index}`).digest('hex').slice(0, 24)}`

const outputItems = (generation: Generation, status = 'completed') => [
  ...(generation.reasoning?.shown
    ? [
        {
          type: 'reasoning',
          id: itemId('rs', generation),
          status,
          summary: [{ type: 'summary_text', text: generation.reasoning.text }],
        },
      ]
    : []),
  ...(generation.toolCalls.length > 0
    ? generation.toolCalls.map((call, index) => ({
        type: 'function_call',
        id: itemId('fc', generation, index),
        call_id: call.id,
        name: call.function.name,
        arguments: call.function.arguments,
        status,
      }))
    : [
        {
          type: 'message',
          id: itemId('msg', generation),
          role: 'assistant',
          status,
          content: [
            {
              type: 'output_text',
              text: generation.text ?? '',
              annotations: generation.annotations.map(({ url_citation: citation }) => ({
                type: 'url_citation',
                url: citation.url,
                title: citation.title,
                start_index: citation.start_index,
                end_index: citation.end_index,
              })),
              logprobs: [],
            },
          ],
        },
      ]),
]

export const responseResult = (
  generation: Generation,
  request: ResponsesRequest,
  status: 'completed' | 'in_progress' = 'completed',
) => ({
  id: `resp_${generation.id.slice(-20)}`,
  object: 'response',
  created_at: generation.created,
  completed_at: status === 'completed' ? generation.created + 1 : null,
  model: generation.served.modelId,
  status,
  output: status === 'completed' ? outputItems(generation) : [],
  ...(status === 'completed' && generation.text !== null ? { output_text: generation.text } : {}),
  error: null,
  incomplete_details: null,
  temperature: request.temperature ?? null,
  top_p: request.top_p ?? null,
  presence_penalty: null,
  frequency_penalty: null,
  instructions: request.instructions ?? null,
  metadata: request.metadata ?? {},
  tools: request.tools ?? [],
  tool_choice: request.tool_choice ?? 'auto',
  parallel_tool_calls: true,
  ...(status === 'completed'
    ? {
        usage: {
          input_tokens: generation.usage.prompt_tokens,
          output_tokens: generation.usage.completion_tokens,
          total_tokens: generation.usage.total_tokens,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens_details: {
            reasoning_tokens: generation.usage.completion_tokens_details.reasoning_tokens,
          },
          cost: generation.usage.cost,
          is_byok: false,
        },
      }
    : {}),
})

// The Responses event sequence: created, in progress, each output item added (its content
// streamed as deltas) and done, then completed; every event numbered, each named by `event:`.
export const responseEvents = (generation: Generation, request: ResponsesRequest) => {
  let sequence = 0
  const event = (type: string, data: object) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, ...data, sequence_number: sequence++ })}\n\n`
  const items = outputItems(generation)
  return [
    event('response.created', { response: responseResult(generation, request, 'in_progress') }),
    event('response.in_progress', { response: responseResult(generation, request, 'in_progress') }),
    ...items.flatMap((item, outputIndex) => {
      const added = event('response.output_item.added', {
        output_index: outputIndex,
        item:
          item.type === 'message'
            ? { ...item, status: 'in_progress', content: [] }
            : item.type === 'function_call'
              ? { ...item, status: 'in_progress', arguments: '' }
              : { ...item, status: 'in_progress' },
      })
      const done = event('response.output_item.done', { output_index: outputIndex, item })
      if (item.type === 'function_call') {
        const args = (item as { arguments: string }).arguments
        return [
          added,
          ...streamPieces(args).map((delta) =>
            event('response.function_call_arguments.delta', {
              item_id: item.id,
              output_index: outputIndex,
              delta,
            }),
          ),
          event('response.function_call_arguments.done', {
            item_id: item.id,
            output_index: outputIndex,
            arguments: args,
            name: (item as { name: string }).name,
          }),
          done,
        ]
      }
      if (item.type !== 'message') return [added, done]
      const part = (item as { content: { text: string }[] }).content[0]!
      const where = { item_id: item.id, output_index: outputIndex, content_index: 0 }
      return [
        added,
        event('response.content_part.added', {
          ...where,
          part: { ...part, text: '', annotations: [] },
        }),
        ...streamPieces(part.text).map((delta) =>
          event('response.output_text.delta', { ...where, delta, logprobs: [] }),
        ),
        event('response.output_text.done', { ...where, text: part.text, logprobs: [] }),
        event('response.content_part.done', { ...where, part }),
        done,
      ]
    }),
    event('response.completed', { response: responseResult(generation, request) }),
    'data: [DONE]\n\n',
  ]
}
