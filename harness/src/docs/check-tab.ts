import { readFileSync } from 'node:fs'
import type { RequestEntry, RunningMock } from '@conformance/openrouter-mock'
import { canonicalize, type CanonicalRequest } from '../canonicalize.ts'
import { docsPython } from '../paths.ts'
import { tail, withoutKey } from '../printable.ts'
import { runProgram, type ProgramRun } from '../run-program.ts'
import { suggestFix } from './fix-hints.ts'
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

// The command that runs a block's file, by its runner.
export const runnerCommand: Record<Runner, (file: string) => { file: string; args: string[] }> = {
  typescript: (file) => ({ file: process.execPath, args: [file] }),
  python: (file) => ({ file: docsPython, args: [file] }),
  shell: (file) => ({ file: 'bash', args: [file] }),
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
const typeErrorText = (error: TypeCheckError, fenceLine: number) =>
  `${pageLine(error, fenceLine)} ${error.code} ${error.message} (line ${error.line} of the block)`

export const judgeTab = (
  run: ProgramRun,
  entries: RequestEntry[],
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
  const rejected = requests.find((request) => request.status !== undefined && request.status >= 400)
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
  // A Python package the checker does not install cannot be judged here: skipped, with its name.
  // A missing submodule of a package it does install (`openrouter.nope`) is the page's mistake.
  const notProvided = /^ModuleNotFoundError: No module named '([^'.]+)'$/.exec(error ?? '')?.[1]
  if (requests.length === 0 && notProvided) {
    return verdict('skipped', `imports ${notProvided}, which the checker does not provide`)
  }
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

// A 404 for an id the block writes out itself (a key's hash, a generation's id) is about a thing
// in the reader's account, which the checker's fresh account cannot have: not judged here.
const aboutTheReadersAccount = (check: TabCheck, file: string): TabCheck => {
  if (check.verdict !== 'rejected-request') return check
  const code = readFileSync(file, 'utf8')
  const missing = check.evidence.requests
    .filter((request) => request.status === 404)
    .flatMap((request) => {
      const url = new URL(request.path, 'https://openrouter.ai')
      return [url.pathname.split('/').at(-1) ?? '', ...url.searchParams.values()]
    })
    // An id, not a word of the path: it has a digit, a dash or an underscore.
    .find((id) => id.length >= 6 && /[\d_-]/.test(id) && code.includes(id))
  if (!missing) return check
  const { fix: _fix, ...rest } = check
  return {
    ...rest,
    verdict: 'skipped',
    reason: `refers to ${missing}, which exists only in the reader's account (answered 404 here)`,
  }
}

// Runs a tab under its key. Key-management operations answer 403 to an ordinary key, as
// the live API does; the docs tell readers to use a management key there, so the tab runs again
// with one, and says so.
export const runTab = async (
  mock: RunningMock,
  tab: {
    id: string
    runner: Runner
    file: string
    dir: string
    key: string
    typeErrors: TypeCheckError[]
    fenceLine: number
    onlyDeclares: boolean
    joined: boolean
  },
  timeoutMs: number,
): Promise<TabCheck> => {
  const check = aboutTheReadersAccount(await runOnce(mock, tab, timeoutMs), tab.file)
  const needsManagementKey =
    check.verdict === 'rejected-request' &&
    check.evidence.requests.some((request) => /only management keys/i.test(request.answer ?? ''))
  if (!needsManagementKey) return check
  const key = mock.keys.create({ name: `${tab.id} (management)`, management: true }).key
  const again = aboutTheReadersAccount(
    await runOnce(mock, { ...tab, id: `${tab.id}-management`, key }, timeoutMs),
    tab.file,
  )
  return {
    ...again,
    reason: `${again.reason} (run with a management key, which the operation needs)`,
  }
}

const runOnce = async (
  mock: RunningMock,
  tab: Parameters<typeof runTab>[1],
  timeoutMs: number,
): Promise<TabCheck> => {
  const proxy = await mock.openProxy(tab.id)
  try {
    const env = {
      ...proxy.env,
      PATH: process.env.PATH ?? '',
      HOME: tab.dir,
      LANG: 'C.UTF-8',
      OPENROUTER_API_KEY: tab.key,
    }
    const run = await runProgram(runnerCommand[tab.runner](tab.file), {
      cwd: tab.dir,
      env,
      timeoutMs,
    })
    const check = judgeTab(run, mock.journal.requests({ tag: tab.id }), tab, tab.key, timeoutMs)
    return check.verdict === 'sent-nothing' && tab.onlyDeclares ? definitionOnly(check) : check
  } finally {
    await proxy.close()
  }
}
