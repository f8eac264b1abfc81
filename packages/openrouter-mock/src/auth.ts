import { messages, openRouterError } from './errors.ts'
import type { ApiKey, KeyRegistry } from './keys.ts'

// The bearer token as sent, or undefined: also what the journal files a request under.
export const bearerToken = (authorization: string | null): string | undefined => {
  const match = authorization?.match(/^Bearer\s+(.*)$/i)
  return match?.[1]?.trim() || undefined
}

export type Authentication = { key: ApiKey } | { response: Response }

// The live API's three 401s: no header, a header with no usable token, a token it doesn't know.
// Revoked and deleted keys read as unknown.
export const authenticate = (request: Request, keys: KeyRegistry): Authentication => {
  const authorization = request.headers.get('authorization')
  if (authorization === null) return { response: unauthorized(messages.noAuthHeader) }
  const token = bearerToken(authorization)
  if (!token) return { response: unauthorized(messages.emptyBearer) }
  const key = keys.find(token)
  if (!key || key.revoked) return { response: unauthorized(messages.unknownKey) }
  return { key }
}

const unauthorized = (message: string) =>
  openRouterError(401, message, { metadata: { error_type: 'authentication' } })
