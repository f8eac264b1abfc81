import { http, HttpResponse } from 'msw'
import { publicEntry, type Journal } from './journal.ts'
import type { KeyOptions, KeyRegistry } from './keys.ts'

// The mock's own controls, outside `/api/v1` and served only on the local port, never as
// openrouter.ai: read the journal (optionally one key's part), make a key.
export const adminPrefix = '/__mock/'

export const createAdminHandlers = ({ keys, journal }: { keys: KeyRegistry; journal: Journal }) => [
  http.get(`*${adminPrefix}journal`, ({ request }) => {
    const key = new URL(request.url).searchParams.get('key') ?? undefined
    return HttpResponse.json({ entries: journal.entries({ key }).map(publicEntry) })
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
