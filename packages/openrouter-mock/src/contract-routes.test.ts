import { createRequire } from 'node:module'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { generateSync, type JsonSchema } from 'json-schema-faker'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from './handlers.ts'
import { KeyRegistry } from './keys.ts'
import { readSharedSpec } from './shared-spec.ts'

// Every route of OpenRouter's published OpenAPI spec (see shared-spec.ts): each answers a valid
// request with a documented success, each documented error we can provoke comes back as
// documented, and every body matches the spec's schema for its status.
const spec = readSharedSpec()

const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv2020) => void
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true })
addFormats(ajv)
ajv.addSchema(spec, 'openrouter')
const escape = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1')

type SpecOperation = {
  operationId: string
  method: string
  path: string
  parameters?: { in: string; name: string; required?: boolean; schema?: object }[]
  requestBody?: { content: Record<string, { schema: object }> }
  responses: Record<string, { content?: Record<string, { schema: object }> }>
}
const methods = ['get', 'post', 'put', 'patch', 'delete']
const operations: SpecOperation[] = Object.entries(
  spec.paths as Record<string, Record<string, Omit<SpecOperation, 'method' | 'path'>>>,
).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => methods.includes(method))
    .map(([method, operation]) => ({ ...operation, method: method.toUpperCase(), path })),
)

const keys = new KeyRegistry()
const server = setupServer(...createHandlers({ keys }))
const key = keys.create({ name: 'contract routes' }).key
const managementKey = keys.create({ name: 'contract admin', management: true }).key
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())

const base = 'https://openrouter.ai/api/v1'
const example = (schema: object | undefined, seed: string) =>
  schema
    ? generateSync({ ...schema, $defs: undefined, components: spec.components } as JsonSchema, {
        seed: seed.length,
        useExamplesValue: true,
        useDefaultValue: true,
        maxItems: 1,
        maxDepth: 10,
        refResolver: (ref: string) => pointerTo(ref),
      })
    : undefined
const pointerTo = (ref: string) =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .reduce(
      (node: any, segment) => node?.[segment.replaceAll('~1', '/').replaceAll('~0', '~')],
      spec,
    )

