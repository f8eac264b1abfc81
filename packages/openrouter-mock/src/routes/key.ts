import { http } from 'msw'
import { api } from '../api-path.ts'
import { authenticate } from '../auth.ts'
import type { MockContext } from '../context.ts'
import { limitRemaining, maskKey, usageFields, type ApiKey } from '../keys.ts'
import { shaped } from '../operations/shaped.ts'

export const currentKeyHandlers = ({ keys }: MockContext) => [
  http.get(api('/key'), ({ request }) => {
    const auth = authenticate(request, keys)
    if ('response' in auth) return auth.response
    return Response.json(shaped('GET', '/api/v1/key', { data: keyMetadata(auth.key) }))
  }),
]

// The budget layers enforcement checks for this key: here only its own limit, when it has one.
export const budgets = (key: ApiKey) =>
  key.limit === null
    ? []
    : [
        {
          scope: 'key_limit',
          budget_id: null,
          guardrail_id: null,
          include_byok: false,
          limit_usd: key.limit,
          spend_usd: key.usage,
          remaining_usd: limitRemaining(key),
          reset_interval: key.limitReset,
          resets_at: key.limitReset === null ? null : nextReset(key.limitReset),
        },
      ]

// Limits reset at midnight UTC; weeks start on Monday; months on the 1st.
const nextReset = (interval: 'daily' | 'weekly' | 'monthly', now = new Date()) => {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1))
  if (interval === 'weekly') day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7))
  if (interval === 'monthly') day.setUTCFullYear(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)
  return day.toISOString()
}

// `/key` as both SDKs validate it: the spec's fields, the four @openrouter/sdk 1.3 adds, and the
// budget layers the Python SDK 1.3.84 requires.
const keyMetadata = (key: ApiKey) => {
  const layers = budgets(key)
  return {
    label: maskKey(key.key),
    limit: key.limit,
    limit_remaining: limitRemaining(key),
    limit_reset: key.limitReset,
    include_byok_in_limit: false,
    ...usageFields(key),
    is_free_tier: false,
    is_management_key: key.management,
    is_provisioning_key: key.management,
    creator_user_id: null,
    rate_limit: {
      requests: 1000,
      interval: '1h',
      note: 'This field is deprecated and safe to ignore.',
    },
    expires_at: null,
    allowed_data_regions: ['global'],
    free_model_daily_requests: { limit: 50, remaining: 50, used: 0 },
    organization_id: null,
    workspace_id: null,
    budgets: layers,
    effective_budget: layers[0] ?? null,
  }
}
