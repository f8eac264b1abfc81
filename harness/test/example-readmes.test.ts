import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMock, type RunningMock } from '@conformance/openrouter-mock'
import { repoDir } from '../src/paths.ts'
import { loadScenarios } from '../src/scenarios.ts'
import { exampleStyles } from '../src/styles.ts'

// Each example's README "How to run", followed as written in a scratch copy of the example (only
// its committed files, as a fresh clone has them): the install step's command, then the run step's,
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

// A fresh clone: the example's committed files and the repository scripts its set-up calls.
const scratchCopy = (exampleDir: string) => {
  const root = mkdtempSync(join(tmpdir(), 'example-readme-'))
  const files = execFileSync('git', ['ls-files', 'scripts', exampleDir], {
    cwd: repoDir,
    encoding: 'utf8',
  })
  for (const file of files.split('\n').filter(Boolean)) {
    cpSync(join(repoDir, file), join(root, file))
  }
  return root
}

let mock: RunningMock
beforeAll(async () => {
  mock = await startMock()
})
afterAll(() => mock.close())

const basic = loadScenarios().find((scenario) => scenario.name === 'basic')!
const scratchRoots: string[] = []
afterAll(() => scratchRoots.forEach((root) => rmSync(root, { recursive: true, force: true })))

describe('every example README runs as written', () => {
  for (const style of exampleStyles()) {
    it.concurrent(style.name, { timeout: 180_000 }, async () => {
      const exampleDir = `examples/${style.name}`
      const readme = readFileSync(join(repoDir, exampleDir, 'README.md'), 'utf8')
      const root = scratchCopy(exampleDir)
      scratchRoots.push(root)
      const cwd = join(root, exampleDir)
      // `node` is the Node 24 the README requires: the one running this test.
      const env = {
        ...process.env,
        PATH: [dirname(process.execPath), process.env.PATH].join(delimiter),
      }

      const install = step(readme, 'Install')
      if (!install.includes('nothing to install')) {
        const command = firstCommand(install)
        expect(command, install).toBeDefined()
        const installed = await execa(command!, { shell: true, cwd, env, reject: false, all: true })
        expect(installed.exitCode, installed.all).toBe(0)
      }

      const run = firstCommand(step(readme, 'Run'))!
      const key = mock.keys.create({ name: `readme-${style.name}` }).key
      const ran = await execa(run, {
        stripFinalNewline: false,
        shell: true,
        cwd,
        env: { ...env, ...mock.env, OPENROUTER_API_KEY: key },
        reject: false,
      })
      expect(ran.stderr).toBe('')
      expect(ran.stdout).toBe(basic.output.stdout)
    })
  }
})
