import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RequestEntry, RunningMock } from '@conformance/openrouter-mock'
import { isUnknownRoute } from '@conformance/openrouter-mock'
import { runProgram } from '@conformance/common'
import { runtimeDir } from '../assets.ts'
import type { RunAttempt, RunFacts, Runner, Sandbox } from '../types.ts'
import {
  escapeAttempts,
  limitsReached,
  openDoor,
  sandboxedCommand,
  sandboxFault,
} from './sandbox.ts'
import { pythonInterpreter } from '../python.ts'
import { makeReadersObject } from '../plan/readers-account.ts'

// What every block runs with beside its own code: a wait its own code asks for is shortened, as
// fake timers would (runtime/).
const compileCache = join(tmpdir(), 'docs-verify-compile-cache')

// The command that runs a block's file, by its runner, and what it adds to the environment.
export const runnerCommand: Record<
  Runner,
  (file: string) => { file: string; args: string[]; env: (path: string) => Record<string, string> }
> = {
  typescript: (file) => ({
    file: process.execPath,
    args: ['--import', join(runtimeDir, 'short-waits.mjs'), file],
    // The SDKs' modules compile once for every block (Node's own cache, keyed by content).
    env: () => ({ NODE_COMPILE_CACHE: compileCache }),
  }),
  python: (file) => ({
    file: pythonInterpreter(),
    args: [file],
    env: () => ({ PYTHONPATH: join(runtimeDir, 'python') }),
  }),
  shell: (file) => ({
    file: 'bash',
    args: [file],
    env: (path) => ({ PATH: `${join(runtimeDir, 'bin')}:${path}` }),
  }),
}

// The ids of the objects a run's 404s were for that the block writes out itself: a key's hash, a
// generation's id, as the reader has them in their own account.
export const writtenIds = (requests: RequestEntry[], code: string) =>
  requests
    // A path no route serves is the page's mistake, whatever its last word looks like.
    .filter((request) => request.response?.status === 404 && !isUnknownRoute(request.response))
    .flatMap((request) => {
      const url = new URL(request.path, 'https://openrouter.ai')
      return [url.pathname.split('/').at(-1) ?? '', ...url.searchParams.values()].map((id) => ({
        path: request.path,
        id,
      }))
    })
    // An id, not a word of the path: it has a digit, a dash or an underscore.
    .filter(({ id }) => id.length >= 6 && /[\d_-]/.test(id) && code.includes(id))

export type RunnableBlock = {
  id: string
  runner: Runner
  file: string
  dir: string
  key: string
  // The block's own account in the mock: the reader's, as far as the block can tell.
  account: string
  // What the block finds in its environment besides its key (plan/placeholders.ts).
  environment: Record<string, string>
  // Runs the block's process when a core is free.
  schedule: <T>(run: () => Promise<T>) => Promise<T>
  // The page it is from, whose repository it must not read.
  page: string
  // Its sandbox, where it runs contained.
  sandbox?: Sandbox
}

// An answer that says only a management key may do this.
const wantsManagementKey = (entry: RequestEntry) =>
  entry.response?.status === 403 && /only management keys/i.test(entry.response.body)

// Runs a block under its key, and again where the reader's account would have answered
// otherwise: key-management operations answer 403 to an ordinary key, as the live API does, and
// the docs tell readers to use a management key there; an object the block names by an id it
// writes out (a key's hash) exists in the reader's account, so the mock makes it on the block's.
// Each run again says why. Records what happened; what it means is judge/'s.
export const runBlock = async (
  mock: RunningMock,
  block: RunnableBlock,
  timeoutMs: number,
): Promise<RunFacts> => {
  const code = readFileSync(block.file, 'utf8')
  const notes: string[] = []
  let last = await runOnce(mock, block, block.key, block.id, timeoutMs)
  for (let attempt = 1; attempt <= 2 && !last.run.timedOut; attempt++) {
    const managementKey = last.key === block.key && last.requests.some(wantsManagementKey)
    const made = managementKey
      ? []
      : writtenIds(last.requests, code).flatMap(({ path, id }) => {
          const object = makeReadersObject(mock, {
            account: block.account,
            key: last.key,
            path,
            id,
          })
          return object ? [object] : []
        })
    if (!managementKey && made.length === 0) break
    const key = managementKey
      ? mock.keys.create({
          name: `${block.id} (management)`,
          account: block.account,
          management: true,
        }).key
      : last.key
    notes.push(
      managementKey
        ? 'run with a management key, which the operation needs'
        : `run again with ${made.join(', ')} on its account, as the reader's has`,
    )
    last = await runOnce(mock, block, key, `${block.id}-${attempt}`, timeoutMs)
  }
  // Still not found: what only the reader's account can have, which the mock does not keep.
  return { last, notes, missingIds: writtenIds(last.requests, code).map(({ id }) => id) }
}

