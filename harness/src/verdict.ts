import type { RefusedEntry, RequestEntry } from '@conformance/openrouter-mock'
import {
  canonicalize,
  type CanonicalRequest,
  differences,
  jsonDiff,
  stableJson,
  textDiff,
  tail,
  withoutKey,
  type ProgramRun,
} from '@conformance/common'
import { allowedCount, expectationsFor, type CountRange, type Scenario } from './scenarios.ts'

export type Check =
  'program' | 'tools' | 'timeout' | 'crash' | 'egress' | 'count' | 'request' | 'output'

export type Problem = { check: Check; summary: string; diff?: string }

// Where a failing cell is fixed: the program file (repository-relative), the other scenarios that
// run the same file (a fix there changes them too), and the catalogue entry, for an intended change.
export type FixSite = { program: string; alsoRunsIn: string[]; catalogueEntry: string }

export type CellResult = {
  style: string
  scenario: string
  fixSite: FixSite
  status: 'pass' | 'fail' | 'not-applicable'
  // Why a not-applicable cell is so: the catalogue's words.
  notApplicable?: string
  problems: Problem[]
  warnings: string[]
  // The first request the cell sent, canonicalized; null when it sent none.
  request: CanonicalRequest | null
  // What it sent at each of the scenario's follow-up steps, canonicalized.
  followUps: CanonicalRequest[]
  requestCount: number
  allowedRequests: CountRange
  output: { stdout: string; stderr: string; exitCode: number | undefined }
  stderrTail: string
  durationMs: number
}

export type CellEvidence = {
  style: string
  fixSite: FixSite
  scenario: Scenario
  run: ProgramRun
  requests: RequestEntry[]
  refused: RefusedEntry[]
  key?: string
  timeoutMs: number
}

// A cell whose style cannot express its scenario, as the catalogue says: shown with the reason,
// never run, never a pass.
export const notApplicableCell = (
  style: string,
  scenario: Scenario,
  fixSite: FixSite,
  reason: string,
): CellResult => ({
  ...notRunCell(style, scenario, fixSite, []),
  status: 'not-applicable',
  notApplicable: reason,
})

// A cell that could not run (its style's tools or its program file are missing): failed, with why.
export const notRunCell = (
  style: string,
  scenario: Scenario,
  fixSite: FixSite,
  problems: Problem[],
): CellResult => ({
  style,
  scenario: scenario.name,
  fixSite,
  status: 'fail',
  problems,
  warnings: [],
  request: null,
  followUps: [],
  requestCount: 0,
  allowedRequests: allowedCount(expectationsFor(scenario, style).requests, style),
  output: { stdout: '', stderr: '', exitCode: undefined },
  stderrTail: '',
  durationMs: 0,
})

const countText = ({ min, max }: CountRange) => (min === max ? String(min) : `${min}–${max}`)

const outputProblems = (scenario: Scenario, run: ProgramRun): Problem[] => {
  const expected = scenario.output
  const problems: Problem[] = []
  for (const stream of ['stdout', 'stderr'] as const) {
    if (run[stream] !== expected[stream]) {
      problems.push({
        check: 'output',
        summary: `${stream} differs from the scenario's`,
        diff: textDiff(expected[stream], run[stream], [`expected ${stream}`, `actual ${stream}`]),
      })
    }
  }
  if (run.exitCode !== expected.exitCode) {
    problems.push({
      check: 'output',
      summary: `exit code ${run.exitCode ?? 'none'}, expected ${expected.exitCode}`,
    })
  }
  return problems
}

type Json = Record<string, unknown>
const valueAt = (value: unknown, path: string[]): unknown =>
  path.reduce<unknown>((inner, key) => (inner as Json | undefined)?.[key], value)

// The request with each accepted path holding the scenario's value (or absent where it has none).
const acceptingDifferences = (
  request: CanonicalRequest,
  expected: CanonicalRequest,
  paths: string[],
): CanonicalRequest => {
  const copy = structuredClone(request) as unknown as Json
  for (const path of paths) {
    const keys = path.split('.')
    const parent = valueAt(copy, keys.slice(0, -1)) as Json | undefined
    if (!parent || typeof parent !== 'object') continue
    const wanted = valueAt(expected, keys)
    if (wanted === undefined) delete parent[keys.at(-1)!]
    else parent[keys.at(-1)!] = structuredClone(wanted)
  }
  return copy as unknown as CanonicalRequest
}

// The requests a scenario expects, in order: the first, then its follow-ups.
const expectedSteps = (scenario: Scenario): CanonicalRequest[] =>
  scenario.request ? [scenario.request, ...(scenario.followUps ?? [])] : []

// The step the i-th request sent answers: requests past the last step are retries of it.
const stepOf = (steps: CanonicalRequest[], i: number) => steps[Math.min(i, steps.length - 1)]

// What the style sends differently by design, each with the catalogue's reason.
const acceptedNotes = (scenario: Scenario, style: string, sent: CanonicalRequest[]) => {
  const steps = expectedSteps(scenario)
  return Object.entries(scenario.acceptedDifferences?.[style] ?? {}).flatMap(([path, why]) =>
    sent.flatMap((request, i) => {
      const keys = path.split('.')
      const value = valueAt(request, keys)
      const expected = valueAt(stepOf(steps, i), keys)
      return steps.length > 0 && stableJson(value) !== stableJson(expected)
        ? [`accepted difference: sends ${path} ${JSON.stringify(value)} (${why})`]
        : []
    }),
  )
}

const stepName = (step: number) => (step === 0 ? 'request' : `follow-up ${step}`)

