import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { execa } from 'execa'
import { expect, it } from 'vitest'
import { harnessDir, repoDir } from '../src/paths.ts'
import { userShellEnvironment } from '@conformance/common/testing'

// The README's command for one cell, run where it says to run it.
it("the README's vitest command picks one cell, from the folder the README names", async () => {
  const readme = readFileSync(join(repoDir, 'README.md'), 'utf8').replaceAll('\n', ' ')
  const [, folder, command] = readme.match(
    /In `([^`]+)\/`.*?`(npx[^`]*vitest run -t "curl › basic")`/,
  )!
  expect(join(repoDir, folder!)).toBe(harnessDir.replace(/\/$/, ''))
  const run = await execa(command!, {
    shell: true,
    cwd: join(repoDir, folder!),
    env: userShellEnvironment(),
    extendEnv: false,
    reject: false,
    all: true,
  })
  expect(run.exitCode, run.all).toBe(0)
  const output = stripVTControlCharacters(run.all)
  expect(output).toMatch(/✓ test\/conformance\/curl\.test\.ts/)
  expect(output).toMatch(/Tests\s+1 passed \| \d+ skipped/)
}, 120_000)