const runOnce = async (
  mock: RunningMock,
  block: RunnableBlock,
  key: string,
  tag: string,
  timeoutMs: number,
): Promise<RunAttempt> => {
  const command = runnerCommand[block.runner](block.file)
  const path = process.env.PATH ?? ''
  // What the block sent is read before its proxy closes, which forgets it.
  return block.schedule(async () => {
    const proxy = await mock.openProxy(tag)
    try {
      const env = {
        ...block.environment,
        ...proxy.env,
        PATH: path,
        HOME: block.dir,
        LANG: 'C.UTF-8',
        OPENROUTER_API_KEY: key,
        ...command.env(path),
      }
      const { run, contained, sandboxFault } = block.sandbox
        ? await runContained(
            block,
            block.sandbox,
            command,
            proxy.url,
            tag,
            withCaFile(env, mock.caFile, block.sandbox.caFile),
            timeoutMs,
          )
        : {
            run: await runProgram(command, { cwd: block.dir, env, timeoutMs }),
            contained: [],
            sandboxFault: undefined,
          }
      return {
        run,
        requests: mock.journal.requests({ tag }),
        refused: mock.journal.refused({ tag }),
        key,
        contained,
        ...(sandboxFault ? { sandboxFault } : {}),
      }
    } finally {
      await proxy.close()
    }
  })
}

// The proxy's trust variables name the mock's CA certificate: in the sandbox, its readable copy.
const withCaFile = (env: Record<string, string>, caFile: string, copy: string) =>
  Object.fromEntries(
    Object.entries(env).map(([name, value]) => [name, value === caFile ? copy : value]),
  )

// One run in the block's sandbox: its door to the proxy and its trace beside its folder (never
// inside it, which the sandbox replaces with its own copy); what it tried, from the trace and
// from the limits it reached.
const runContained = async (
  block: RunnableBlock,
  sandbox: Sandbox,
  command: { file: string; args: string[] },
  proxyUrl: string,
  tag: string,
  env: Record<string, string>,
  timeoutMs: number,
) => {
  const files = `${block.dir}.${tag}.sandbox`
  mkdirSync(files, { recursive: true })
  const trace = join(files, 'trace')
  writeFileSync(trace, '')
  const proxyPort = Number(new URL(proxyUrl).port)
  const door = await openDoor(join(files, 'door.sock'), proxyPort)
  const contained = sandboxedCommand({
    block: command,
    dir: block.dir,
    trace,
    socket: join(files, 'door.sock'),
    proxyPort,
    readOnly: sandbox.readOnly,
    limits: sandbox.limits,
    compileCache,
  })
  try {
    const run = await runProgram(contained.command, {
      cwd: block.dir,
      env,
      timeoutMs,
      maxBuffer: sandbox.limits.outputBytes,
    })
    const stopped = [
      ...escapeAttempts(readFileSync(trace, 'utf8'), {
        dir: block.dir,
        proxyPort,
        shown: sandbox.readOnly,
        page: block.page,
      }),
      ...limitsReached(run, sandbox.limits),
    ]
    const fault = sandboxFault(run)
    return fault ? { run, contained: [], sandboxFault: fault } : { run, contained: stopped }
  } finally {
    await contained.done()
    await door.close()
    rmSync(files, { recursive: true, force: true })
  }
}
