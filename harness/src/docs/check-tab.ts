import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RefusedEntry, RequestEntry, RunningMock } from '@conformance/openrouter-mock'
import { canonicalize, type CanonicalRequest } from '../canonicalize.ts'
import { docsPython, harnessDir } from '../paths.ts'
import { tail, withoutKey } from '../printable.ts'
import { runProgram, type ProgramRun } from '../run-program.ts'
import { suggestFix } from './fix-hints.ts'
import { makeReadersObject } from './readers-account.ts'
import type { Operation } from './parse-page.ts'
import type { Runner } from './runners.ts'
import type { TypeCheckError } from './type-check.ts'

export type TabVerdict =
  | 'pass'
  | 'skipped'
  | 'unrenderable'
  | 'failed-before-sending'
  | 'rejected-request'
  | 'crashed'
  | 'hung'
  | 'sent-nothing'
  | 'definition-only'
  | 'type-error'
  | 'wrong-operation'
  // Uses names nothing on the page defines, by intent: a part of a program, not one.
  | 'fragment'
  // The mock answered 5xx, or the checker failed: the checker's own fault, never the page's.
  | 'checker-fault'
  // The page cannot be read or parsed: one verdict for the whole page.
  | 'unparseable'

export type SentRequest = { method: string; path: string; status?: number; answer?: string }

export type TabEvidence = {
  requests: SentRequest[]
  exitCode?: number
  // The line of stderr that names the error, if any.
  error?: string
  stdoutTail: string
  stderrTail: string
  typeErrors: string[]
}

export type TabCheck = {
  verdict: TabVerdict
  // One line that says why, quoting the tab's own error where there is one.
  reason: string
  // What to change, where the SDK, Python or the type checker names it.
  fix?: string
  evidence: TabEvidence
  request: CanonicalRequest | null
  warnings: string[]
}

// What every block runs with beside its own code: a wait its own code asks for is shortened, as
// fake timers would (docs-runtime/).
const runtimeDir = join(harnessDir, 'docs-runtime')
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
    file: docsPython,
    args: [file],
    env: () => ({ PYTHONPATH: join(runtimeDir, 'python') }),
  }),
  shell: (file) => ({
    file: 'bash',
    args: [file],
    env: (path) => ({ PATH: `${join(runtimeDir, 'bin')}:${path}` }),
  }),
}

