import { appendFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { execa } from 'execa'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { scratchClone, userShellEnvironment } from '@conformance/common/testing'

// The README's first command on a fresh clone, in a terminal (`script` gives it one), from a new
// user's shell: what it prints is progress and the matrix, no warnings. The `node` package's
// install script runs as on a first install (the clone turns off pnpm's cache of build results),
// and turbo runs as on a machine that never ran it.
let clone: string
let config: string
beforeAll(() => {
  clone = scratchClone()
  appendFileSync(join(clone, 'pnpm-workspace.yaml'), '\nsideEffectsCache: false\n')
  config = mkdtempSync(join(tmpdir(), 'first-run-config-'))
})
afterAll(() => {
  rmSync(clone, { recursive: true, force: true })
  rmSync(config, { recursive: true, force: true })
})

it(
  'a first run prints progress and the matrix in colour, and no warnings',
  { timeout: 300_000 },
  async () => {
    const command = 'npx -y pnpm@10.34.8 conformance --style openai-sdk-python --scenario basic'
    const run = await execa('script', ['-qec', command, '/dev/null'], {
      cwd: clone,
      env: {
        ...userShellEnvironment(),
        XDG_CONFIG_HOME: config,
      },
      extendEnv: false,
      reject: false,
      stdin: 'ignore',
    })
    const output = stripVTControlCharacters(run.stdout).replaceAll('\r', '')
    expect(run.exitCode, output).toBe(0)
    // pnpm reports it one way on a terminal and another under CI=true.
    expect(output).toMatch(/node: Running preinstall script, done|node preinstall: Done/)
    expect(output).toContain(
      '==> making examples/openai-sdk-python/.venv from its pinned requirements',
    )
    expect(output).toContain('1 passed, 0 failed')
    // Through turbo's pipes, on a terminal: the verdict still in colour (green).
    expect(run.stdout).toMatch(/\x1b\[32m✓\x1b\[39m openai-sdk-python › basic/)
    const warnings = output
      .split('\n')
      .filter((line) => /\bWARN\b|npm warn|[Tt]elemetry|[Uu]pdate available/.test(line))
      // The one warning left: pnpm links the `node` package's own bin before that package's install
      // script has downloaded Node. Harmless, and no setting or patch can reorder the two.
      .filter((line) => !/Failed to create bin at .*\/node\/node_modules\/\.bin\/node\./.test(line))
    expect(warnings).toEqual([])
  },
)
