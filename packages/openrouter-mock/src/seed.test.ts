import { expect, it } from 'vitest'
import { seedOf } from './seed.ts'

it('is the same whatever order the keys were written in, and differs when a value does', () => {
  const schema = { type: 'object', properties: { b: { type: 'string' }, a: { type: 'number' } } }
  const reordered = { properties: { a: { type: 'number' }, b: { type: 'string' } }, type: 'object' }
  expect(seedOf('m', schema)).toBe(seedOf('m', reordered))
  expect(seedOf('m', schema)).not.toBe(seedOf('m', { ...schema, type: 'array' }))
  expect(seedOf(['x', 'y'])).not.toBe(seedOf(['y', 'x']))
})
