import type { RefusedEntry, RequestEntry } from '@conformance/openrouter-mock'
import { canonicalize, tail, withoutKey, type ProgramRun } from '@conformance/common'
import type { Evidence, Judgement, Operation, RunFacts, TypeCheckError, Verdict } from '../types.ts'
import { suggestFix } from './fix-hints.ts'

// The block's own words for what went wrong: the line that names the error (Node prints it first,
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

export const judgeAttempt = (
  run: ProgramRun,
  entries: RequestEntry[],
  refused: RefusedEntry[],
  checked: { typeErrors: TypeCheckError[]; fenceLine: number; joined?: boolean },
  key: string,
  timeoutMs: number,
): Judgement => {
  const typeErrors = checked.typeErrors.map((error) => typeErrorText(error, checked.fenceLine))
  const requests = entries.map((entry) => ({
    method: entry.method,
    path: entry.path,
    status: entry.response?.status,
    answer: answerOf(entry),
  }))
  const [stdout, stderr] = [withoutKey(run.stdout, key), withoutKey(run.stderr, key)]
  const error = stderr.trim() ? errorLine(stderr) : undefined
  const evidence: Evidence = {
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
  const verdict = (verdict: Verdict, reason: string): Judgement => ({
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
const definitionOnly = (check: Judgement): Judgement =>
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
export const checkOperation = (check: Judgement, operation: Operation): Judgement => {
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

// A block's runs, judged: the last run decides; a 404 that is left for an object only the
// reader's account has is not judged; a block that only declares and sends nothing is
// definition-only; each run again says why it ran.
export const judgeRun = (
  facts: RunFacts,
  checked: {
    typeErrors: TypeCheckError[]
    fenceLine: number
    joined: boolean
    onlyDeclares: boolean
  },
  timeoutMs: number,
): Judgement => {
  const { run, requests, refused, key } = facts.last
  let judgement = judgeAttempt(run, requests, refused, checked, key, timeoutMs)
  if (judgement.verdict === 'sent-nothing' && checked.onlyDeclares)
    judgement = definitionOnly(judgement)
  const [missing] = facts.missingIds
  if (judgement.verdict === 'rejected-request' && missing) {
    const { fix: _fix, ...rest } = judgement
    judgement = {
      ...rest,
      verdict: 'skipped',
      reason: `refers to ${missing}, which exists only in the reader's account (answered 404 here)`,
    }
  }
  const { contained, sandboxFault } = facts.last
  if (sandboxFault)
    return {
      ...judgement,
      verdict: 'checker-fault',
      reason: `the block's sandbox failed: ${sandboxFault} (the checker's fault, not the page's)`,
    }
  // What the sandbox stopped decides, whatever else the block did: never a pass.
  if (contained.length > 0) {
    const { fix: _fix, ...rest } = judgement
    judgement = {
      ...rest,
      verdict: 'contained',
      reason: `contained: ${contained.join('; ')} (${judgement.verdict} otherwise: ${judgement.reason})`,
    }
  }
  return facts.notes.length > 0
    ? { ...judgement, reason: `${judgement.reason} (${facts.notes.join('; ')})` }
    : judgement
}
