import { openRouterError } from './errors.ts'

export type JsonBody = { ok: true; json: unknown } | { ok: false; problem: string }

// A body read as JSON, or why it is not JSON: every route answers the latter with a 400.
export const readJson = async (request: Request): Promise<JsonBody> => {
  const text = await request.text()
  try {
    return { ok: true, json: JSON.parse(text) }
  } catch {
    return { ok: false, problem: text ? 'Invalid JSON in request body' : 'Request body is empty' }
  }
}

export const invalidRequest = { metadata: { error_type: 'invalid_request' } }

// OpenRouter's 400, naming the field: `Invalid request parameters: messages[0].role: …`.
export const badRequest = (problem: string) =>
  openRouterError(400, `Invalid request parameters: ${problem}`, invalidRequest)
