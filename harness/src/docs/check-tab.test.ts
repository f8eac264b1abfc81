import { describe, expect, it } from 'vitest'
import { checkOperation, type TabCheck } from './check-tab.ts'

const sent = (...calls: [string, string][]): TabCheck => ({
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
