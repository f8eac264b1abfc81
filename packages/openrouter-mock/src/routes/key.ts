import { http, HttpResponse } from 'msw'
import { api } from '../api-path.ts'
import { authenticate } from '../auth.ts'
import type { MockContext } from '../context.ts'
import { limitRemaining, maskKey, type ApiKey } from '../keys.ts'

export const currentKeyHandlers = ({ keys }: MockContext) => [
  http.get(api('/key'), ({ request }) => {
    const auth = authenticate(request, keys)
    if ('response' in auth) return auth.response
    return HttpResponse.json({ data: keyMetadata(auth.key) })
  }),
]

// `/key` in the shape @openrouter/sdk 1.3.x accepts: the spec's fields plus the four it adds.
const keyMetadata = (key: ApiKey) => ({
  label: maskKey(key.key),
  limit: key.limit,
  limit_remaining: limitRemaining(key),
  limit_reset: key.limitReset,
  include_byok_in_limit: false,
  usage: key.usage,
  usage_daily: key.usage,
  usage_weekly: key.usage,
  usage_monthly: key.usage,
  byok_usage: 0,
  byok_usage_daily: 0,
  byok_usage_weekly: 0,
  byok_usage_monthly: 0,
  is_free_tier: false,
  is_management_key: false,
  is_provisioning_key: false,
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
})
