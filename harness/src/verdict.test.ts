import { describe, expect, it } from 'vitest'
import type { RequestEntry } from '@conformance/openrouter-mock'
import type { Scenario } from './scenarios.ts'
import { judgeCell } from './verdict.ts'

const key = 'sk-or-v1-test'
const scenario: Scenario = {
  name: 'embeddings',
  description: '',
  program: 'embeddings',
  key: {},
  request: {
    method: 'POST',
    path: '/api/v1/embeddings',
    headers: { authorization: 'Bearer <OPENROUTER_API_KEY>' },
    body: { model: 'm', input: 'text' },
  },
  requests: 1,
  output: { stdout: 'ok\n', stderr: '', exitCode: 0 },
  acceptedDifferences: { 'sdk-style': { 'body.encoding_format': 'decoded by the SDK' } },
}
const judge = (style: string, body: object) =>
  judgeCell({
    style,
    fixSite: { program: 'p', alsoRunsIn: [], catalogueEntry: 'c' },
    scenario,
    key,
    timeoutMs: 1000,
    refused: [],
    run: {
      stdout: 'ok\n',
      stderr: '',
      exitCode: 0,
      timedOut: false,
      signal: undefined,
      spawnError: undefined,
      durationMs: 1,
    },
    requests: [
      {
        method: 'POST',
        path: '/api/v1/embeddings',
        rawHeaders: [['Authorization', `Bearer ${key}`]],
        body: JSON.stringify(body),
      } as RequestEntry,
    ],
  })

describe('accepted differences', () => {
  it('pass the style the catalogue accepts them for, shown as a warning with the reason', () => {
    const cell = judge('sdk-style', { model: 'm', input: 'text', encoding_format: 'base64' })
    expect(cell.status).toBe('pass')
    expect(cell.warnings).toEqual([
      'accepted difference: sends body.encoding_format "base64" (decoded by the SDK)',
    ])
  })

  it('fail any other style, and hide no other difference', () => {
    expect(
      judge('plain-style', { model: 'm', input: 'text', encoding_format: 'base64' }).status,
    ).toBe('fail')
    const other = judge('sdk-style', { model: 'other', input: 'text', encoding_format: 'base64' })
    expect(other.problems.map((problem) => problem.summary)).toEqual([
      expect.stringMatching(
        /^request differs from the scenario's: body\.model: expected "m", got "other"$/,
      ),
    ])
  })
})

describe('style expectations', () => {
  const byDesign: Scenario = {
    ...scenario,
    acceptedDifferences: {},
    styleExpectations: {
      'sdk-style': {
        why: 'it answers itself',
        output: { stdout: 'own\n', stderr: '', exitCode: 0 },
      },
    },
  }
  const judgeOutput = (style: string, stdout: string) =>
    judgeCell({
      style,
      fixSite: { program: 'p', alsoRunsIn: [], catalogueEntry: 'c' },
      scenario: byDesign,
      key,
      timeoutMs: 1000,
      refused: [],
      run: {
        stdout,
        stderr: '',
        exitCode: 0,
        timedOut: false,
        signal: undefined,
        spawnError: undefined,
        durationMs: 1,
      },
      requests: [
        {
          method: 'POST',
          path: '/api/v1/embeddings',
          rawHeaders: [['Authorization', `Bearer ${key}`]],
          body: JSON.stringify({ model: 'm', input: 'text' }),
        } as RequestEntry,
      ],
    })

  it("hold the style they name to its own output, with the catalogue's reason", () => {
    const cell = judgeOutput('sdk-style', 'own\n')
    expect(cell.status).toBe('pass')
    expect(cell.warnings).toEqual(['expected differently by design: it answers itself'])
    expect(judgeOutput('sdk-style', 'ok\n').status).toBe('fail')
  })

  it('leave every other style to the scenario', () => {
    expect(judgeOutput('plain-style', 'ok\n').status).toBe('pass')
    expect(judgeOutput('plain-style', 'own\n').status).toBe('fail')
  })
})
