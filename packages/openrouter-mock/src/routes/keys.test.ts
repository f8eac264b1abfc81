import { OpenRouter } from '@openrouter/sdk'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../handlers.ts'
import { KeyRegistry } from '../keys.ts'

const keys = new KeyRegistry()
const server = setupServer(...createHandlers({ keys }))
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())

const client = (options: { management?: boolean } = {}) =>
  new OpenRouter({
    apiKey: keys.create({ name: 'admin', account: 'keys-test', ...options }).key,
    serverURL: 'https://openrouter.ai/api/v1',
    retryConfig: { strategy: 'none' },
  })

describe('key management', () => {
  it('creates a key shown once, lists, updates and deletes it, by hash', async () => {
    const admin = client({ management: true })
    const created = await admin.apiKeys.create({ requestBody: { name: 'ci', limit: 5 } })
    expect(created.key).toMatch(/^sk-or-v1-/)
    const { hash } = created.data
    expect((await admin.apiKeys.list()).data.map((key) => key.hash)).toContain(hash)
    const updated = await admin.apiKeys.update({ hash, requestBody: { name: 'ci-2', limit: 7 } })
    expect(updated.data).toMatchObject({ name: 'ci-2', limit: 7, limitRemaining: 7 })
    expect(await admin.apiKeys.delete({ hash })).toEqual({ deleted: true })
    await expect(admin.apiKeys.get({ hash })).rejects.toMatchObject({ statusCode: 404 })
  })

  it('refuses a key that is not a management key, and a management key cannot call models', async () => {
    await expect(client().apiKeys.list()).rejects.toMatchObject({ statusCode: 403 })
    const call = client({ management: true }).chat.send({
      chatRequest: { messages: [{ role: 'user', content: 'hi' }] },
    })
    await expect(call).rejects.toMatchObject({ statusCode: 403 })
  })

  it('/key reports the key’s own limit as its budget', async () => {
    const limited = new OpenRouter({
      apiKey: keys.create({ name: 'budget', limit: 3, limitReset: 'monthly' }).key,
      serverURL: 'https://openrouter.ai/api/v1',
    })
    const { data } = await limited.apiKeys.getCurrentKeyMetadata()
    expect(data).toMatchObject({ limit: 3, limitRemaining: 3, isManagementKey: false })
  })
})
