import { startMock, type RunningMock } from '@conformance/openrouter-mock'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Every operation of each official SDK, found in the SDK itself, called through the proxy as a
// reader's program calls https://openrouter.ai: every answer must pass the SDK's own validation.
let mock: RunningMock
beforeAll(async () => {
  mock = await startMock()
})
afterAll(() => mock.close())

type Outcome = { operation: string; ok: boolean; error?: string }

const runEveryOperation = async (command: string, args: string[]) => {
  const env = {
    ...mock.env,
    PATH: process.env.PATH ?? '',
    HOME: '/nonexistent',
    OPENROUTER_API_KEY: mock.keys.create({ name: 'every operation' }).key,
    OPENROUTER_MANAGEMENT_KEY: mock.keys.create({ name: 'management', management: true }).key,
  }
  const run = await execa(command, args, {
    cwd: new URL('./fixtures/sdk-operations/', import.meta.url),
    env,
    extendEnv: false,
    reject: false,
    timeout: 120_000,
  })
  const outcomes = run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Outcome)
  return { outcomes, stderr: run.stderr, exitCode: run.exitCode }
}

describe('every SDK operation gets an answer its SDK accepts', () => {
  it('@openrouter/sdk (TypeScript)', async () => {
    const { outcomes, stderr, exitCode } = await runEveryOperation(process.execPath, [
      'every-operation.ts',
    ])
    const failed = outcomes.filter((outcome) => !outcome.ok)
    console.log(
      `@openrouter/sdk: ${outcomes.length - failed.length}/${outcomes.length} operations accepted`,
    )
    expect(exitCode, stderr).toBe(0)
    expect(outcomes.length).toBeGreaterThan(100)
    expect(failed).toEqual([])
  })

  it('openrouter (Python)', async () => {
    const python = new URL('../sdk-python/.venv/bin/python', import.meta.url).pathname
    const { outcomes, stderr, exitCode } = await runEveryOperation(python, ['every_operation.py'])
    const failed = outcomes.filter((outcome) => !outcome.ok)
    console.log(
      `openrouter (PyPI): ${outcomes.length - failed.length}/${outcomes.length} operations accepted`,
    )
    expect(exitCode, stderr).toBe(0)
    expect(outcomes.length).toBeGreaterThan(100)
    expect(failed).toEqual([])
  })
})