// The tab's own words for what went wrong: the line that names the error (Node prints it first,
// Python last, after its traceback), and the field an SDK's validation error points at.
export const errorLine = (stderr: string) => {
  const lines = stderr.split('\n').map((line) => line.trim())
  const named = lines.filter((line) => /^[A-Za-z_][\w.]*(Error|Exception)\b[^(]*:/.test(line))
  const line =
    (stderr.includes('Traceback (most recent call last)') ? named.at(-1) : named[0]) ??
    lines.find(Boolean) ??
    ''
  // A validation error lists its issues as JSON after `: [`; the first names the field at fault,
  // or no field (an empty path) when the whole argument is the wrong type.
  const issue = stderr.match(/"path":\s*\[\s*(?:"([^"]+)")?[^\]]*\][\s\S]*?"message":\s*"([^"]+)"/)
  if (!issue) return line
  const headline = line.replace(/:\s*\[$/, '')
  return issue[1] ? `${headline} at ${issue[1]}: ${issue[2]}` : `${headline}: ${issue[2]}`
}

const answerOf = (entry: RequestEntry) => {
  if (!entry.response || entry.response.status < 400) return undefined
  try {
    return (JSON.parse(entry.response.body) as { error?: { message?: string } }).error?.message
  } catch {
    return entry.response.body.slice(0, 200)
  }
}

// Every line number in a report is a line of the page; a type error also says which line of the
// block it is, for an editor open on the snippet alone. `fenceLine` is the page line of the fence.
const pageLine = (error: TypeCheckError, fenceLine: number) =>
  `line ${fenceLine + error.line}:${error.column}`
export const typeErrorText = (error: TypeCheckError, fenceLine: number) =>
  `${pageLine(error, fenceLine)} ${error.code} ${error.message} (line ${error.line} of the block)`

export const judgeTab = (
  run: ProgramRun,
  entries: RequestEntry[],
  refused: RefusedEntry[],
  checked: { typeErrors: TypeCheckError[]; fenceLine: number; joined?: boolean },
  key: string,
  timeoutMs: number,
): TabCheck => {
  const typeErrors = checked.typeErrors.map((error) => typeErrorText(error, checked.fenceLine))
  const requests = entries.map((entry) => ({
    method: entry.method,
    path: entry.path,
    status: entry.response?.status,
    answer: answerOf(entry),
  }))
  const [stdout, stderr] = [withoutKey(run.stdout, key), withoutKey(run.stderr, key)]
  const error = stderr.trim() ? errorLine(stderr) : undefined
  const evidence: TabEvidence = {
    requests,
    exitCode: run.exitCode,
    error,
    stdoutTail: tail(stdout, 15),
    stderrTail: tail(stderr, 15),
    typeErrors,
  }
  // A block run after earlier ones sends their requests first: its own is the last.
  const own = checked.joined ? entries.at(-1) : entries[0]
  const canonicalized = own ? canonicalize(own, key) : undefined
  const fix = suggestFix(`${error ?? ''}\n${stderr}`, checked.typeErrors)
  const verdict = (verdict: TabVerdict, reason: string): TabCheck => ({
    verdict,
    reason,
    ...(fix && verdict !== 'pass' && verdict !== 'skipped' ? { fix } : {}),
    evidence,
    request: canonicalized?.request ?? null,
    warnings: canonicalized?.warnings ?? [],
  })
  const failed = requests.find((request) => request.status !== undefined && request.status >= 500)
  const rejected = requests.find((request) => request.status !== undefined && request.status >= 400)
  const hosts = [...new Set(refused.map((entry) => entry.host))]
  const first = checked.typeErrors[0]
  const types = first
    ? `; ${typeErrors.length === 1 ? 'a type error' : `${typeErrors.length} type errors`}, the first at ${pageLine(first, checked.fenceLine)} (${first.code})`
    : ''

  if (run.timedOut)
    return verdict(
      'hung',
      `still running after ${timeoutMs / 1000} s, having sent ${requests.length} request(s): killed${types}`,
    )
  if (run.spawnError) return verdict('crashed', `could not start: ${run.spawnError}`)
  if (failed)
    return verdict(
      'checker-fault',
      `the mock answered ${failed.method} ${failed.path} with ${failed.status}: the checker's fault, not the page's (${failed.answer ?? ''})`,
    )
  // A Python package the checker does not install cannot be judged here: skipped, with its name.
  // A missing submodule of a package it does install (`openrouter.nope`) is the page's mistake.
  const notProvided = /^ModuleNotFoundError: No module named '([^'.]+)'$/.exec(error ?? '')?.[1]
  if (requests.length === 0 && notProvided) {
    return verdict('skipped', `imports ${notProvided}, which the checker does not provide`)
  }
  // A host other than OpenRouter's (the proxy refuses them all) is an API the checker does not
  // have: what the block did with its answer cannot be judged, unless OpenRouter itself refused
  // what the block sent it.
  if (hosts.length > 0 && !rejected)
    return verdict(
      'skipped',
      `calls ${hosts.join(', ')}, which ${hosts.length === 1 ? 'is' : 'are'} not OpenRouter's: not judged here`,
    )
  if (requests.length === 0 && run.exitCode !== 0) {
    return verdict(
      'failed-before-sending',
      `exited ${run.exitCode ?? run.signal} before sending any request: ${error}${types}`,
    )
  }
  if (rejected) {
    return verdict(
      'rejected-request',
      `${rejected.method} ${rejected.path} was answered ${rejected.status}: ${rejected.answer ?? ''}${types}`,
    )
  }
  if (run.exitCode !== 0)
    return verdict(
      'crashed',
      `exited ${run.exitCode ?? run.signal} after its request: ${error}${types}`,
    )
  if (requests.length === 0)
    return verdict('sent-nothing', `exited 0 without sending a request${types}`)
  if (typeErrors.length > 0)
    return verdict('type-error', `ran, but does not type-check: ${typeErrors.join('; ')}`)
  return verdict(
    'pass',
    `sent ${requests.map((request) => `${request.method} ${request.path} → ${request.status}`).join(', ')}`,
  )
}

// A block that only declares sends nothing by design; its type errors still fail it.
const definitionOnly = (check: TabCheck): TabCheck =>
  check.evidence.typeErrors.length > 0
    ? {
        ...check,
        verdict: 'type-error',
        reason: `only declares, but does not type-check: ${check.evidence.typeErrors.join('; ')}`,
      }
    : {
        ...check,
        verdict: 'definition-only',
        reason:
          'sends nothing by design: it only declares (imports, functions, classes, values) for the blocks after it',
      }

// An SDK reference's example must call the operation it is the example of: the method, and the
// path with its parameters filled in.
export const checkOperation = (check: TabCheck, operation: Operation): TabCheck => {
  const path = operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/?]+')
  const pattern = new RegExp(`^/api/v1${path}/?(\\?.*)?$`)
  const calls = check.evidence.requests
  if (calls.some((call) => call.method === operation.method && pattern.test(call.path)))
    return check
  const sent = calls.map((call) => `${call.method} ${call.path}`).join(', ')
  return {
    ...check,
    verdict: 'wrong-operation',
    reason: `is the example of ${operation.id} (${operation.method} ${operation.path}), but sent ${sent}`,
  }
}

// The ids a block's 404s were for that the block writes out itself: a key's hash, a
// generation's id, as the reader would have them from their own account.
const writtenIds = (check: TabCheck, code: string) =>
  check.evidence.requests
    .filter((request) => request.status === 404)
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
  // What the block finds in its environment besides its key (placeholders.ts).
  environment: Record<string, string>
  // The type checker's errors on the block's own lines, once the site's type check is done.
  typeErrors: () => Promise<TypeCheckError[]>
  fenceLine: number
  onlyDeclares: boolean
  joined: boolean
  // Runs the block's process when a core is free: only the process holds one, not the wait for
  // the type check after it.
  schedule: <T>(run: () => Promise<T>) => Promise<T>
}

