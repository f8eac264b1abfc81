import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'

// The part of OpenRouter's chat request contract the mock enforces, in JSON Schema. Parameters it
// does not list pass through: OpenRouter ignores parameters a model does not support.
const content = {
  anyOf: [
    { type: 'string' },
    {
      type: 'array',
      items: { type: 'object', required: ['type'], properties: { type: { type: 'string' } } },
    },
  ],
}
const message = (role: string, required: string[], extra: Record<string, unknown> = {}) => ({
  type: 'object',
  required: ['role', ...required],
  properties: { role: { const: role }, name: { type: 'string' }, ...extra },
})

export const chatRequestSchema = {
  type: 'object',
  required: ['messages'],
  properties: {
    model: { type: 'string', minLength: 1 },
    models: { type: 'array', items: { type: 'string' } },
    messages: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['role'],
        discriminator: { propertyName: 'role' },
        oneOf: [
          message('system', ['content'], { content }),
          message('developer', ['content'], { content }),
          message('user', ['content'], { content }),
          message('assistant', [], { content: { anyOf: [content, { type: 'null' }] } }),
          message('tool', ['content', 'tool_call_id'], {
            content,
            tool_call_id: { type: 'string' },
          }),
        ],
      },
    },
    stream: { type: 'boolean' },
    temperature: { type: 'number', minimum: 0, maximum: 2 },
    top_p: { type: 'number', minimum: 0, maximum: 1 },
    max_tokens: { type: 'integer', minimum: 1 },
    max_completion_tokens: { type: 'integer', minimum: 1 },
    stop: {
      anyOf: [{ type: 'string' }, { type: 'array', maxItems: 4, items: { type: 'string' } }],
    },
    top_logprobs: { type: 'integer', minimum: 0, maximum: 20 },
    metadata: { type: 'object', maxProperties: 16 },
    session_id: { type: 'string', maxLength: 256 },
  },
}

const ajv = new Ajv2020({ allErrors: false, discriminator: true })
const validate = ajv.compile(chatRequestSchema)

export type ChatRequest = {
  model?: string
  messages: { role: string; content?: unknown }[]
  stream?: boolean
  [parameter: string]: unknown
}

// `/messages/0/content` → `messages[0].content`, the way OpenRouter names fields in its messages.
const fieldName = (error: ErrorObject) => {
  const segments = error.instancePath.split('/').slice(1)
  if (error.keyword === 'required') segments.push(String(error.params.missingProperty))
  return segments.reduce(
    (name, segment) =>
      /^\d+$/.test(segment) ? `${name}[${segment}]` : name ? `${name}.${segment}` : segment,
    '',
  )
}

const describe = (error: ErrorObject) => {
  const field = fieldName(error) || 'body'
  if (error.keyword === 'required') return `${field}: Required`
  if (error.keyword === 'discriminator') {
    return `${field}.role: expected one of system, developer, user, assistant, tool`
  }
  return `${field}: ${error.message}`
}

export type ChatRequestCheck = { ok: true; request: ChatRequest } | { ok: false; problem: string }

export const checkChatRequest = (body: unknown): ChatRequestCheck => {
  if (validate(body)) return { ok: true, request: body as ChatRequest }
  const [first] = validate.errors ?? []
  return { ok: false, problem: first ? describe(first) : 'body: invalid' }
}
