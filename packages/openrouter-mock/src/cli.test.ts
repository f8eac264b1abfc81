import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const cli = new URL('./cli.ts', import.meta.url).pathname

// A script stops the mock by signalling the process it started, which is a wrapper (npx, pnpm,
// turbo and their shells) several levels above the mock: the mock must still stop, and take its
// certificates with it.
const started: ChildProcess[] = []
afterEach(() => {
  // Whatever a failed test left running goes with its process group.
  for (const child of started.splice(0)) {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {}
  }
})

const start = async (command: string, args: string[]) => {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], detached: true })
  started.push(child)
  let printed = ''
  await new Promise<void>((resolve) =>
    child.stdout!.on('data', (chunk: Buffer) => {
      printed += chunk.toString()
      if (printed.includes('OPENROUTER_API_KEY=')) resolve()
    }),
  )
  return { child, certificates: dirname(printed.match(/SSL_CERT_FILE='([^']+)'/)![1]!) }
}

const gone = async (path: string) => {
  for (let tries = 0; tries < 150 && existsSync(path); tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 100))
  return !existsSync(path)
}

describe('pnpm mock, stopped from a script', () => {
  it('SIGTERM to the outermost wrapper stops the mock and deletes its certificates', async () => {
    // A Node process (as npx and pnpm are) above a shell (as their script runners are) above the
    // mock; `; true` keeps the shell from exec-ing into the mock.
    const wrapper = `require('node:child_process').spawn('sh', ['-c', process.argv[1] + '; true'], { stdio: 'inherit' })`
    const { child, certificates } = await start(process.execPath, [
      '-e',
      wrapper,
      `"${process.execPath}" "${cli}"`,
    ])
    expect(existsSync(certificates)).toBe(true)
    child.kill('SIGTERM')
    expect(await gone(certificates)).toBe(true)
  })

  it('SIGINT (Ctrl-C) stops it the same way', async () => {
    const { child, certificates } = await start(process.execPath, [cli])
    child.kill('SIGINT')
    expect(await gone(certificates)).toBe(true)
  })
})

describe('pnpm mock -- command', () => {
  const runInside = (...args: string[]) => {
    try {
      return {
        stdout: execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8' }),
        code: 0,
      }
    } catch (error) {
      const failed = error as { status: number; stdout: string }
      return { stdout: failed.stdout, code: failed.status }
    }
  }
  const chat = `curl -s https://openrouter.ai/api/v1/chat/completions -H "Authorization: Bearer $KEY" -d '{"messages":[{"role":"user","content":"Say this is a test"}]}'`

  it('runs the command inside the mock’s environment and exits with its code', () => {
    const { stdout, code } = runInside(
      '--',
      'sh',
      '-c',
      `${chat.replace('$KEY', '$OPENROUTER_API_KEY')}; exit 3`,
    )
    expect(code).toBe(3)
    expect(JSON.parse(stdout).choices[0].message.content).toBe('This is a test.')
  })

  it('accepts the docs’ literal key placeholder only when asked', () => {
    const literal = chat.replace('$KEY', '<OPENROUTER_API_KEY>')
    expect(JSON.parse(runInside('--', 'sh', '-c', literal).stdout).error.code).toBe(401)
    expect(
      JSON.parse(runInside('--placeholder-key', '--', 'sh', '-c', literal).stdout).choices,
    ).toHaveLength(1)
  })
})
