import { describe, expect, it } from 'vitest'
import type { Catalogue } from '../../types.ts'
import { judgeModelId } from './resolve.ts'

const listed = (...ids: string[]): Catalogue => ({
  ids: new Set(ids),
  source: 'file',
  note: 'a list',
})
const list = listed(
  'openai/gpt-4o',
  'openai/gpt-4o-mini',
  'openai/gpt-5-mini',
  'anthropic/claude-sonnet-4.5',
  'anthropic/claude-opus-4.1',
  'meta-llama/llama-3.3-70b-instruct',
  'meta-llama/llama-3.3-70b-instruct:free',
  'openrouter/auto',
)

describe('judgeModelId', () => {
  it.each([
    'openai/gpt-4o',
    'openai/gpt-4o:nitro',
    'openai/gpt-4o:online',
    'meta-llama/llama-3.3-70b-instruct:free',
    'openrouter/auto',
  ])('%s is listed, with or without its variant', (id) => {
    expect(judgeModelId(id, list)).toEqual({ listed: true })
  })

  it.each(['openrouter/free', 'openrouter/some-new-router', '~anthropic/claude-sonnet-latest'])(
    '%s, a router or alias the list need not name, is not judged',
    (id) => {
      expect(judgeModelId(id, list)).toMatchObject({ listed: 'not-judged' })
    },
  )

  it('judges nothing without a list, and says why', () => {
    const none: Catalogue = { ids: new Set(), source: 'none', note: 'no model list (offline)' }
    expect(judgeModelId('openai/gpt-4o', none)).toEqual({
      listed: 'not-judged',
      why: 'no model list (offline)',
    })
  })

  it('names the listed ids an unlisted one most likely meant, the vendor’s own first', () => {
    expect(judgeModelId('anthropic/claude-sonnet-4', list)).toEqual({
      listed: false,
      nearest: ['anthropic/claude-sonnet-4.5', 'anthropic/claude-opus-4.1'],
    })
    expect(judgeModelId('openai/gpt-4o-mimi:free', list)).toEqual({
      listed: false,
      nearest: ['openai/gpt-4o-mini', 'openai/gpt-5-mini', 'openai/gpt-4o'],
    })
    expect(judgeModelId('gpt-4o', list)).toEqual({ listed: false, nearest: ['openai/gpt-4o'] })
  })

  it('names none when nothing listed is near', () => {
    expect(judgeModelId('acme/rocket-1', list)).toEqual({ listed: false, nearest: [] })
  })
})
