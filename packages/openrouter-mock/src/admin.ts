import { http, HttpResponse } from 'msw'
import { publicEntry, type Journal } from './journal.ts'
import type { KeyOptions, KeyRegistry } from './keys.ts'

// The mock's own controls, outside `/api/v1` and served only on the local port, never as
// openrouter.ai: read the journal a page at a time (optionally one key's or tag's part), make a key.
export const adminPrefix = '/__mock/'

const pageSize = { default: 100, max: 1_000 }

export const createAdminHandlers = ({ keys, journal }: { keys: KeyRegistry; journal: Journal }) => [
  // `?key=…&tag=…&after=<id>&limit=<n>`: the oldest matching entries after `after`, and the
  // cursor for the next page (`next: null` when there is none).
  http.get(`*${adminPrefix}journal`, ({ request }) => {
    const query = new URL(request.url).searchParams
    const after = Number(query.get('after') ?? 0)
    const limit = Number(query.get('limit') ?? pageSize.default)
    if (!Number.isInteger(after) || after < 0 || !Number.isInteger(limit) || limit < 1) {
      return HttpResponse.json(
        { error: { code: 400, message: '`after` and `limit` are whole numbers (limit ≥ 1)' } },
        { status: 400 },
      )
    }
    const matching = journal.entries({
      key: query.get('key') ?? undefined,
      tag: query.get('tag') ?? undefined,
      after,
    })
    const page = matching.slice(0, Math.min(limit, pageSize.max))
    const next = matching.length > page.length ? page.at(-1)!.id : null
    return HttpResponse.json({ entries: page.map(publicEntry), next })
  }),
  http.post(`*${adminPrefix}keys`, async ({ request }) => {
    const options = (await request.json().catch(() => undefined)) as KeyOptions | undefined
    try {
      const created = keys.create({ name: 'admin', ...options })
      return HttpResponse.json({ key: created.key, name: created.name }, { status: 201 })
    } catch (error) {
      return HttpResponse.json(
        { error: { code: 400, message: (error as Error).message } },
        { status: 400 },
      )
    }
  }),
]
