import { existsSync, mkdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { tmpdir } from 'node:os'
import type { RunningMock } from '@conformance/openrouter-mock'
import { repoDir, scenariosFile } from './paths.ts'
import { runProgram } from '@conformance/common'
import type { Scenario } from './scenarios.ts'
import type { Style } from './styles.ts'
import { missingTools } from './tools.ts'
import {
  judgeCell,
  notApplicableCell,
  notRunCell,
  type CellResult,
  type FixSite,
} from './verdict.ts'

export const defaultTimeoutMs = 30_000

export type CellOptions = {
  timeoutMs?: number
  home?: string
  // The whole catalogue, so a report can say which other scenarios run the same program.
  catalogue?: readonly Scenario[]
}

// A compile cache shared by every Node cell: repeated runs skip recompiling the SDKs.
const compileCache = join(tmpdir(), 'openrouter-conformance-compile-cache')

let cellCount = 0

// All a cell's program gets: the proxy and CA variables, its key, and no more. Tools are found on
// the caller's PATH; HOME is an empty folder, so no ~/.curlrc or other user config leaks in.
export const cellEnvironment = (
  proxyEnv: Record<string, string>,
  key: string | undefined,
  home?: string,
) => {
  const emptyHome = home ?? join(tmpdir(), 'openrouter-conformance-home')
  mkdirSync(emptyHome, { recursive: true })
  return {
    ...proxyEnv,
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: emptyHome,
    LANG: 'C.UTF-8',
    NODE_COMPILE_CACHE: compileCache,
    ...(key ? { OPENROUTER_API_KEY: key } : {}),
  }
}

// Runs one style's program for one scenario: a key made for this cell alone, a proxy of its own
// (so even key-less requests and refused hosts are attributed to it), then the verdict.
export const runCell = async (
  mock: RunningMock,
  style: Style,
  scenario: Scenario,
  options: CellOptions = {},
): Promise<CellResult> => {
  const fixSite = fixSiteOf(style, scenario, options.catalogue ?? [scenario])
  const notApplicable = scenario.notApplicable?.[style.name]
  if (notApplicable) return notApplicableCell(style.name, scenario, fixSite, notApplicable)
  const missing = missingTools(style.tools ?? [])
  if (missing.length > 0) {
    return notRunCell(
      style.name,
      scenario,
      fixSite,
      missing.map((summary) => ({ check: 'tools', summary: `not run: ${summary}` })),
    )
  }
  if (!existsSync(style.programFile(scenario.program))) {
    return notRunCell(style.name, scenario, fixSite, [
      { check: 'program', summary: `not run: ${fixSite.program} does not exist` },
    ])
  }
  const id = `cell-${++cellCount}-${style.name}-${scenario.name}`
  const proxy = await mock.openProxy(id)
  const key = scenarioKey(mock, id, scenario)
  const env = cellEnvironment(proxy.env, key, options.home)
  const timeoutMs = (scenario.timeoutSeconds ?? 0) * 1000 || options.timeoutMs || defaultTimeoutMs
  try {
    const command = style.command(style.programFile(scenario.program))
    const run = await runProgram(command, { cwd: style.dir, env, timeoutMs })
    return judgeCell({
      style: style.name,
      fixSite,
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

// The key a scenario hands its program, made for this cell alone (on an account of its own when
// the scenario sets a balance); undefined when the program gets none.
export const scenarioKey = (
  mock: RunningMock,
  id: string,
  scenario: Scenario,
): string | undefined => {
  if (scenario.key === false) return undefined
  const { accountBalance, ...options } = scenario.key
  if (accountBalance !== undefined) mock.keys.account(id, accountBalance)
  return mock.keys.create({
    name: id,
    ...options,
    ...(accountBalance === undefined ? {} : { account: id }),
  }).key
}

export const fixSiteOf = (
  style: Style,
  scenario: Scenario,
  catalogue: readonly Scenario[],
): FixSite => ({
  program: relative(repoDir, style.programFile(scenario.program)),
  alsoRunsIn: catalogue
    .filter((other) => other.program === scenario.program && other.name !== scenario.name)
    .map((other) => other.name),
  catalogueEntry: `${relative(repoDir, scenariosFile)} › ${scenario.name}`,
})
