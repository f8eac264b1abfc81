import { readFileSync, rmSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMock, type RunningMock } from '@conformance/openrouter-mock'
import { repoDir } from '../src/paths.ts'
import { loadScenarios } from '../src/scenarios.ts'
import { exampleStyles } from '../src/styles.ts'
import { scratchClone, userShellEnvironment } from '@conformance/common/testing'

// Each example's README "How to run", followed as written in a scratch clone of the example, from
// a new user's shell: the install step's command, then the run step's,
// with the exports `pnpm mock` prints standing in for step 1. The run must print what the basic
// scenario prints.
const step = (readme: string, label: string) => {
  const line = readme
    .split('\n')
    .find((candidate) => /^\d+\. /.test(candidate) && candidate.includes(`${label}:`))
  if (!line) throw new Error(`no "${label}:" step`)
  return line
}
const firstCommand = (line: string) => line.match(/`([^`]+)`/)?.[1]

let mock: RunningMock
beforeAll(async () => {
  mock = await startMock()
})
afterAll(() => mock.close())

const basic = loadScenarios().find((scenario) => scenario.name === 'basic')!
const scratchRoots: string[] = []
// Clones with their own node_modules and venvs take a while to remove on a busy machine.
afterAll(
  () => scratchRoots.forEach((root) => rmSync(root, { recursive: true, force: true })),
  180_000,
)

describe('every example README runs as written', () => {
  for (const style of exampleStyles()) {
    it.concurrent(style.name, { timeout: 180_000 }, async () => {
      const exampleDir = `examples/${style.name}`
      const readme = readFileSync(join(repoDir, exampleDir, 'README.md'), 'utf8')
      const root = scratchClone('scripts', exampleDir)
      scratchRoots.push(root)
      const cwd = join(root, exampleDir)
      // `node` is the Node 24 the README requires: the one running this test.
      const shell = userShellEnvironment()
      const env = { ...shell, PATH: [dirname(process.execPath), shell.PATH].join(delimiter) }

      const install = step(readme, 'Install')
      if (!install.includes('nothing to install')) {
        const command = firstCommand(install)
        expect(command, install).toBeDefined()
        const installed = await execa(command!, {
          shell: true,
          cwd,
          env,
          extendEnv: false,
          reject: false,
          all: true,
          timeout: 120_000,
        })
        expect(installed.exitCode, installed.all).toBe(0)
      }

      const run = firstCommand(step(readme, 'Run'))!
      const key = mock.keys.create({ name: `readme-${style.name}` }).key
      const ran = await execa(run, {
        stripFinalNewline: false,
        shell: true,
        cwd,
        env: { ...env, ...mock.env, OPENROUTER_API_KEY: key },
        extendEnv: false,
        reject: false,
      })
      expect(ran.stderr).toBe('')
      expect(ran.stdout).toBe(basic.output.stdout)
    })
  }
})
