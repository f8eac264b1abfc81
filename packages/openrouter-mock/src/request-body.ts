import { openRouterError } from './errors.ts'

export type JsonBody = { ok: true; json: unknown } | { ok: false; problem: string }

// A body read as a JSON object, or why it is not one: every route of OpenRouter's API takes an
// object, and answers anything else (not JSON, `null`, a list, a number) with a 400.
export const readJson = async (request: Request): Promise<JsonBody> => {
  const text = await request.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, problem: text ? 'Invalid JSON in request body' : 'Request body is empty' }
  }
  return json !== null && typeof json === 'object' && !Array.isArray(json)
    ? { ok: true, json }
    : { ok: false, problem: 'Invalid request parameters: body: expected an object' }
}

export const invalidRequest = { metadata: { error_type: 'invalid_request' } }

// OpenRouter's 400, naming the field: `Invalid request parameters: messages[0].role: …`.
export const badRequest = (problem: string) =>
  openRouterError(400, `Invalid request parameters: ${problem}`, invalidRequest)
