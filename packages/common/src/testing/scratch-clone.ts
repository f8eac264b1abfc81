import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// The repository this helper is in.
const repoDir = fileURLToPath(new URL('../../../../', import.meta.url))

// What a fresh clone of this working tree would hold: every file git tracks or would track
// (committed or not), and nothing it ignores: no node_modules, no venvs, no build output.
export const scratchClone = (...paths: string[]) => {
  const root = mkdtempSync(join(tmpdir(), 'scratch-clone-'))
  const files = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...paths],
    { cwd: repoDir, encoding: 'utf8' },
  )
  for (const file of files.split('\n').filter(Boolean)) {
    if (existsSync(join(repoDir, file))) cpSync(join(repoDir, file), join(root, file))
  }
  return root
}

// The environment of a new user's shell: none of the variables pnpm, turbo or vitest set for
// this run, and no node_modules/.bin (nor its Node 24) on PATH.
export const userShellEnvironment = (): Record<string, string> =>
  Object.fromEntries(
    Object.entries(process.env)
      .filter(
        ([name]) =>
          !/^(npm_|pnpm_|TURBO_|VITEST|INIT_CWD$|NODE$|NODE_OPTIONS$|NODE_PATH$|FORCE_COLOR$|NO_COLOR$)/i.test(
            name,
          ),
      )
      .map(([name, value]) => [
        name,
        name === 'PATH'
          ? value!
              .split(':')
              .filter((dir) => !dir.includes('node_modules'))
              .join(':')
          : value!,
      ]),
  )
