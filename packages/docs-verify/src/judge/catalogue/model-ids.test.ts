import { describe, expect, it } from 'vitest'
import { modelIdsOf } from './model-ids.ts'

describe('modelIdsOf', () => {
  it('reads `model` and each of `models`, and names the field', () => {
    expect(
      modelIdsOf({ model: 'openai/gpt-4o', models: ['anthropic/claude-sonnet-4.5', 3, 'x/y'] }),
    ).toEqual([
      { id: 'openai/gpt-4o', field: 'model' },
      { id: 'anthropic/claude-sonnet-4.5', field: 'models[0]' },
      { id: 'x/y', field: 'models[2]' },
    ])
  })

  it('reads nothing else: nested models, other fields, bodies that are no object', () => {
    expect(modelIdsOf({ plugins: [{ model: 'a/b' }], model_id: 'c/d', models: 'e/f' })).toEqual([])
    expect(modelIdsOf(null)).toEqual([])
    expect(modelIdsOf('openai/gpt-4o')).toEqual([])
  })
})
