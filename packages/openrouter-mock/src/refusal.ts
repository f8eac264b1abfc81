import { delay } from 'msw'
import { messages, openRouterError } from './errors.ts'
import { behaviourApplies, limitLabel, type ApiKey } from './keys.ts'

// Why this key's paid call gets no answer, in the order OpenRouter checks: the key's own cap, the
// account's credits, then what the key's behaviour injects. Every inference route asks this.
export const refusal = async (key: ApiKey, provider: string): Promise<Response | undefined> => {
  if (key.management) {
    return openRouterError(
      403,
      'Management keys cannot be used for inference; use a regular API key',
      {
        metadata: { error_type: 'permission_denied' },
      },
    )
  }
  if (key.limit !== null && key.usage >= key.limit) {
    return openRouterError(403, `Key limit exceeded (${limitLabel(key.limitReset)})`, {
      metadata: { error_type: 'permission_denied' },
    })
  }
  if (key.account.balance <= 0) {
    return openRouterError(402, messages.insufficientCredits, {
      metadata: { error_type: 'payment_required' },
    })
  }
  const behaviour = key.behaviour
  if (behaviour?.kind === 'slow') await delay(behaviour.delayMs)
  if (behaviour?.kind === 'rate-limited' && behaviourApplies(key, behaviour)) {
    const retryAfter = behaviour.retryAfterSeconds ?? 1
    const headers = {
      'Retry-After': String(retryAfter),
      'X-RateLimit-Limit': '20',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(Date.now() + retryAfter * 1000),
    }
    return openRouterError(429, messages.rateLimited, {
      headers,
      metadata: { error_type: 'rate_limit_exceeded', headers },
    })
  }
  if (behaviour?.kind === 'provider-error' && behaviourApplies(key, behaviour)) {
    const status = behaviour.status ?? 502
    return openRouterError(status, messages.providerError, {
      metadata: {
        error_type: status === 503 ? 'provider_overloaded' : 'provider_unavailable',
        provider_name: provider,
        raw: 'upstream connect error or disconnect/reset before headers',
        is_byok: false,
      },
    })
  }
  return undefined
}
