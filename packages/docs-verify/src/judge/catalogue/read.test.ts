import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCatalogue } from './read.ts'

const dir = mkdtempSync(join(tmpdir(), 'catalogue-'))
const list = { data: [{ id: 'openai/gpt-4o', created: 1 }, { id: 'anthropic/claude-sonnet-4.5' }] }

describe('a recorded model list', () => {
  it('is read, as of the day the file last changed', async () => {
    const file = join(dir, 'models.json')
    writeFileSync(file, JSON.stringify(list))
    utimesSync(file, new Date('2026-11-30T12:00:00Z'), new Date('2026-11-30T12:00:00Z'))
    const catalogue = await readCatalogue({ kind: 'file', file })
    expect(catalogue).toMatchObject({ source: 'file', where: file, date: '2026-11-30' })
    expect([...catalogue.ids]).toEqual(['openai/gpt-4o', 'anthropic/claude-sonnet-4.5'])
    expect(catalogue.note).toBe(`OpenRouter's model list as of 2026-11-30 (from ${file})`)
  })

  it('that is missing or of another shape is the user’s mistake, said plainly', async () => {
    const other = join(dir, 'other.json')
    writeFileSync(other, JSON.stringify({ models: ['openai/gpt-4o'] }))
    await expect(readCatalogue({ kind: 'file', file: join(dir, 'absent.json') })).rejects.toThrow(
      /cannot read the model list .*absent\.json/,
    )
    await expect(readCatalogue({ kind: 'file', file: other })).rejects.toThrow(
      /is not an answer of GET \/api\/v1\/models/,
    )
  })
})

// A local server answering as `GET /api/v1/models` does, counting what it is asked.
const serve = async () => {
  const server = createServer((_, response) => {
    served.requests += 1
    response.setHeader('content-type', 'application/json').end(JSON.stringify(list))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const served = {
    requests: 0,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/models`,
    down: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  return served
}
const at = (iso: string) => ({
  cacheDir: mkdtempSync(join(tmpdir(), 'catalogue-cache-')),
  now: new Date(iso),
  timeoutMs: 2000,
})

describe('a served model list', () => {
  it('is fetched, cached a day, and the fresh cache used without fetching', async () => {
    const server = await serve()
    const options = at('2026-12-02T08:00:00Z')
    const fetched = await readCatalogue({ kind: 'url', url: server.url }, options)
    expect(fetched).toMatchObject({ source: 'live', where: server.url, date: '2026-12-02' })
    expect(fetched.note).toBe(
      `OpenRouter's model list as of 2026-12-02 (fetched from ${server.url})`,
    )
    expect(readdirSync(options.cacheDir)).toHaveLength(1)

    server.requests = 0
    const later = { ...options, now: new Date('2026-12-03T07:00:00Z') }
    const cached = await readCatalogue({ kind: 'url', url: server.url }, later)
    expect(server.requests).toBe(0)
    expect(cached).toMatchObject({ source: 'cache', date: '2026-12-02' })
    expect(cached.ids.has('openai/gpt-4o')).toBe(true)
    await server.down()
  })

  it('falls back to a stale cache when the server is down, and says so', async () => {
    const server = await serve()
    const options = at('2026-12-01T08:00:00Z')
    await readCatalogue({ kind: 'url', url: server.url }, options)
    await server.down()
    const later = { ...options, now: new Date('2026-12-03T08:00:00Z') }
    const stale = await readCatalogue({ kind: 'url', url: server.url }, later)
    expect(stale).toMatchObject({ source: 'cache', date: '2026-12-01' })
    expect(stale.ids.size).toBe(2)
    expect(stale.note).toBe(
      `OpenRouter's model list as of 2026-12-01 (a stale copy: could not reach ${server.url}: ECONNREFUSED)`,
    )
  })

  it('is no list, with why, when the server is down and nothing is cached', async () => {
    const server = await serve()
    await server.down()
    const none = await readCatalogue({ kind: 'url', url: server.url }, at('2026-12-02T08:00:00Z'))
    expect(none).toMatchObject({ source: 'none', where: server.url })
    expect(none.ids.size).toBe(0)
    expect(none.note).toBe(
      `model ids not judged: no model list (could not reach ${server.url}: ECONNREFUSED)`,
    )
  })

  it('is none when none is asked for', async () => {
    expect(await readCatalogue({ kind: 'none' })).toMatchObject({ source: 'none' })
  })
})
