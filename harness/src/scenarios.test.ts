import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { allowedCount, loadScenarios } from './scenarios.ts'

const catalogue = (yaml: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'scenarios-')), 'scenarios.yaml')
  writeFileSync(file, yaml)
  return file
}

describe('loadScenarios', () => {
  it('loads the real catalogue: every scenario in every style, at least 11', () => {
    expect(loadScenarios().length).toBeGreaterThanOrEqual(11)
  })

  it('rejects a misspelt field instead of silently testing less', () => {
    const file = catalogue(`scenarios:
  basic:
    description: x
    program: basic
    key: {}
    request: null
    requests: 0
    ouptut: { stdout: '', stderr: '', exitCode: 0 }
`)
    expect(() => loadScenarios(file)).toThrow(/must have required property 'output'/)
  })

  it('takes program names with digits, and names every mistake at once', () => {
    const entry = (name: string, program: string, extra = '') => `  ${name}:
    description: x
    program: ${program}
    key: {}
    request: null
    requests: 0
    output: { stdout: '', stderr: '', exitCode: 0 }${extra}
`
    expect(loadScenarios(catalogue(`scenarios:\n${entry('v2', 'basic-v2')}`))).toHaveLength(1)
    const broken = catalogue(
      `scenarios:\n${entry('a', 'Bad_Name')}${entry('b', 'fine', '\n    timeoutSeconds: -1')}`,
    )
    expect(() => loadScenarios(broken)).toThrow(
      /\/scenarios\/a\/program[\s\S]*\/scenarios\/b\/timeoutSeconds/,
    )
  })

  it('rejects follow-ups no style may send, or that follow nothing', () => {
    const entry = (request: string, requests: string) => `scenarios:
  loop:
    description: x
    program: loop
    key: {}
    request: ${request}
    followUps: [{ method: POST, path: /p, headers: {}, body: null }]
    requests: ${requests}
    output: { stdout: '', stderr: '', exitCode: 0 }
`
    const request = '{ method: POST, path: /p, headers: {}, body: null }'
    expect(loadScenarios(catalogue(entry(request, '2')))).toHaveLength(1)
    expect(() => loadScenarios(catalogue(entry(request, '{ default: 2, curl: 1 }')))).toThrow(
      '/scenarios/loop/requests allows curl fewer than the 2 requests its followUps need',
    )
    expect(() => loadScenarios(catalogue(entry('null', '0')))).toThrow(
      '/scenarios/loop has followUps but no request',
    )
    const ownFollowUps = `${entry(request, '1').replace(/    followUps: .*\n/, '')}    styleExpectations:
      curl: { why: it loops, followUps: [{ method: GET, path: /q, headers: {}, body: null }] }
`
    expect(() => loadScenarios(catalogue(ownFollowUps))).toThrow(
      '/scenarios/loop/requests allows curl fewer than the 2 requests its followUps need',
    )
  })
})

describe('allowedCount', () => {
  it('reads a number, a range, and per-style counts with a default', () => {
    expect(allowedCount(1, 'curl')).toEqual({ min: 1, max: 1 })
    expect(allowedCount({ min: 2, max: 4 }, 'curl')).toEqual({ min: 2, max: 4 })
    const perStyle = { default: 1, 'openai-sdk-ts': 3 }
    expect(allowedCount(perStyle, 'openai-sdk-ts')).toEqual({ min: 3, max: 3 })
    expect(allowedCount(perStyle, 'curl')).toEqual({ min: 1, max: 1 })
  })
})
