import { createHash, randomBytes } from 'node:crypto'
import { http } from 'msw'
import { api } from '../api-path.ts'
import { authenticate } from '../auth.ts'
import type { MockContext } from '../context.ts'
import { openRouterError } from '../errors.ts'
import type { ApiKey } from '../keys.ts'
import { shaped } from '../operations/shaped.ts'
import { badRequest, invalidRequest, readJson } from '../request-body.ts'

type AuthCode = {
  issuedBy: ApiKey
  challenge?: string
  method: 'S256' | 'plain'
  limit: number | null
}

// OAuth PKCE, as an app does it: the app's key asks for an authorization code (POST
// /auth/keys/code, with a code challenge), the user's browser brings the code back, and the app
// exchanges it, with its verifier, for a new key of the same account (POST /auth/keys). A code
// works once; one the mock did not issue, or a wrong verifier, is refused as OpenRouter does.
export const authKeyHandlers = ({ keys }: MockContext) => {
  const codes = new Map<string, AuthCode>()

  return [
    http.post(api('/auth/keys/code'), async ({ request }) => {
      const auth = authenticate(request, keys)
      if ('response' in auth) return auth.response
      const body = await readJson(request)
      if (!body.ok) return openRouterError(400, body.problem, invalidRequest)
      const fields = body.json as Record<string, unknown>
      if (typeof fields.callback_url !== 'string') return badRequest('callback_url: Required')
      const method = fields.code_challenge_method ?? 'plain'
      if (method !== 'S256' && method !== 'plain')
        return badRequest('code_challenge_method: expected one of S256, plain')
      const id = `auth_code_${randomBytes(12).toString('hex')}`
      codes.set(id, {
        issuedBy: auth.key,
        challenge: typeof fields.code_challenge === 'string' ? fields.code_challenge : undefined,
        method,
        limit: typeof fields.limit === 'number' ? fields.limit : null,
      })
      // Codes nobody exchanges are forgotten, oldest first.
      if (codes.size > 1_000) codes.delete(codes.keys().next().value!)
      return Response.json(
        shaped('POST', '/api/v1/auth/keys/code', {
          data: { id, app_id: 1, created_at: new Date(Date.UTC(2026, 0, 1)).toISOString() },
        }),
      )
    }),

    http.post(api('/auth/keys'), async ({ request }) => {
      const body = await readJson(request)
      if (!body.ok) return openRouterError(400, body.problem, invalidRequest)
      const { code, code_verifier: verifier } = body.json as {
        code?: unknown
        code_verifier?: unknown
      }
      if (typeof code !== 'string') return badRequest('code: Required')
      const issued = codes.get(code)
      if (!issued || !verified(issued, verifier)) {
        return openRouterError(403, 'Invalid code or code_verifier', {
          metadata: { error_type: 'permission_denied' },
        })
      }
      codes.delete(code)
      const created = keys.create({
        name: `OAuth key for ${code}`,
        account: issued.issuedBy.account.id,
        limit: issued.limit,
      })
      return Response.json({ key: created.key, user_id: `user_${issued.issuedBy.account.id}` })
    }),
  ]
}

const verified = (code: AuthCode, verifier: unknown) => {
  if (code.challenge === undefined) return true
  if (typeof verifier !== 'string') return false
  const derived =
    code.method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier
  return derived === code.challenge
}
