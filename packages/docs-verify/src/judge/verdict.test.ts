import { describe, expect, it } from 'vitest'
import type { RequestEntry } from '@conformance/openrouter-mock'
import type { Judgement } from '../types.ts'
import { checkOperation, errorLine, judgeAttempt } from './verdict.ts'

const sent = (...calls: [string, string][]): Judgement => ({
  verdict: 'pass',
  reason: 'sent it',
  evidence: {
    requests: calls.map(([method, path]) => ({ method, path, status: 200 })),
    stdoutTail: '',
    stderrTail: '',
    typeErrors: [],
  },
  request: null,
  warnings: [],
})

describe('checkOperation', () => {
  const deleteKey = { id: 'deleteKeys', method: 'DELETE', path: '/keys/{hash}' }

  it('passes a block that calls its operation, parameters filled in', () => {
    expect(checkOperation(sent(['DELETE', '/api/v1/keys/f01d5260']), deleteKey).verdict).toBe(
      'pass',
    )
    const list = { id: 'list', method: 'GET', path: '/keys' }
    expect(checkOperation(sent(['GET', '/api/v1/keys?offset=2']), list).verdict).toBe('pass')
  })

  it('fails one that calls another method or path, naming both', () => {
    const wrong = checkOperation(sent(['GET', '/api/v1/keys/f01d5260']), deleteKey)
    expect(wrong).toMatchObject({
      verdict: 'wrong-operation',
      reason:
        'is the example of deleteKeys (DELETE /keys/{hash}), but sent GET /api/v1/keys/f01d5260',
    })
    expect(checkOperation(sent(['DELETE', '/api/v1/keys']), deleteKey).verdict).toBe(
      'wrong-operation',
    )
  })
})

describe('judgeTab', () => {
  const run = (exitCode: number) => ({
    stdout: '',
    stderr: exitCode === 0 ? '' : 'TypeError: fetch failed',
    exitCode,
    timedOut: false,
    signal: undefined,
    spawnError: undefined,
    durationMs: 1,
    outputCut: false,
  })
  const entry = (status: number, body = '{"error":{"message":"boom"}}') =>
    ({
      kind: 'request',
      id: 1,
      time: '',
      via: 'proxy',
      method: 'POST',
      url: 'https://openrouter.ai/api/v1/responses',
      path: '/api/v1/responses',
      rawHeaders: [],
      body: '{}',
      response: { status, headers: {}, body },
    }) as RequestEntry
  const refused = {
    kind: 'refused',
    id: 2,
    time: '',
    host: 'api.example.com',
    port: 443,
    reason: '',
  } as const
  const judge = (...args: Parameters<typeof judgeAttempt>) => judgeAttempt(...args)
  const checked = { typeErrors: [], fenceLine: 1 }

  it("a 5xx from the mock is the checker's fault, never the page's", () => {
    expect(judge(run(1), [entry(500)], [], checked, 'k', 1000)).toMatchObject({
      verdict: 'checker-fault',
      reason:
        "the mock answered POST /api/v1/responses with 500: the checker's fault, not the page's (boom)",
    })
  })

  it("a host other than OpenRouter's is not judged, unless OpenRouter refused what was sent", () => {
    expect(judge(run(1), [], [refused], checked, 'k', 1000)).toMatchObject({
      verdict: 'skipped',
      reason: "calls api.example.com, which is not OpenRouter's: not judged here",
    })
    expect(judge(run(1), [entry(400)], [refused], checked, 'k', 1000).verdict).toBe(
      'rejected-request',
    )
  })
})

describe('errorLine', () => {
  it('takes the first named error from Node and the last from a Python traceback', () => {
    expect(errorLine('file:///x.js:3\n  throw e\n  ^\n\nTypeError: boom\n    at x')).toBe(
      'TypeError: boom',
    )
    const traceback =
      'Traceback (most recent call last):\n  File "t.py", line 1\nKeyError: 1\n\nDuring handling...\nopenai.AuthenticationError: Error code: 401'
    expect(errorLine(traceback)).toBe('openai.AuthenticationError: Error code: 401')
  })

  it('adds the message of a validation error about the whole argument', () => {
    const stderr =
      'SDKValidationError: Input validation failed: [\n  {\n    "expected": "object",\n    "path": [],\n    "message": "Invalid input: expected object, received string"\n  }\n]'
    expect(errorLine(stderr)).toBe(
      'SDKValidationError: Input validation failed: Invalid input: expected object, received string',
    )
  })

  it('adds the field a validation error points at', () => {
    const stderr =
      'SDKValidationError: Input validation failed: [\n  {\n    "path": [\n      "chatRequest"\n    ],\n    "message": "Invalid input"\n  }\n]'
    expect(errorLine(stderr)).toBe(
      'SDKValidationError: Input validation failed at chatRequest: Invalid input',
    )
  })
})