// Data the mock holds, made first, as a reader's program makes it before it can look it up.
const facts: Record<string, string> = {}
const chat = { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'Say this is a test' }] }
const call = async (method: string, path: string, body?: unknown, auth = key) =>
  fetch(`${base}${path}`, {
    method,
    headers: {
      ...(auth ? { Authorization: `Bearer ${auth}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })

beforeAll(async () => {
  facts.generation = (
    (await (await call('POST', '/chat/completions', chat)).json()) as { id: string }
  ).id
  const created = (await (
    await call('POST', '/keys', { name: 'contract' }, managementKey)
  ).json()) as { data?: { hash?: string } }
  facts.keyHash = created.data?.hash ?? 'missing'
  const spare = (await (
    await call('POST', '/keys', { name: 'to delete' }, managementKey)
  ).json()) as { data?: { hash?: string } }
  facts.spareKeyHash = spare.data?.hash ?? 'missing'
  const job = (await (
    await call('POST', '/videos', { model: 'google/veo-3.1', prompt: 'A paper boat' })
  ).json()) as { id?: string }
  facts.videoJob = job.id ?? 'missing'
  const code = (await (
    await call('POST', '/auth/keys/code', { callback_url: 'https://example.org/callback' })
  ).json()) as { data?: { id?: string } }
  facts.authCode = code.data?.id ?? 'missing'
})

// Requests that name real data, by operation; every other request is made from the spec's own
// examples and schemas.
const realRequests: Record<string, () => { path?: string; query?: string; body?: unknown }> = {
  sendChatCompletionRequest: () => ({ body: chat }),
  createResponses: () => ({ body: { model: 'openai/gpt-4o', input: 'Say this is a test' } }),
  createMessages: () => ({ body: { ...chat, max_tokens: 64 } }),
  createEmbeddings: () => ({ body: { model: 'openai/text-embedding-3-small', input: 'Hello' } }),
  getGeneration: () => ({ query: `?id=${facts.generation}` }),
  listGenerationContent: () => ({ query: `?id=${facts.generation}` }),
  getKey: () => ({ path: `/keys/${facts.keyHash}` }),
  updateKeys: () => ({ path: `/keys/${facts.keyHash}`, body: { name: 'renamed' } }),
  deleteKeys: () => ({ path: `/keys/${facts.spareKeyHash}` }),
  getVideos: () => ({ path: `/videos/${facts.videoJob}` }),
  listVideosContent: () => ({ path: `/videos/${facts.videoJob}/content` }),
  exchangeAuthCodeForAPIKey: () => ({ body: { code: facts.authCode } }),
  getModel: () => ({ path: '/model/openai/gpt-4o' }),
  listEndpoints: () => ({ path: '/models/openai/gpt-4o/endpoints' }),
  listImageModelEndpoints: () => ({ path: '/images/models/openai/gpt-image-1/endpoints' }),
}
const managementOnly = (operation: SpecOperation) => /^\/keys(\/|$)/.test(operation.path)

const requestFor = (operation: SpecOperation) => {
  const real = realRequests[operation.operationId]?.()
  const path = real?.path ?? operation.path.replace(/\{(\w+)\}/g, (_m, name: string) => `${name}-1`)
  const query =
    real?.query ??
    (operation.parameters ?? [])
      .filter((parameter) => parameter.in === 'query' && parameter.required)
      .map(
        (parameter) =>
          `${parameter.name}=${encodeURIComponent(String(example(parameter.schema, parameter.name)))}`,
      )
      .join('&')
      .replace(/^(?=.)/, '?')
  const schema = operation.requestBody?.content['application/json']?.schema
  const body = real?.body ?? (schema ? example(schema, operation.operationId) : undefined)
  return { path: path + query, body }
}

const expectDocumented = async (operation: SpecOperation, response: Response) => {
  const status = String(response.status)
  const documented = operation.responses[status]
  expect(
    documented,
    `${operation.operationId} answered ${status}: ${await response.clone().text()}`,
  ).toBeDefined()
  const type = response.headers.get('content-type')?.split(';')[0] ?? ''
  const content = documented?.content?.[type]
  if (!content?.schema || type !== 'application/json') return
  const ref = `openrouter#/${['paths', operation.path, operation.method.toLowerCase(), 'responses', status, 'content', type, 'schema'].map(escape).join('/')}`
  const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref })
  const body = await response.json()
  expect(validate(body) ? [] : validate.errors, `${operation.operationId} ${status}`).toEqual([])
}

describe('every route of the OpenAPI spec', () => {
  it('covers the spec', () => {
    expect(operations.length).toBeGreaterThan(90)
  })

  it.each(operations.map((operation) => [operation.operationId, operation] as const))(
    '%s answers a valid request with a documented success',
    async (_id, operation) => {
      const { path, body } = requestFor(operation)
      const response = await call(
        operation.method,
        path,
        body,
        managementOnly(operation) ? managementKey : key,
      )
      // A retired route documents only its 410.
      if (operation.responses['410'] && Object.keys(operation.responses).length <= 2) {
        expect(response.status).toBe(410)
        return
      }
      expect(
        response.status,
        `${operation.method} ${path}: ${await response.clone().text()}`,
      ).toBeLessThan(300)
      await expectDocumented(operation, response)
    },
  )

  it.each(
    operations
      .filter((operation) => operation.responses['401'])
      .map((operation) => [operation.operationId, operation] as const),
  )('%s without a key is a documented 401', async (_id, operation) => {
    const { path, body } = requestFor(operation)
    const response = await call(operation.method, path, body, '')
    expect(response.status).toBe(401)
    await expectDocumented(operation, response)
  })

  it.each(
    operations
      .filter(
        (operation) =>
          operation.responses['400'] && operation.requestBody?.content['application/json'],
      )
      .map((operation) => [operation.operationId, operation] as const),
  )('%s with a malformed body is a documented 400', async (_id, operation) => {
    const { path } = requestFor(operation)
    const response = await call(
      operation.method,
      path,
      '{"not json',
      managementOnly(operation) ? managementKey : key,
    )
    expect(response.status).toBe(400)
    await expectDocumented(operation, response)
  })
})
