import { Ajv2020 } from 'ajv/dist/2020.js'
import { describeFieldError } from './field-errors.ts'

// The part of OpenRouter's chat request contract the mock enforces, in JSON Schema. Parameters it
// does not list pass through: OpenRouter ignores parameters a model does not support.
// A content part of each kind the docs teach, with the field that kind needs; other kinds pass.
const part = (type: string, field: string, shape: object) => ({
  if: { properties: { type: { const: type } }, required: ['type'] },
  then: { required: [field], properties: { [field]: shape } },
})
const dataOrUrl = { type: 'string', minLength: 1 }
const content = {
  anyOf: [
    { type: 'string' },
    {
      type: 'array',
      items: {
        type: 'object',
        required: ['type'],
        properties: { type: { type: 'string' } },
        allOf: [
          part('text', 'text', { type: 'string' }),
          part('image_url', 'image_url', {
            type: 'object',
            required: ['url'],
            properties: { url: dataOrUrl },
          }),
          part('input_audio', 'input_audio', {
            type: 'object',
            required: ['data', 'format'],
            properties: { data: { type: 'string' }, format: { type: 'string' } },
          }),
          part('file', 'file', {
            type: 'object',
            properties: { filename: { type: 'string' }, file_data: dataOrUrl },
          }),
          part('video_url', 'video_url', {
            type: 'object',
            required: ['url'],
            properties: { url: dataOrUrl },
          }),
        ],
      },
    },
  ],
}
const message = (role: string, required: string[], extra: Record<string, unknown> = {}) => ({
  type: 'object',
  required: ['role', ...required],
  properties: { role: { const: role }, name: { type: 'string' }, ...extra },
})
// A function tool needs its function; server tools (`openrouter:web_search`,
// `openrouter:subagent`, …) run inside OpenRouter and carry their own parameters.
const tool = {
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string' } },
  if: { properties: { type: { const: 'function' } } },
  then: {
    required: ['function'],
    properties: {
      function: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', pattern: '^[a-zA-Z0-9_-]{1,64}$' },
          description: { type: 'string' },
          parameters: { type: 'object' },
        },
      },
    },
  },
}

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
    tools: { type: 'array', items: tool },
    tool_choice: {
      anyOf: [
        { enum: ['none', 'auto', 'required'] },
        {
          type: 'object',
          required: ['type', 'function'],
          properties: { function: { type: 'object', required: ['name'] } },
        },
      ],
    },
    response_format: {
      type: 'object',
      required: ['type'],
      properties: { type: { enum: ['text', 'json_object', 'json_schema', 'grammar', 'python'] } },
      if: { properties: { type: { const: 'json_schema' } } },
      then: {
        required: ['json_schema'],
        properties: {
          json_schema: {
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string' }, schema: { type: 'object' } },
          },
        },
      },
    },
    reasoning: {
      type: 'object',
      properties: {
        effort: { enum: ['xhigh', 'high', 'medium', 'low', 'minimal', 'none'] },
        max_tokens: { type: 'integer', minimum: 0 },
        enabled: { type: 'boolean' },
        exclude: { type: 'boolean' },
      },
    },
    plugins: { type: 'array', items: { type: 'object', required: ['id'] } },
  },
}

const ajv = new Ajv2020({ allErrors: false, discriminator: true, strict: false })
const validate = ajv.compile(chatRequestSchema)

export type ChatRequest = {
  model?: string
  messages: { role: string; content?: unknown }[]
  stream?: boolean
  [parameter: string]: unknown
}

export type ChatRequestCheck = { ok: true; request: ChatRequest } | { ok: false; problem: string }

export const checkChatRequest = (body: unknown): ChatRequestCheck => {
  if (validate(body)) return { ok: true, request: body as ChatRequest }
  return { ok: false, problem: describeFieldError(validate.errors?.[0]) }
}
