import { execa } from 'execa'
import type { Style } from './styles.ts'

export type ProgramRun = {
  stdout: string
  stderr: string
  exitCode: number | undefined
  timedOut: boolean
  signal: string | undefined
  // Why the program could not be started at all (a missing interpreter, say).
  spawnError: string | undefined
  durationMs: number
}

// Runs one program as a reader would, in a clean environment: only the variables given, no
// stdin, a timeout that kills it (SIGKILL 2 s after SIGTERM), and its output exactly as printed.
export const runProgram = async (
  style: Style,
  program: string,
  options: { env: Record<string, string>; timeoutMs: number },
): Promise<ProgramRun> => {
  const { file, args } = style.command(program)
  const result = await execa(file, args, {
    cwd: style.dir,
    env: options.env,
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    timeout: options.timeoutMs,
    forceKillAfterDelay: 2_000,
    stripFinalNewline: false,
  })
  const spawned = result.exitCode !== undefined || result.signal !== undefined || result.timedOut
  return {
    stdout: result.stdout,
    stderr: result.stderr,
    exitCode: result.exitCode,
    timedOut: result.timedOut,
    signal: result.signal,
    spawnError: spawned ? undefined : result.shortMessage,
    durationMs: Math.round(result.durationMs),
  }
}
