import { createHash } from 'node:crypto'
import { http } from 'msw'
import { api } from '../api-path.ts'
import { authenticate } from '../auth.ts'
import type { MockContext } from '../context.ts'
import { openRouterError } from '../errors.ts'
import { limitRemaining, maskKey, usageFields, type ApiKey, type LimitReset } from '../keys.ts'
import { shaped, shapedList } from '../operations/shaped.ts'
import { badRequest, invalidRequest, readJson } from '../request-body.ts'

// Key administration with a management key, as OpenRouter's key-management API: list, create
// (the key itself is shown once, in the answer), read, update and delete the account's keys by
// their hash. Any other key is refused.
export const keyManagementHandlers = ({ keys }: MockContext) => {
  const manage = (request: Request) => {
    const auth = authenticate(request, keys)
    if ('response' in auth) return auth
    if (!auth.key.management) {
      return {
        response: openRouterError(403, 'Only management keys can perform this operation', {
          metadata: { error_type: 'permission_denied' },
        }),
      }
    }
    return auth
  }
  // A key of the manager's own account: another account's key is not found, as on OpenRouter.
  const owned = (manager: ApiKey, hash: unknown) =>
    keys.ofAccount(manager.account).find((key) => key.hash === String(hash) && !key.revoked)
  const unknown = () =>
    openRouterError(404, 'API key not found', { metadata: { error_type: 'not_found' } })

  return [
    http.get(api('/keys'), ({ request }) => {
      const auth = manage(request)
      if ('response' in auth) return auth.response
      const query = new URL(request.url).searchParams
      const offset = Number(query.get('offset') ?? 0)
      const listed = keys
        .ofAccount(auth.key.account)
        .filter((key) => !key.management && !key.revoked)
        .filter((key) => query.get('include_disabled') === 'true' || !key.disabled)
        .slice(offset, offset + 100)
      return Response.json(shapedList('GET', '/api/v1/keys', listed.map(keyData)))
    }),

    http.post(api('/keys'), async ({ request }) => {
      const auth = manage(request)
      if ('response' in auth) return auth.response
      const body = await readJson(request)
      if (!body.ok) return openRouterError(400, body.problem, invalidRequest)
      const fields = body.json as { name?: unknown; limit?: unknown; limit_reset?: unknown }
      if (typeof fields.name !== 'string' || fields.name.length === 0)
        return badRequest('name: Required')
      const problem = limitProblem(fields)
      if (problem) return badRequest(problem)
      const created = keys.create({
        name: fields.name,
        account: auth.key.account.id,
        limit: (fields.limit as number | null | undefined) ?? null,
        limitReset: (fields.limit_reset as LimitReset | undefined) ?? null,
      })
      return Response.json(
        shaped('POST', '/api/v1/keys', { data: keyData(created), key: created.key }),
        {
          status: 201,
        },
      )
    }),

    http.get(api('/keys/:hash'), ({ request, params }) => {
      const auth = manage(request)
      if ('response' in auth) return auth.response
      const found = owned(auth.key, params.hash)
      if (!found) return unknown()
      return Response.json(shaped('GET', new URL(request.url).pathname, { data: keyData(found) }))
    }),

    http.patch(api('/keys/:hash'), async ({ request, params }) => {
      const auth = manage(request)
      if ('response' in auth) return auth.response
      const found = owned(auth.key, params.hash)
      if (!found) return unknown()
      const body = await readJson(request)
      if (!body.ok) return openRouterError(400, body.problem, invalidRequest)
      const fields = body.json as Record<string, unknown>
      const problem = limitProblem(fields)
      if (problem) return badRequest(problem)
      update(found, fields)
      return Response.json(shaped('PATCH', new URL(request.url).pathname, { data: keyData(found) }))
    }),

    http.delete(api('/keys/:hash'), ({ request, params }) => {
      const auth = manage(request)
      if ('response' in auth) return auth.response
      const found = owned(auth.key, params.hash)
      if (!found) return unknown()
      keys.delete(found)
      return Response.json({ deleted: true })
    }),
  ]
}

const limitProblem = (fields: { limit?: unknown; limit_reset?: unknown }) => {
  if (fields.limit !== undefined && fields.limit !== null && typeof fields.limit !== 'number')
    return 'limit: expected a number or null'
  if (
    fields.limit_reset !== undefined &&
    ![null, 'daily', 'weekly', 'monthly'].includes(fields.limit_reset as string)
  )
    return 'limit_reset: expected one of daily, weekly, monthly'
  return undefined
}

const update = (key: ApiKey, fields: Record<string, unknown>) => {
  if (typeof fields.name === 'string') key.name = fields.name
  if (fields.limit !== undefined) key.limit = fields.limit as number | null
  if (fields.limit_reset !== undefined) key.limitReset = fields.limit_reset as LimitReset
  if (typeof fields.disabled === 'boolean') key.disabled = fields.disabled
  key.updatedAt = new Date(Date.UTC(2026, 0, 2)).toISOString()
}

const keyData = (key: ApiKey) => ({
  hash: key.hash,
  name: key.name,
  label: maskKey(key.key),
  disabled: key.disabled,
  limit: key.limit,
  limit_remaining: limitRemaining(key),
  limit_reset: key.limitReset,
  include_byok_in_limit: false,
  ...usageFields(key),
  created_at: key.createdAt,
  updated_at: key.updatedAt,
  expires_at: null,
  creator_user_id: null,
  workspace_id: defaultWorkspace(key),
})

// Every account has a default workspace; its id is stable for the account.
const defaultWorkspace = (key: ApiKey) => {
  const hex = createHash('sha256').update(key.account.id).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
