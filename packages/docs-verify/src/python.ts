import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { pythonDir } from './assets.ts'

// The checker's Python: a venv made from python/requirements.txt (hash-pinned). In this
// repository the set-up makes it beside the requirements (scripts/venv.sh); installed in a docs
// repository, the checker makes it on its first run in a cache folder, and says so.
const requirements = join(pythonDir, 'requirements.txt')
const pins = () => createHash('sha256').update(readFileSync(requirements)).digest('hex')

const stamped = (venv: string) => {
  try {
    return readFileSync(join(venv, 'requirements.sha256'), 'utf8').trim() === pins()
  } catch {
    return false
  }
}

const cacheVenv = () => {
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache')
  return join(cache, 'openrouter-docs-verify', `python-${pins().slice(0, 12)}`)
}

let chosen: string | undefined
const venv = () => {
  chosen ??= stamped(join(pythonDir, '.venv')) ? join(pythonDir, '.venv') : cacheVenv()
  return chosen
}

export const pythonInterpreter = () => join(venv(), 'bin', 'python')

// Makes the venv where there is none that matches the pins, saying so on `log`; a missing
// Python is said once, and the Python blocks then fail to start with that reason.
export const ensurePython = async (log: (line: string) => void) => {
  const dir = venv()
  if (stamped(dir) && existsSync(pythonInterpreter())) return
  log(`==> making the Python venv for Python blocks in ${dir} (first run only)`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const python = process.env.PYTHON ?? 'python3'
  await execa(python, ['-m', 'venv', dir])
  await execa(join(dir, 'bin', 'python'), [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '--require-hashes',
    '--only-binary=:all:',
    '-r',
    requirements,
  ])
  writeFileSync(join(dir, 'requirements.sha256'), `${pins()}\n`)
}
