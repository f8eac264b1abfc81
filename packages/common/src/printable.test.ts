import { expect, it } from 'vitest'
import { withoutKey } from './printable.ts'

it('masks the cell’s key and any key a program made and printed', () => {
  const own = `sk-or-v1-${'ab'.repeat(32)}`
  const made = `sk-or-v1-${'cd'.repeat(32)}`
  expect(withoutKey(`using ${own}; created ${made}`, own)).toBe(
    'using sk-or-v1-aba...bab; created sk-or-v1-cdc...dcd',
  )
})
