import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { request } from 'node:http'
import { ProxyAgent, fetch as undiciFetch } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { maxBodyBytes } from './serve-request.ts'
import { startMock, type RunningMock } from './start-mock.ts'

let mock: RunningMock
let proxied: ProxyAgent

beforeAll(async () => {
  mock = await startMock()
  proxied = new ProxyAgent({
    uri: mock.proxyUrl,
    requestTls: { ca: await readFile(mock.caFile, 'utf8') },
  })
})
afterAll(async () => {
  await proxied.close()
  await mock.close()
})

// A client that trusts the run's CA and goes through the proxy, as an example's runtime does.
const viaProxy = (
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) => undiciFetch(url, { ...init, dispatcher: proxied })

const chatBody = (content = 'Say this is a test') =>
  JSON.stringify({ model: 'openai/gpt-4o', messages: [{ role: 'user', content }] })

const post = (body: string, key = mock.keys.create({ name: 'socket' }).key) =>
  fetch(`${mock.url}/api/v1/chat/completions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body,
  })

const stillServing = async () => {
  const response = await post(chatBody())
  expect(response.status).toBe(200)
}

describe('the proxy', () => {
  it('serves the mock as https://openrouter.ai and journals the request as it arrived', async () => {
    const { key } = mock.keys.create({ name: 'proxy' })
    const response = await viaProxy('https://openrouter.ai/api/v1/chat/completions', {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'X-OpenRouter-Title': 'Docs' },
      body: chatBody(),
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-generation-id')).toMatch(/^gen-/)
    const [entry] = mock.journal.requests({ key })
    expect(entry).toMatchObject({
      via: 'proxy',
      url: 'https://openrouter.ai/api/v1/chat/completions',
    })
    expect(entry?.rawHeaders).toContainEqual(['X-OpenRouter-Title', 'Docs'])
    expect(entry?.json).toEqual(JSON.parse(chatBody()))
    expect(entry?.response?.status).toBe(200)
  })

  it('serves OpenRouter’s regional host too, and journals which host was asked', async () => {
    const { key } = mock.keys.create({ name: 'eu' })
    const response = await viaProxy('https://eu.openrouter.ai/api/v1/chat/completions', {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}` },
      body: chatBody(),
    })
    expect(response.status).toBe(200)
    expect(mock.journal.requests({ key })[0]?.url).toBe(
      'https://eu.openrouter.ai/api/v1/chat/completions',
    )
  })

  it('refuses a CONNECT to any other host, names it, and journals it', async () => {
    await expect(viaProxy('https://example.com/')).rejects.toThrow()
    expect(mock.journal.refused().at(-1)).toMatchObject({ host: 'example.com', port: 443 })
    expect(mock.journal.refused().at(-1)?.reason).toContain('example.com:443')
  })

  it('refuses plain-HTTP proxying', async () => {
    const response = await viaProxy('http://openrouter.ai/api/v1/key')
    expect(response.status).toBe(403)
    expect(await response.text()).toContain('openrouter.ai:80')
  })

  it('keeps 200 concurrent callers with distinct keys apart', async () => {
    const keys = Array.from(
      { length: 200 },
      (_, i) => mock.keys.create({ name: `caller ${i}` }).key,
    )
    const responses = await Promise.all(
      keys.map((key, i) =>
        viaProxy('https://openrouter.ai/api/v1/chat/completions', {
          method: 'POST',
          headers: { Authorization: `Bearer ${key}` },
          body: chatBody(`caller ${i}`),
        }),
      ),
    )
    expect(responses.map((response) => response.status)).toEqual(keys.map(() => 200))
    keys.forEach((key, i) => {
      const entries = mock.journal.requests({ key })
      expect(entries).toHaveLength(1)
      expect(entries[0]?.json).toEqual(JSON.parse(chatBody(`caller ${i}`)))
    })
  })
})

