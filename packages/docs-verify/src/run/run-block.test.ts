import { expect, it } from 'vitest'
import type { RequestEntry } from '@conformance/openrouter-mock'
import { writtenIds } from './run-block.ts'

const answered = (path: string, message: string) =>
  ({
    path,
    response: { status: 404, headers: {}, body: JSON.stringify({ error: { code: 404, message } }) },
  }) as RequestEntry

it('a 404 for an id the block writes is an object of the reader’s account; a path no route serves is not', () => {
  const code = 'fetch(`/api/v1/generation?id=gen-1234abcd`); fetch(`/api/v1/no-such-route`)'
  expect(
    writtenIds(
      [
        answered('/api/v1/generation?id=gen-1234abcd', 'Generation gen-1234abcd not found'),
        answered('/api/v1/no-such-route', 'Not Found'),
      ],
      code,
    ).map(({ id }) => id),
  ).toEqual(['gen-1234abcd'])
})
