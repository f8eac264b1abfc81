import { createHash } from 'node:crypto'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { http, HttpResponse } from 'msw'
import { authenticate } from '../auth.ts'
import type { MockContext } from '../context.ts'
import { describeFieldError } from '../field-errors.ts'
import { synthesize } from '../operations/synthesize.ts'
import { findOperation, type Operation } from '../operations/table.ts'
import { badRequest } from '../request-body.ts'

// The floor under every route: an operation either official SDK can call, and no family in
// routes/ answers, gets a request checked against its schema and an answer synthesized from the
// schemas both SDKs validate it with. Deterministic: the same request gets the same answer.
// Like stripe-mock, hand-written behaviour (the other route files) wins wherever it exists.
export const specFloorHandlers = ({ keys }: MockContext) => [
  http.all('*/api/*', async ({ request }) => {
    const url = new URL(request.url)
    const operation = findOperation(request.method, url.pathname)
    if (!operation) return undefined

    const auth = authenticate(request, keys)
    if ('response' in auth) return auth.response

    const body = await request.text()
    const isJson = /json/i.test(request.headers.get('content-type') ?? 'application/json')
    const problem = isJson ? requestProblem(operation, body) : undefined
    if (problem) return badRequest(problem)
    return answer(operation, `${request.method} ${url.pathname}${url.search} ${body}`)
  }),
]

// Ajv (strict off: the SDKs' schemas carry keywords JSON Schema does not define); one compiled
// validator per operation, made when first needed.
const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false })
const validators = new Map<Operation, ValidateFunction>()

const requestProblem = (operation: Operation, body: string): string | undefined => {
  const expected = operation.requestBody
  if (!expected || expected.mediaType !== 'json' || !expected.schema) return undefined
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return body ? 'body: Invalid JSON' : 'body: Required'
  }
  let validate = validators.get(operation)
  if (!validate) {
    validate = ajv.compile(expected.schema)
    validators.set(operation, validate)
  }
  return validate(json) ? undefined : describeFieldError(validate.errors?.[0])
}

const answer = (operation: Operation, seed: string) => {
  const { status, mediaType, schemas } = operation.response
  if (mediaType === 'application/json' && schemas.length > 0) {
    return Response.json(synthesize(schemas, seed), { status })
  }
  if (status === 204 || mediaType === '*') return new HttpResponse(null, { status })
  // Files and media the SDKs read as bytes: a stable stand-in of the type they expect.
  const bytes = createHash('sha256').update(seed).digest()
  return new HttpResponse(bytes, {
    status,
    headers: { 'Content-Type': mediaType.replace('/*', '/mpeg') },
  })
}