describe('bad input never stops the mock', () => {
  it('answers malformed JSON with a 400', async () => {
    const response = await post('{"messages": [')
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      error: { code: 400, message: 'Invalid JSON in request body' },
    })
    await stillServing()
  })

  it('answers wrong types with a 400 naming the field', async () => {
    const response = await post(JSON.stringify({ messages: [{ role: 'user', content: 42 }] }))
    expect(response.status).toBe(400)
    expect((await response.json()) as unknown).toMatchObject({
      error: { message: expect.stringContaining('messages[0].content') },
    })
  })

  it('answers a body over the cap with a 413', async () => {
    const response = await post(
      JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(maxBodyBytes) }] }),
    )
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ error: { code: 413 } })
    await stillServing()
  })

  it('answers an unknown route with a 404 in OpenRouter’s shape', async () => {
    const response = await fetch(`${mock.url}/api/v1/nothing-here`)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  })

  it('survives garbage bytes, a slow client and a client that hangs up mid-body', async () => {
    const [host, port] = [mock.url.split(':')[1]!.slice(2), Number(mock.url.split(':')[2])]
    const garbage = connect(port, host, () => garbage.end('\x16\x03\x01 not http at all\r\n\r\n'))
    const slow = request(`${mock.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Length': '1000' },
    })
    slow.on('error', () => {})
    slow.write('{"messages":')
    const quitter = request(`${mock.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Length': '1000' },
    })
    quitter.on('error', () => {})
    quitter.write('{"messa')
    quitter.destroy()
    // The slow one still holds its connection open while another caller is served.
    await stillServing()
    slow.destroy()
    await stillServing()
  })

  it('journals a client that leaves in the middle of a stream', async () => {
    const { key } = mock.keys.create({ name: 'leaver' })
    const controller = new AbortController()
    const response = await fetch(`${mock.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}` },
      body: JSON.stringify({ stream: true, messages: [{ role: 'user', content: 'hi' }] }),
      signal: controller.signal,
    })
    await response.body?.getReader().read()
    controller.abort()
    await stillServing()
    expect(mock.journal.requests({ key })).toHaveLength(1)
  })
})

describe('the admin endpoint', () => {
  it('makes keys and shows one key’s journal with the key masked', async () => {
    const created = await fetch(`${mock.url}/__mock/keys`, {
      method: 'POST',
      body: JSON.stringify({ name: 'admin made', limit: 2 }),
    })
    const { key } = (await created.json()) as { key: string }
    await post(chatBody(), key)
    const response = await fetch(`${mock.url}/__mock/journal?key=${key}`)
    const { entries } = (await response.json()) as {
      entries: { key: string; rawHeaders: string[][] }[]
    }
    expect(entries).toHaveLength(1)
    expect(entries[0]?.key).toMatch(/^sk-or-v1-\w{3}\.\.\.\w{3}$/)
    expect(JSON.stringify(entries)).not.toContain(key)
    expect(
      mock.journal
        .entries()
        .some((entry) => entry.kind === 'request' && entry.path.startsWith('/__mock/')),
    ).toBe(false)
  })
})

describe('the journal', () => {
  it('keeps at most its capacity, dropping the oldest first', async () => {
    const small = await startMock({ journalSize: 3 })
    try {
      const { key } = small.keys.create({ name: 'ring' })
      for (let i = 0; i < 5; i += 1) {
        await fetch(`${small.url}/api/v1/key`, { headers: { Authorization: `Bearer ${key}` } })
      }
      expect(small.journal.entries().map((entry) => entry.id)).toEqual([3, 4, 5])
    } finally {
      await small.close()
    }
  })

  it('is read a page at a time from the admin endpoint', async () => {
    const { key } = mock.keys.create({ name: 'pages' })
    for (let i = 0; i < 3; i += 1) await post(chatBody(`page ${i}`), key)
    const page = async (query: string) =>
      (await (await fetch(`${mock.url}/__mock/journal?key=${key}&limit=2${query}`)).json()) as {
        entries: { id: number }[]
        next: number | null
      }
    const first = await page('')
    expect(first.entries).toHaveLength(2)
    const second = await page(`&after=${first.next}`)
    expect(second.entries).toHaveLength(1)
    expect(second.next).toBeNull()
    expect((await fetch(`${mock.url}/__mock/journal?limit=0`)).status).toBe(400)
  })
})

describe('close', () => {
  it('removes the run’s certificates', async () => {
    const another = await startMock()
    expect(existsSync(another.caFile)).toBe(true)
    await another.close()
    expect(existsSync(another.caFile)).toBe(false)
  })
})

describe('tagged proxies', () => {
  it('journal a caller’s requests and refusals under its tag, even without a key, until closed', async () => {
    const tagged = await mock.openProxy('cell-1')
    const agent = new ProxyAgent({
      uri: tagged.url,
      requestTls: { ca: await readFile(mock.caFile, 'utf8') },
    })
    await undiciFetch('https://openrouter.ai/api/v1/key', { dispatcher: agent })
    await expect(undiciFetch('https://evil.example/', { dispatcher: agent })).rejects.toThrow()
    await agent.close()
    expect(mock.journal.requests({ tag: 'cell-1' }).map((entry) => entry.response?.status)).toEqual(
      [401],
    )
    expect(mock.journal.refused({ tag: 'cell-1' }).map((entry) => entry.host)).toEqual([
      'evil.example',
    ])
    expect(mock.journal.requests({ tag: 'cell-2' })).toEqual([])
    await tagged.close()
    expect(mock.journal.entries({ tag: 'cell-1' })).toEqual([])
  })
})
