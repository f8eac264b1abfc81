import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { jsonInstance } from './json-instance.ts'

const weather = {
  type: 'object',
  properties: {
    location: { type: 'string', description: 'City and country' },
    unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    days: { type: 'integer', minimum: 1, maximum: 7 },
    tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
  },
  required: ['location', 'unit'],
  additionalProperties: false,
}

describe('jsonInstance', () => {
  it('is valid against its schema', () => {
    const validate = new Ajv2020({ strict: false }).compile(weather)
    const value = jsonInstance(weather, 'a')
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true)
  })

  it('is the same for the same seed, and differs for another', () => {
    expect(jsonInstance(weather, 'a')).toEqual(jsonInstance(weather, 'a'))
    expect(jsonInstance(weather, 'a')).not.toEqual(jsonInstance(weather, 'b'))
  })
})
