import { createHash } from 'node:crypto'
import { defaultModelId, findModel, type RunningMock } from '@conformance/openrouter-mock'
import { siteName, siteUrl, type Fill } from './placeholders.ts'

// Each block runs on an account of its own in the mock: the reader's, as far as the block can
// tell. What the page tells the reader to fill in comes from there (a management key, a key's
// hash, a generation's id), and so does what a block names that only the reader's account has
// (a key it refers to by its hash): the call is judged, not skipped.

const digest = (text: string) => createHash('sha256').update(text).digest('hex')

// A generation the reader made earlier, with the given id, paid for by the block's key.
export const rememberGeneration = (mock: RunningMock, id: string, key: string) => {
  const model = findModel(defaultModelId)!
  mock.generations.remember({
    id,
    model: model.id,
    provider: model.provider,
    created: 1767225600,
    api: 'chat',
    streamed: false,
    finishReason: 'stop',
    promptTokens: 12,
    completionTokens: 9,
    reasoningTokens: 0,
    cost: 0.0001,
    key,
  })
  return id
}

// What each placeholder of one block becomes, made once per block.
export const fillFor = (mock: RunningMock, account: string, key: string): Fill => {
  const made = new Map<string, string>()
  const make: Fill = (kind) => {
    switch (kind) {
      case 'key':
        return key
      case 'management-key':
        return mock.keys.create({ name: `${account} (management)`, account, management: true }).key
      case 'site-url':
        return siteUrl
      case 'site-name':
        return siteName
      case 'model':
        return defaultModelId
      case 'key-hash':
        return mock.keys.create({ name: `${account} (another key)`, account }).hash
      case 'generation-id':
        return rememberGeneration(mock, `gen-${digest(account).slice(0, 24)}`, key)
      case 'id': {
        const hex = digest(`${account} id`)
        return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
      }
    }
  }
  return (kind) => {
    if (!made.has(kind)) made.set(kind, make(kind))
    return made.get(kind)!
  }
}

// A 404 for an object the block names by an id it writes out itself (a key's hash, a
// generation's id): the reader's account has it. Makes it on the block's account; says what it
// made, or undefined where the mock keeps no such object.
export const makeReadersObject = (
  mock: RunningMock,
  { account, key, path, id }: { account: string; key: string; path: string; id: string },
): string | undefined => {
  const url = new URL(path, 'https://openrouter.ai')
  if (/^\/api\/v1\/keys\/[^/]+$/.test(url.pathname) && url.pathname.endsWith(`/${id}`)) {
    const owned = mock.keys.ofAccount(mock.keys.account(account)).some((k) => k.hash === id)
    if (!owned) mock.keys.create({ name: `${account} (the reader's key)`, account, hash: id })
    return `a key with the hash ${id}`
  }
  if (url.pathname === '/api/v1/generation' && url.searchParams.get('id') === id) {
    rememberGeneration(mock, id, key)
    return `a generation with the id ${id}`
  }
  return undefined
}
