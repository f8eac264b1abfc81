import { createHash } from 'node:crypto'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../handlers.ts'
import { KeyRegistry } from '../keys.ts'

const keys = new KeyRegistry()
const server = setupServer(...createHandlers({ keys }))
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())

const post = (path: string, body: object, key?: string) =>
  fetch(`https://openrouter.ai/api/v1${path}`, {
    method: 'POST',
    headers: key ? { Authorization: `Bearer ${key}` } : {},
    body: JSON.stringify(body),
  })

describe('OAuth PKCE', () => {
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
  const challenge = createHash('sha256').update(verifier).digest('base64url')

  it('exchanges an issued code, once, for a key that works', async () => {
    const app = keys.create({ name: 'app' }).key
    const issued = (await (
      await post(
        '/auth/keys/code',
        {
          callback_url: 'http://localhost:3000/cb',
          code_challenge: challenge,
          code_challenge_method: 'S256',
        },
        app,
      )
    ).json()) as { data: { id: string } }
    const exchange = () =>
      post('/auth/keys', {
        code: issued.data.id,
        code_verifier: verifier,
        code_challenge_method: 'S256',
      })
    const first = await exchange()
    expect(first.status).toBe(200)
    const { key } = (await first.json()) as { key: string }
    const check = await fetch('https://openrouter.ai/api/v1/key', {
      headers: { Authorization: `Bearer ${key}` },
    })
    expect(check.status).toBe(200)
    expect((await exchange()).status).toBe(403)
  })

  it('refuses a wrong verifier and a code it never issued', async () => {
    const app = keys.create({ name: 'app' }).key
    const issued = (await (
      await post(
        '/auth/keys/code',
        {
          callback_url: 'http://localhost:3000/cb',
          code_challenge: challenge,
          code_challenge_method: 'S256',
        },
        app,
      )
    ).json()) as { data: { id: string } }
    expect(
      (await post('/auth/keys', { code: issued.data.id, code_verifier: 'wrong' })).status,
    ).toBe(403)
    expect((await post('/auth/keys', { code: 'auth_code_made_up' })).status).toBe(403)
  })
})
