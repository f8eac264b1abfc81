import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import type { RunningMock } from '@conformance/openrouter-mock'
import { runProgram } from './run-program.ts'
import type { Scenario } from './scenarios.ts'
import type { Style } from './styles.ts'
import { judgeCell, type CellResult } from './verdict.ts'

export const defaultTimeoutMs = 30_000

export type CellOptions = { timeoutMs?: number; home?: string }

// A compile cache shared by every Node cell: repeated runs skip recompiling the SDKs.
const compileCache = join(tmpdir(), 'openrouter-conformance-compile-cache')

let cellCount = 0

// Runs one style's program for one scenario: a key made for this cell alone, a proxy of its own
// (so even key-less requests and refused hosts are attributed to it), then the verdict.
export const runCell = async (
  mock: RunningMock,
  style: Style,
  scenario: Scenario,
  options: CellOptions = {},
): Promise<CellResult> => {
  const id = `cell-${++cellCount}-${style.name}-${scenario.name}`
  const proxy = await mock.openProxy(id)
  const key = scenario.key === false ? undefined : createKey(mock, id, scenario.key)
  const home = options.home ?? join(tmpdir(), 'openrouter-conformance-home')
  mkdirSync(home, { recursive: true })
  const env: Record<string, string> = {
    ...proxy.env,
    // Tools are found on the caller's PATH; HOME is empty so no ~/.curlrc or user config leaks in.
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    NODE_COMPILE_CACHE: compileCache,
    ...(key ? { OPENROUTER_API_KEY: key } : {}),
  }
  const timeoutMs = (scenario.timeoutSeconds ?? 0) * 1000 || options.timeoutMs || defaultTimeoutMs
  try {
    const run = await runProgram(style, scenario.program, { env, timeoutMs })
    return judgeCell({
      style: style.name,
      scenario,
      run,
      requests: mock.journal.requests({ tag: id }),
      refused: mock.journal.refused({ tag: id }),
      key,
      timeoutMs,
    })
  } finally {
    await proxy.close()
  }
}

const createKey = (mock: RunningMock, id: string, spec: Exclude<Scenario['key'], false>) => {
  const { accountBalance, ...options } = spec
  if (accountBalance !== undefined) mock.keys.account(id, accountBalance)
  return mock.keys.create({
    name: id,
    ...options,
    ...(accountBalance === undefined ? {} : { account: id }),
  }).key
}
