import { execa } from 'execa'

export type ProgramRun = {
  stdout: string
  stderr: string
  exitCode: number | undefined
  timedOut: boolean
  signal: string | undefined
  // Why the program could not be started at all (a missing interpreter, say).
  spawnError: string | undefined
  durationMs: number
  // It printed more than `maxBuffer` on stdout or stderr: stopped there, its output cut.
  outputCut?: boolean
}

// Runs one program's command as a reader would, in a clean environment: only the variables given, no
// stdin, a timeout that kills it (SIGKILL 2 s after SIGTERM), and its output exactly as printed,
// up to `maxBuffer` bytes a stream, where it is stopped.
export const runProgram = async (
  { file, args }: { file: string; args: string[] },
  options: { cwd: string; env: Record<string, string>; timeoutMs: number; maxBuffer?: number },
): Promise<ProgramRun> => {
  const result = await execa(file, args, {
    cwd: options.cwd,
    env: options.env,
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    timeout: options.timeoutMs,
    forceKillAfterDelay: 2_000,
    stripFinalNewline: false,
    ...(options.maxBuffer ? { maxBuffer: options.maxBuffer } : {}),
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
    outputCut: result.isMaxBuffer,
  }
}
