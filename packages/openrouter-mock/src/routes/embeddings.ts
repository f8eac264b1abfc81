import { createHash } from 'node:crypto'
import { http } from 'msw'
import { api } from '../api-path.ts'
import { authenticate } from '../auth.ts'
import type { MockContext } from '../context.ts'
import { epoch } from '../completions.ts'
import { openRouterError } from '../errors.ts'
import { round } from '../keys.ts'
import { isRefusal, resolveModel } from '../models/resolve.ts'
import { shaped } from '../operations/shaped.ts'
import { refusal } from '../refusal.ts'
import { badRequest, invalidRequest, readJson } from '../request-body.ts'
import { countTokens } from '../replies.ts'

// Embeddings: one unit vector per input, of the model's dimension (or `dimensions`), derived from
// the text, so the same text always embeds the same. `encoding_format: base64` packs the floats
// as little-endian float32, as OpenAI's clients ask for by default.
export const embeddingHandlers = ({
  keys,
  generations,
  strictModels,
  listedModels,
}: MockContext) => [
  http.post(api('/embeddings'), async ({ request }) => {
    const auth = authenticate(request, keys)
    if ('response' in auth) return auth.response
    const body = await readJson(request)
    if (!body.ok) return openRouterError(400, body.problem, invalidRequest)
    const {
      input,
      model: id,
      dimensions,
      encoding_format: format = 'float',
    } = body.json as {
      input?: unknown
      model?: string
      dimensions?: unknown
      encoding_format?: string
    }
    const texts = inputs(input)
    if (!texts) return badRequest('input: expected a string, an array of strings, or token arrays')
    if (dimensions !== undefined && (!Number.isInteger(dimensions) || (dimensions as number) < 1))
      return badRequest('dimensions: expected a positive integer')
    if (format !== 'float' && format !== 'base64')
      return badRequest('encoding_format: expected one of float, base64')
    // The default is the mock's choice, not the request's: the live list does not judge it.
    const resolved = resolveModel(id ?? 'openai/text-embedding-3-small', {
      strict: strictModels,
      listed: id === undefined ? undefined : listedModels,
    })
    if (isRefusal(resolved))
      return openRouterError(resolved.status, resolved.message, invalidRequest)
    const { model } = resolved
    const refused = await refusal(auth.key, model.provider)
    if (refused) return refused

    const size = (dimensions as number | undefined) ?? model.dimension ?? 1536
    const tokens = texts.reduce((sum, text) => sum + Math.max(1, countTokens(text)), 0)
    const cost = round(tokens * model.promptPrice)
    keys.charge(auth.key, cost)
    const generationId = `gen-emb-${epoch}-${digest(JSON.stringify([model.id, texts, size])).slice(0, 16)}`
    generations.remember({
      id: generationId,
      model: model.id,
      provider: model.provider,
      created: epoch,
      api: 'embeddings',
      streamed: false,
      finishReason: null,
      promptTokens: tokens,
      completionTokens: 0,
      reasoningTokens: 0,
      cost,
      key: auth.key.key,
    })
    return Response.json(
      shaped('POST', '/api/v1/embeddings', {
        id: generationId,
        object: 'list',
        model: resolved.servedId,
        data: texts.map((text, index) => ({
          object: 'embedding',
          index,
          embedding: format === 'base64' ? base64(vector(text, size)) : vector(text, size),
        })),
        usage: { prompt_tokens: tokens, total_tokens: tokens, cost },
      }),
      { headers: { 'X-Generation-Id': generationId } },
    )
  }),
]

const inputs = (input: unknown): string[] | undefined => {
  if (typeof input === 'string') return [input]
  if (!Array.isArray(input) || input.length === 0) return undefined
  if (input.every((item) => typeof item === 'string')) return input
  if (input.every((item) => typeof item === 'number')) return [input.join(' ')]
  if (input.every((item) => Array.isArray(item))) return input.map((tokens) => tokens.join(' '))
  // Multimodal items: what they carry, as text.
  return input.map((item) => JSON.stringify(item))
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex')

// A deterministic unit vector: hash-seeded values, normalized.
const vector = (text: string, size: number) => {
  const values: number[] = []
  for (let block = 0; values.length < size; block += 1) {
    const bytes = createHash('sha256').update(`${block}:${text}`).digest()
    for (let i = 0; i + 1 < bytes.length && values.length < size; i += 2)
      values.push(bytes.readInt16BE(i) / 32768)
  }
  const norm = Math.hypot(...values) || 1
  return values.map((value) => Number((value / norm).toFixed(8)))
}

const base64 = (values: number[]) => Buffer.from(new Float32Array(values).buffer).toString('base64')
