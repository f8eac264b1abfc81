import { describe, expect, it } from 'vitest'
import type { BlockResult } from '../types.ts'
import { causeOf, countByCause } from './causes.ts'

const failed = (verdict: BlockResult['verdict'], error = ''): BlockResult => ({
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
  // The judges beside the mock say which of their rules a failure broke in its reason.
  it.each([
    [
      'against-spec',
      'the published spec rejects what it sent (POST /x), which the mock accepted: …',
      'the published spec rejects this request',
    ],
    [
      'against-spec',
      'a JSON example of the 200 response of POST /x, which the published spec contradicts: …',
      'an example the published spec contradicts',
    ],
    [
      'against-spec',
      "a stream's events: the event at line 9 is not JSON (ValueExpected)",
      'a syntax error',
    ],
    [
      'against-spec',
      'a JSON example of the request body of POST /x: model "a/b" is not a model OpenRouter lists (…)',
      'a model OpenRouter does not list',
    ],
    [
      'rejected-request',
      'model "a/b" is not a model OpenRouter lists (…); the nearest it lists: a/c',
      'a model OpenRouter does not list',
    ],
  ] as const)('%s "%s" is %s', (verdict, reason, cause) => {
    expect(causeOf({ ...failed(verdict), reason })).toBe(cause)
  })

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
    ['crashed', 'ReferenceError: response is not defined', 'a name nothing on the page defines'],
    [
      'failed-before-sending',
      "SyntaxError: The requested module '@openrouter/sdk' does not provide an export named 'Client'",
      'an export the package does not have',
    ],
    [
      'failed-before-sending',
      "ModuleNotFoundError: No module named 'openrouter.nowhere'",
      'an export the package does not have',
    ],
    ['type-error', '', 'a type error'],
    ['rejected-request', '', 'a request the API rejects'],
    ['wrong-operation', '', 'calls another operation'],
  ] as const)('%s with %j: %s', (verdict, error, cause) => {
    expect(causeOf(failed(verdict, error))).toBe(cause)
  })

  const typeError = (message: string): BlockResult => ({
    ...failed('type-error'),
    evidence: { requests: [], stdoutTail: '', stderrTail: '', typeErrors: [`line 4:1 ${message}`] },
  })

  it.each([
    [`TS2305 Module '"x"' has no exported member 'A'.`, 'an export the package does not have'],
    [
      `TS2724 '"x"' has no exported member named 'A'. Did you mean 'B'?`,
      'an export the package does not have',
    ],
    ["TS2694 Namespace '\"x\"' has no exported member 'A'.", 'an export the package does not have'],
    [
      "TS2741 Property 'content' is missing in type '{}' but required in type 'M'.",
      'a field the type requires is missing',
    ],
    [
      "TS2739 Type '{}' is missing the following properties from type 'T': a, b",
      'a field the type requires is missing',
    ],
    [
      "TS2353 Object literal may only specify known properties, and 'x' does not exist in type 'T'.",
      'an option or field the type does not have',
    ],
    [
      "TS2769 No overload matches this call: Object literal may only specify known properties, and 'reasoning' does not exist in type 'P'.",
      'an option or field the type does not have',
    ],
    [
      "TS2339 Property 'data' does not exist on type 'Page'.",
      'a method or property the SDK does not have',
    ],
    ["TS2322 Type 'string' is not assignable to type 'number'.", 'a type error'],
  ])('type-error %s: %s', (message, cause) => {
    expect(causeOf(typeError(message))).toBe(cause)
  })

  it('a constant the site leaves unrendered is why a block fails, whichever error came first', () => {
    const tab = {
      ...failed('failed-before-sending', 'ReferenceError: fs is not defined'),
      unrendered: ['API_KEY_REF'],
    }
    expect(causeOf(tab)).toBe('a template constant the site leaves unrendered')
  })

  it('gives no cause to what is not a failure', () => {
    expect(causeOf(failed('pass'))).toBeUndefined()
    expect(causeOf(failed('definition-only'))).toBeUndefined()
    expect(causeOf(failed('fragment'))).toBeUndefined()
    expect(causeOf(failed('checker-fault'))).toBeUndefined()
  })

  it('counts causes, most first', () => {
    const tabs = [failed('type-error'), failed('hung'), failed('type-error')]
    expect(countByCause(tabs)).toEqual([
      { cause: 'a type error', count: 2 },
      { cause: 'hangs', count: 1 },
    ])
  })
})
