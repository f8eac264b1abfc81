import { describe, expect, it } from 'vitest'
import type { TabResult } from './check-page.ts'
import { causeOf, countByCause } from './causes.ts'

const failed = (verdict: TabResult['verdict'], error = ''): TabResult => ({
  page: '/p.mdx',
  group: 1,
  title: 't',
  language: 'python',
  line: 3,
  verdict,
  reason: 'why',
  request: null,
  warnings: [],
  evidence: { requests: [], error, stdoutTail: '', stderrTail: '', typeErrors: [] },
})

describe('causeOf', () => {
  it.each([
    [
      'failed-before-sending',
      'SDKValidationError: Input validation failed at chatRequest',
      "the SDK's own error",
    ],
    [
      'failed-before-sending',
      "NameError: name 'payload' is not defined",
      'a name nothing on the page defines',
    ],
    [
      'failed-before-sending',
      'ReferenceError: fs is not defined',
      'a name nothing on the page defines',
    ],
    [
      'failed-before-sending',
      'SyntaxError [ERR_INVALID_TYPESCRIPT_SYNTAX]: Expression expected',
      'a syntax error',
    ],
    ['failed-before-sending', 'TypeError: x is not a function', 'a crash before sending'],
    ['crashed', "KeyError: 'key'", 'a crash after the answer'],
    ['type-error', '', 'a type error'],
    ['rejected-request', '', 'a request the API rejects'],
    ['wrong-operation', '', 'calls another operation'],
  ] as const)('%s with %j: %s', (verdict, error, cause) => {
    expect(causeOf(failed(verdict, error))).toBe(cause)
  })

  it('gives no cause to what is not a failure', () => {
    expect(causeOf(failed('pass'))).toBeUndefined()
    expect(causeOf(failed('definition-only'))).toBeUndefined()
  })

  it('counts causes, most first', () => {
    const tabs = [failed('type-error'), failed('hung'), failed('type-error')]
    expect(countByCause(tabs)).toEqual([
      { cause: 'a type error', count: 2 },
      { cause: 'hangs', count: 1 },
    ])
  })
})