// Runs a block under its key, and again where the reader's account would have answered
// otherwise: key-management operations answer 403 to an ordinary key, as the live API does, and
// the docs tell readers to use a management key there; an object the block names by an id it
// writes out (a key's hash) exists in the reader's account, so the mock makes it on the block's.
// Each run again says why.
export const runTab = async (
  mock: RunningMock,
  tab: RunnableBlock,
  timeoutMs: number,
): Promise<TabCheck> => {
  const code = readFileSync(tab.file, 'utf8')
  const notes: string[] = []
  let key = tab.key
  let check = await runOnce(mock, tab, timeoutMs)
  for (let attempt = 1; attempt <= 2 && check.verdict === 'rejected-request'; attempt++) {
    const needsManagementKey =
      key === tab.key &&
      check.evidence.requests.some((request) => /only management keys/i.test(request.answer ?? ''))
    const made = needsManagementKey
      ? []
      : writtenIds(check, code).flatMap(({ path, id }) => {
          const object = makeReadersObject(mock, { account: tab.account, key, path, id })
          return object ? [object] : []
        })
    if (!needsManagementKey && made.length === 0) break
    if (needsManagementKey) {
      key = mock.keys.create({
        name: `${tab.id} (management)`,
        account: tab.account,
        management: true,
      }).key
      notes.push('run with a management key, which the operation needs')
    } else {
      notes.push(`run again with ${made.join(', ')} on its account, as the reader's has`)
    }
    check = await runOnce(mock, { ...tab, id: `${tab.id}-${attempt}`, key }, timeoutMs)
  }
  // Still not found: an object only the reader's account can have, which the mock does not keep.
  const missing = check.verdict === 'rejected-request' ? writtenIds(check, code)[0] : undefined
  if (missing) {
    const { fix: _fix, ...rest } = check
    check = {
      ...rest,
      verdict: 'skipped',
      reason: `refers to ${missing.id}, which exists only in the reader's account (answered 404 here)`,
    }
  }
  return notes.length > 0 ? { ...check, reason: `${check.reason} (${notes.join('; ')})` } : check
}

const runOnce = async (
  mock: RunningMock,
  tab: RunnableBlock,
  timeoutMs: number,
): Promise<TabCheck> => {
  const command = runnerCommand[tab.runner](tab.file)
  const path = process.env.PATH ?? ''
  // What the block sent is read before its proxy closes, which forgets it.
  const { run, requests, refused } = await tab.schedule(async () => {
    const proxy = await mock.openProxy(tab.id)
    try {
      const env = {
        ...tab.environment,
        ...proxy.env,
        PATH: path,
        HOME: tab.dir,
        LANG: 'C.UTF-8',
        OPENROUTER_API_KEY: tab.key,
        ...command.env(path),
      }
      return {
        run: await runProgram(command, { cwd: tab.dir, env, timeoutMs }),
        requests: mock.journal.requests({ tag: tab.id }),
        refused: mock.journal.refused({ tag: tab.id }),
      }
    } finally {
      await proxy.close()
    }
  })
  const check = judgeTab(
    run,
    requests,
    refused,
    { typeErrors: await tab.typeErrors(), fenceLine: tab.fenceLine, joined: tab.joined },
    tab.key,
    timeoutMs,
  )
  return check.verdict === 'sent-nothing' && tab.onlyDeclares ? definitionOnly(check) : check
}
