import { setupServer } from 'msw/node'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../handlers.ts'
import { KeyRegistry } from '../keys.ts'

const keys = new KeyRegistry()
const server = setupServer(...createHandlers({ keys }))
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())

const key = keys.create({ name: 'media' }).key
const call = (path: string, body?: object) =>
  fetch(`https://openrouter.ai/api/v1${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { Authorization: `Bearer ${key}` },
    body: body && JSON.stringify(body),
  })

describe('media', () => {
  it('speaks in the asked format (openai audio.speech)', async () => {
    const client = new OpenAI({ apiKey: key, baseURL: 'https://openrouter.ai/api/v1' })
    const speech = await client.audio.speech.create({
      model: 'openai/gpt-4o-mini-tts',
      voice: 'alloy',
      input: 'Say this is a test',
      response_format: 'wav',
    })
    const bytes = Buffer.from(await speech.arrayBuffer())
    expect(bytes.subarray(0, 4).toString()).toBe('RIFF')
    expect(speech.headers.get('content-type')).toBe('audio/wav')
  })

  it('runs a video job: created, polled to completion, then downloaded as MP4', async () => {
    const created = (await (
      await call('/videos', { model: 'google/veo-3.1', prompt: 'A paper boat' })
    ).json()) as { id: string; status: string }
    expect(created.status).toBe('pending')
    const statuses = []
    for (let poll = 0; poll < 3; poll += 1) {
      statuses.push(
        ((await (await call(`/videos/${created.id}`)).json()) as { status: string }).status,
      )
    }
    expect(statuses).toEqual(['pending', 'in_progress', 'completed'])
    const content = await call(`/videos/${created.id}/content`)
    expect(content.headers.get('content-type')).toBe('video/mp4')
    expect(
      Buffer.from(await content.arrayBuffer())
        .subarray(4, 8)
        .toString(),
    ).toBe('ftyp')
    expect((await call('/videos/job-unknown')).status).toBe(404)
  })
})