// Each sent request against the step it answers; requests past the last step are retries of it
// and must equal what was sent there.
const requestProblems = (
  scenario: Scenario,
  style: string,
  sent: CanonicalRequest[],
): Problem[] => {
  const steps = expectedSteps(scenario)
  const accepted = Object.keys(scenario.acceptedDifferences?.[style] ?? {})
  const canonical = sent.map((request, i) => {
    const step = stepOf(steps, i)
    return step && accepted.length > 0 ? acceptingDifferences(request, step, accepted) : request
  })
  if (steps.length === 0) {
    return canonical[0]
      ? [
          {
            check: 'request',
            summary: 'sent a request where none may be sent',
            diff: jsonDiff(null, canonical[0]),
          },
        ]
      : []
  }
  if (canonical.length === 0) return [{ check: 'request', summary: 'sent no request' }]
  const problems: Problem[] = []
  steps.forEach((expected, step) => {
    const actual = canonical[step]
    if (!actual) {
      if (step === canonical.length) {
        problems.push({ check: 'request', summary: `sent no ${stepName(step)}` })
      }
      return
    }
    const found = differences(expected, actual)
    if (found.length > 0) {
      const name = stepName(step)
      problems.push({
        check: 'request',
        summary: `${name} differs from the scenario's: ${found.join('; ')}`,
        diff: jsonDiff(expected, actual, [`expected ${name}`, `actual ${name}`]),
      })
    }
  })
  const last = canonical[steps.length - 1]
  canonical.slice(steps.length).forEach((retry, i) => {
    if (last && stableJson(retry) !== stableJson(last)) {
      problems.push({
        check: 'request',
        summary: `retry ${i + 1} differs from the ${stepName(steps.length - 1)} it repeats`,
        diff: jsonDiff(last, retry),
      })
    }
  })
  return problems
}

// Everything one cell did, measured against its scenario.
export const judgeCell = (evidence: CellEvidence): CellResult => {
  const { key } = evidence
  const scenario = expectationsFor(evidence.scenario, evidence.style)
  const byDesign = scenario.styleExpectations?.[evidence.style]?.why
  const run = {
    ...evidence.run,
    stdout: withoutKey(evidence.run.stdout, key),
    stderr: withoutKey(evidence.run.stderr, key),
  }
  const canonicalized = evidence.requests.map((entry) => canonicalize(entry, key))
  const canonical = canonicalized.map(({ request }) => request)
  const allowed = allowedCount(scenario.requests, evidence.style)
  const problems: Problem[] = []

  if (run.timedOut) {
    problems.push({
      check: 'timeout',
      summary: `still running after ${evidence.timeoutMs / 1000} s: killed`,
    })
  } else if (run.spawnError) {
    problems.push({ check: 'crash', summary: `could not start: ${run.spawnError}` })
  } else if (run.signal) {
    problems.push({ check: 'crash', summary: `killed by ${run.signal}` })
  }
  for (const refused of evidence.refused) {
    problems.push({
      check: 'egress',
      summary: `tried to reach ${refused.host}:${refused.port}; only openrouter.ai is allowed`,
    })
  }
  if (canonical.length < allowed.min || canonical.length > allowed.max) {
    problems.push({
      check: 'count',
      summary: `sent ${canonical.length} requests; the scenario allows ${countText(allowed)}`,
    })
  }
  problems.push(...requestProblems(scenario, evidence.style, canonical))
  if (!run.timedOut) problems.push(...outputProblems(scenario, run))

  return {
    style: evidence.style,
    scenario: scenario.name,
    fixSite: evidence.fixSite,
    status: problems.length > 0 ? 'fail' : 'pass',
    problems,
    warnings: [
      ...new Set([
        ...canonicalized.flatMap(({ warnings }) => warnings),
        ...acceptedNotes(scenario, evidence.style, canonical),
        ...(byDesign ? [`expected differently by design: ${byDesign}`] : []),
      ]),
    ],
    request: canonical[0] ?? null,
    followUps: canonical.slice(1, 1 + (scenario.followUps?.length ?? 0)),
    requestCount: canonical.length,
    allowedRequests: allowed,
    output: { stdout: run.stdout, stderr: run.stderr, exitCode: run.exitCode },
    stderrTail: tail(run.stderr),
    durationMs: run.durationMs,
  }
}

// A request equal to the scenario's is equal to every sibling that passes, so agreement follows
// from the reference. What a differing cell still needs to know is which styles it sides with:
// its request problem names the siblings that send the same and those that don't.
export const compareSiblings = (cells: CellResult[]): CellResult[] => {
  const byScenario = Map.groupBy(cells, (cell) => cell.scenario)
  return cells.map((cell) => {
    const requestProblem = cell.problems.find((problem) => problem.check === 'request')
    if (!cell.request || !requestProblem) return cell
    const siblings = (byScenario.get(cell.scenario) ?? []).filter(
      (other) => other !== cell && other.request,
    )
    if (siblings.length === 0) return cell
    const mine = stableJson(cell.request)
    const same = siblings
      .filter((other) => stableJson(other.request) === mine)
      .map((other) => other.style)
    const unlike = siblings
      .filter((other) => stableJson(other.request) !== mine)
      .map((other) => other.style)
    const sides = [
      same.length > 0 && `same as ${same.join(', ')}`,
      unlike.length > 0 && `unlike ${unlike.join(', ')}`,
    ]
    const summary = `${requestProblem.summary} (${sides.filter(Boolean).join('; ')})`
    return {
      ...cell,
      problems: cell.problems.map((problem) =>
        problem === requestProblem ? { ...problem, summary } : problem,
      ),
    }
  })
}
