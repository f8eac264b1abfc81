import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createHandlers } from './handlers.ts'
import { KeyRegistry } from './keys.ts'
import { readSharedSpec } from './shared-spec.ts'

// Malformed requests over every route of OpenRouter's OpenAPI spec, seeded so a failure repeats:
// bodies of every JSON shape but the right one (null, numbers, strings, lists, the operation's own
// fields with values of the wrong type, truncated JSON), odd path ids and query values. The mock
// never answers one with a 5xx (that would be the mock's bug, blamed on whoever called it): a
// malformed request gets OpenRouter's 400 shape, or whatever else the route documents.
const spec = readSharedSpec()
const methods = ['get', 'post', 'put', 'patch', 'delete']
type Operation = {
  operationId: string
  method: string
  path: string
  parameters?: { in: string; name: string }[]
  requestBody?: { content: Record<string, { schema: { properties?: object; $ref?: string } }> }
}
const operations: Operation[] = Object.entries(
  spec.paths as Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>,
).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => methods.includes(method))
    .map(([method, operation]) => ({ ...operation, method: method.toUpperCase(), path })),
)

// mulberry32: a small seeded generator, so every run sends the same requests.
const generator = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const random = generator(784)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!

const odd = [
  'null',
  '-1',
  '0',
  'x'.repeat(300),
  '%00',
  '..%2F..',
  '%F0%9F%99%82',
  '{id}',
  ' ',
  'true',
]
const values = (): unknown =>
  pick([
    null,
    0,
    -1.5,
    1e308,
    '',
    'x',
    true,
    [],
    [null],
    {},
    { nested: { deeper: [1, { a: null }] } },
    'x'.repeat(5_000),
  ])

const resolve = (schema: { properties?: object; $ref?: string } | undefined) => {
  const ref = schema?.$ref?.replace(/^#\//, '').split('/')
  const resolved = ref ? ref.reduce((node: any, segment) => node?.[segment], spec) : schema
  return Object.keys((resolved as { properties?: object } | undefined)?.properties ?? {})
}

const bodyFor = (operation: Operation): string | undefined => {
  const fields = resolve(operation.requestBody?.content['application/json']?.schema)
  const shapes = [
    () => 'null',
    () => JSON.stringify(values()),
    () => JSON.stringify(Object.fromEntries(fields.map((field) => [field, values()]))),
    () => JSON.stringify(Object.fromEntries(fields.map((field) => [field, values()]))).slice(0, 7),
    () => '{"a":',
    () => JSON.stringify([Object.fromEntries(fields.map((field) => [field, 'x']))]),
  ]
  // fetch sends no body with a GET.
  if (operation.method === 'GET') return undefined
  return operation.method === 'DELETE' && random() < 0.7 ? undefined : pick(shapes)()
}

const keys = new KeyRegistry()
const server = setupServer(...createHandlers({ keys }))
const key = keys.create({ name: 'fuzz' }).key
const managementKey = keys.create({ name: 'fuzz admin', management: true }).key
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())

const requests = operations.flatMap((operation) =>
  Array.from({ length: Math.ceil(784 / operations.length) }, () => {
    const path = operation.path.replace(/\{\w+\}/g, () => pick(odd))
    const query = (operation.parameters ?? [])
      .filter((parameter) => parameter.in === 'query')
      .filter(() => random() < 0.7)
      .map((parameter) => `${parameter.name}=${pick(odd)}`)
      .join('&')
    return {
      operation: operation.operationId,
      method: operation.method,
      url: `https://openrouter.ai/api/v1${path}${query ? `?${query}` : ''}`,
      body: bodyFor(operation),
      key: pick([key, managementKey]),
    }
  }),
)

it(`${requests.length} malformed requests over every route: never a 5xx, a 400 in OpenRouter's shape`, async () => {
  const problems: string[] = []
  for (const request of requests) {
    const response = await fetch(request.url, {
      method: request.method,
      headers: {
        Authorization: `Bearer ${request.key}`,
        ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: request.body,
    })
    const text = await response.text()
    const where = `${request.operation}: ${request.method} ${request.url.slice(0, 120)} ${request.body?.slice(0, 80) ?? ''}`
    if (response.status >= 500) problems.push(`${where} → ${response.status} ${text.slice(0, 160)}`)
    if (response.status === 400) {
      const body = JSON.parse(text) as {
        type?: unknown
        error?: { code?: unknown; type?: unknown; message?: unknown }
      }
      // `/messages` answers in Anthropic's shape, as OpenRouter's does.
      const shaped =
        request.operation === 'createMessages'
          ? body.type === 'error' && typeof body.error?.type === 'string'
          : body.error?.code === 400
      if (!shaped || typeof body.error?.message !== 'string')
        problems.push(`${where} → 400 not in its documented shape: ${text.slice(0, 160)}`)
    }
  }
  expect(problems).toEqual([])
}, 120_000)
