import { createHash, randomBytes } from 'node:crypto'

// What a key does to every call made with it, so a harness picks a scenario by the key it hands
// out. `times` limits a behaviour to the first N calls; after that the key behaves normally.
export type Behaviour =
  | { kind: 'rate-limited'; retryAfterSeconds?: number; times?: number }
  | { kind: 'provider-error'; status?: 502 | 503; times?: number }
  | { kind: 'error-mid-stream'; afterDeltas: number }
  | { kind: 'slow'; delayMs: number }
  // These models' providers fail (502), so a request for them alone errors and a `models`
  // fallback list moves on to the next: how a harness shows fallbacks deterministically.
  | { kind: 'unavailable-models'; models: string[] }
  // Tool calls come with arguments cut off before their closing brace: not JSON, as models now
  // and then write them, so a harness can show what each client does with a malformed call.
  | { kind: 'malformed-tool-arguments' }

export type LimitReset = 'daily' | 'weekly' | 'monthly' | null

// Credits live on the account; limits and usage on the key, as on OpenRouter.
export type Account = { id: string; balance: number }

export type ApiKey = {
  key: string
  name: string
  account: Account
  limit: number | null
  limitReset: LimitReset
  usage: number
  revoked: boolean
  // A management key administers keys (`/keys`) and cannot call models.
  management: boolean
  disabled: boolean
  createdAt: string
  updatedAt: string | null
  // What OpenRouter's key-management API calls a key by: a hash of it, never the key itself.
  hash: string
  behaviour?: Behaviour
  calls: number
}

export type KeyOptions = {
  name: string
  key?: string
  account?: string
  limit?: number | null
  limitReset?: LimitReset
  usage?: number
  revoked?: boolean
  management?: boolean
  behaviour?: Behaviour
  // A key known only by its hash, as a reader's existing key is to the key-management API.
  hash?: string
}

const keyPrefix = 'sk-or-v1-'

export const keyHash = (key: string) => createHash('sha256').update(key).digest('hex')

export const newKeyValue = () => keyPrefix + randomBytes(32).toString('hex')

// Any OpenRouter key in a text, whoever made it: what reports mask or replace.
export const anyKeyPattern = /sk-or-v1-[0-9a-f]{16,}/g

// `/key` shows a key only masked, and so does everything this project prints.
export const maskKey = (key: string) =>
  key.length > keyPrefix.length + 6
    ? `${key.slice(0, keyPrefix.length + 3)}...${key.slice(-3)}`
    : '***'

export const limitLabel = (reset: LimitReset) => `${reset ?? 'total'} limit`

export const limitRemaining = (key: ApiKey) =>
  key.limit === null ? null : Math.max(0, round(key.limit - key.usage))

// A key's spend as `/key` and `/keys` report it: the mock keeps one total, so every window
// shows it, and nothing is BYOK.
export const usageFields = (key: ApiKey) => ({
  usage: key.usage,
  usage_daily: key.usage,
  usage_weekly: key.usage,
  usage_monthly: key.usage,
  byok_usage: 0,
  byok_usage_daily: 0,
  byok_usage_weekly: 0,
  byok_usage_monthly: 0,
})

// Costs are sums of small products; rounding keeps printed figures stable across languages.
export const round = (usd: number) => Math.round(usd * 1e9) / 1e9

export class KeyRegistry {
  readonly #keys = new Map<string, ApiKey>()
  readonly #accounts = new Map<string, Account>()

  readonly defaultBalance: number

  constructor(defaultBalance = 100) {
    this.defaultBalance = defaultBalance
  }

  account(id: string, balance = this.defaultBalance): Account {
    let account = this.#accounts.get(id)
    if (!account) {
      account = { id, balance }
      this.#accounts.set(id, account)
    }
    return account
  }

  create(options: KeyOptions): ApiKey {
    if (!options.name) throw new Error('a key needs a name')
    const value = options.key ?? newKeyValue()
    const key: ApiKey = {
      key: value,
      name: options.name,
      account: this.account(options.account ?? 'default'),
      limit: options.limit ?? null,
      limitReset: options.limitReset ?? null,
      usage: options.usage ?? 0,
      revoked: options.revoked ?? false,
      management: options.management ?? false,
      disabled: false,
      createdAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
      updatedAt: null,
      hash: options.hash ?? keyHash(value),
      behaviour: options.behaviour,
      calls: 0,
    }
    if (this.#keys.has(key.key)) throw new Error(`key ${maskKey(key.key)} exists already`)
    this.#keys.set(key.key, key)
    return key
  }

  find(key: string): ApiKey | undefined {
    return this.#keys.get(key)
  }

  findByHash(hash: string): ApiKey | undefined {
    for (const key of this.#keys.values()) if (key.hash === hash) return key
    return undefined
  }

  // The keys of one account, oldest first: what a management key lists.
  ofAccount(account: Account): ApiKey[] {
    return [...this.#keys.values()].filter((key) => key.account === account)
  }

  delete(key: ApiKey) {
    this.#keys.delete(key.key)
  }

  revoke(key: string) {
    const found = this.#keys.get(key)
    if (found) found.revoked = true
  }

  charge(key: ApiKey, usd: number) {
    key.usage = round(key.usage + usd)
    key.account.balance = round(key.account.balance - usd)
  }
}

// Whether a call (counted from 1) with this key still gets the key's behaviour.
export const behaviourApplies = (key: ApiKey, behaviour: { times?: number }) =>
  behaviour.times === undefined || key.calls <= behaviour.times
