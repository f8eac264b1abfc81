import { HttpResponse } from 'msw'

// Messages the live API returns, from the facts sheet; clients should match on status and shape.
export const messages = {
  noAuthHeader: 'No cookie auth credentials found',
  emptyBearer: 'Missing Authentication header',
  unknownKey: 'User not found.',
  insufficientCredits: 'Insufficient credits. Add more using https://openrouter.ai/credits',
  rateLimited: 'Rate limit exceeded',
  providerError: 'Provider returned error',
  notFound: 'Not Found',
  payloadTooLarge: 'Request payload too large',
  internal: 'Internal Server Error',
} as const

export type ErrorType =
  | 'authentication'
  | 'payment_required'
  | 'permission_denied'
  | 'rate_limit_exceeded'
  | 'provider_unavailable'
  | 'provider_overloaded'
  | 'invalid_request'
  | 'not_found'
  | 'payload_too_large'
  | 'server'

type ErrorOptions = {
  metadata?: Record<string, unknown>
  headers?: Record<string, string>
}

// OpenRouter's error body: `error.code` always equals the HTTP status and is an integer.
export const errorBody = (status: number, message: string, metadata?: Record<string, unknown>) => ({
  error: metadata ? { message, code: status, metadata } : { message, code: status },
})

export const openRouterError = (status: number, message: string, options: ErrorOptions = {}) =>
  HttpResponse.json(errorBody(status, message, options.metadata), {
    status,
    headers: options.headers,
  })

// Whether an answer is the one for a path no route serves (a typo, a retired route), as against
// a route's own 404 for an object it does not have (a key, a generation).
export const isUnknownRoute = (response: { status: number; body: string }) => {
  if (response.status !== 404) return false
  try {
    return (
      (JSON.parse(response.body) as { error?: { message?: unknown } }).error?.message ===
      messages.notFound
    )
  } catch {
    return false
  }
}
