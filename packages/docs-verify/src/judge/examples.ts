import { readJsonExample, readStreamExample, type JsonExample } from '../parse/examples.ts'
import type {
  BlockPlace,
  BlockResult,
  Evidence,
  ExampleBlock,
  ExampleTarget,
  Judges,
  Page,
  SiteSpec,
  SpecIssue,
  SpecOperation,
} from '../types.ts'
import { judgeModelId, modelIdsOf, unlistedText } from './catalogue/index.ts'
import { issueText, placed } from './published-spec.ts'

// A block beside an example: judged already, or an example itself (only its place is known).
type Neighbour = BlockPlace & { evidence?: Evidence }

// An example illustrates a schema when most of its top-level fields are the schema's own: below
// this, it is some other JSON (a client's config, a tool definition) and is not judged.
const confidentFit = 0.5
const closeFit = 0.8

const what = { json: 'a JSON example', stream: "a stream's events" } as const

// The operations a program block sent to, or declares it is the example of, or (a block the
// checker did not run) the URL its code names: what an example beside it illustrates.
const operationsOf = (result: Neighbour, spec: SiteSpec): SpecOperation[] => {
  const sent = (result.evidence?.requests ?? []).flatMap((request) => {
    const operation = spec.operationOf(request.method, request.path)
    return operation ? [operation] : []
  })
  if (sent.length > 0) return [...new Set(sent)]
  if (result.operation) {
    const declared = spec.operationOf(result.operation.method, result.operation.path)
    if (declared) return [declared]
  }
  const url = /https?:\/\/[\w.-]+(\/api\/v\d+\/[\w{}\-./]+)/.exec(result.code ?? '')?.[1]
  if (!url) return []
  const methods = spec
    .operations()
    .filter((operation) => spec.operationOf(operation.method, url) === operation)
  if (methods.length <= 1) return methods
  // A path with several methods: a body in the code means it is sent with one.
  const body = /(^|\s)(-d|--data\S*|--json)\s|\bbody\s*[:=]|\bjson\s*=/.test(result.code ?? '')
  return methods.filter((operation) => (operation.method === 'get') !== body)
}

// Where on the page an example's operation is named, and how closely the example must fit it to
// be judged: a tab of its own group that sent a request, else the nearest block before it under
// the same heading, else the heading itself, else the page's own operation (an API page's front
// matter); else the nearest call in an earlier section ("## Response" after "## Request"), which
// only an example that fits it closely illustrates.
const illustrated = (results: Neighbour[], page: Page, index: number, spec: SiteSpec) => {
  const group = page.blocks[index]!.groupIndex
  const siblings = results.filter((_, i) => i !== index && page.blocks[i]!.groupIndex === group)
  const fromGroup = [...new Set(siblings.flatMap((result) => operationsOf(result, spec)))]
  if (fromGroup.length > 0) return { operations: fromGroup, fit: confidentFit }
  const section = page.blocks[index]!.section
  const named = () => {
    const fromHeading = headingOperations(page.blocks[index]!.heading ?? '', spec)
    if (fromHeading.length > 0) return fromHeading
    const own = page.operation && spec.operationOf(page.operation.method, page.operation.path)
    return own ? [own] : []
  }
  for (let i = index - 1; i >= 0; i--) {
    const before = operationsOf(results[i]!, spec)
    if (page.blocks[i]!.section !== section) {
      if (named().length > 0) return { operations: named(), fit: confidentFit }
      if (before.length > 0) return { operations: before, fit: closeFit }
      continue
    }
    if (before.length > 0) return { operations: before, fit: confidentFit }
  }
  return { operations: named(), fit: confidentFit }
}

// The operations a heading names by their path (`POST /api/v1/keys`, "The \`/messages\` route").
const headingOperations = (heading: string, spec: SiteSpec) => {
  const named = [...heading.matchAll(/(?:\b(GET|POST|PUT|PATCH|DELETE)\s+)?`?(\/[\w{}\-./]+)/gi)]
  return named.flatMap(([, method, path]) =>
    spec
      .operations()
      .filter(
        (operation) =>
          (!method || operation.method === method.toLowerCase()) &&
          spec.operationOf(operation.method, path!) === operation,
      ),
  )
}

// A JSON value shows a request body, a response, or one event of a streamed response.
const targetName = (operation: SpecOperation, target: ExampleTarget) =>
  `${target.role === 'request' ? 'the request body' : target.stream ? 'an event of the stream' : `the ${target.status} response`} of ${operation.method.toUpperCase()} ${operation.path}`

type Candidate = {
  operation: SpecOperation
  target: ExampleTarget
  fit: number
  issues: SpecIssue[]
}

// The reading of an example that fits it best: the most fitting schema, and of those equally
// fitting, the one it breaks least, then leaves least out (an error body fits every error status
// alike, and a stream's error event too); a whole answer before one event of a stream.
const best = (candidates: Candidate[], fit: number) =>
  candidates
    .filter((candidate) => candidate.fit >= fit)
    .sort(
      (a, b) =>
        b.fit - a.fit ||
        failures(a.issues).length - failures(b.issues).length ||
        a.issues.length - b.issues.length ||
        Number(Boolean(a.target.stream)) - Number(Boolean(b.target.stream)) ||
        Number(b.target.role === 'request') - Number(a.target.role === 'request'),
    )[0]

const failures = (issues: SpecIssue[]) => issues.filter(({ severity }) => severity === 'failure')

const missingRequired = (issue: SpecIssue) => /\brequired\b/.test(issue.message)

// A request body that shows none of the fields the operation requires is a part of one (the
// option a section is about), not a body to send: what it leaves out is a warning.
const asPart = (spec: SiteSpec, candidate: Candidate, value: unknown): SpecIssue[] => {
  const topMissing = candidate.issues.filter(
    (issue) => issue.severity === 'failure' && missingRequired(issue) && !issue.field.includes('/'),
  )
  if (candidate.target.role !== 'request' || topMissing.length === 0) return candidate.issues
  const fields = Object.keys(value as object)
  const showsRequired = fields.some((field) => {
    const without = Object.fromEntries(
      Object.entries(value as object).filter(([key]) => key !== field),
    )
    return spec
      .checkExample(candidate.operation, 'request', without)
      .issues.some((issue) => missingRequired(issue) && issue.field === field)
  })
  if (showsRequired) return candidate.issues
  return candidate.issues.map((issue) =>
    topMissing.includes(issue)
      ? { ...issue, severity: 'warning', message: `${issue.message}: a part of a request body?` }
      : issue,
  )
}

const notJudged = (block: ExampleBlock, reason: string): BlockResult => ({
  ...block.block.place,
  verdict: 'skipped',
  reason: `${what[block.kind]}: not judged, ${reason}`,
})

// A JSON example or a stream's events, held to the published spec of the operation it
// illustrates: a field the schema lacks, a wrong type, a value outside an enum fail; what an
// abridged example leaves out is a warning; a part the page elides (`...`) is not judged.
export const judgeExample = (
  block: ExampleBlock,
  results: Neighbour[],
  page: Page,
  index: number,
  judges: Judges | undefined,
): BlockResult => {
  const site = judges?.specOf(page.file)
  if (!site)
    return notJudged(block, "the site names no OpenAPI spec (docs.json's openapi, or --spec FILE)")
  const { spec } = site
  const { operations, fit } = illustrated(results, page, index, spec)
  if (operations.length === 0)
    return notJudged(block, 'no call beside it says which operation it illustrates')
  const { place } = block.block
  const values: { value: unknown; example?: JsonExample; line: number }[] = []
  if (block.kind === 'json') {
    const read = readJsonExample(block.block.code)
    if ('problem' in read)
      return notJudged(
        block,
        `it does not read as JSON (${read.problem} at line ${place.line + read.line})`,
      )
    values.push({ value: read.value, example: read, line: 1 })
  } else {
    for (const event of readStreamExample(block.block.code) ?? []) {
      if (event.problem)
        return {
          ...place,
          verdict: 'against-spec',
          reason: `${what.stream}: the event at line ${place.line + event.line} is not JSON (${event.problem})`,
        }
      values.push({ value: event.data, line: event.line })
    }
  }
  const stream = block.kind === 'stream'
  const judgedValues = values.map(({ value, example, line }) => {
    const candidates = operations.flatMap((operation) =>
      spec
        .exampleSchemas(operation)
        .filter((target) => target.stream || !stream)
        .map((target): Candidate => {
          const { role, ...options } = target
          const checked = {
            operation,
            target,
            ...spec.checkExample(operation, role, value, options),
          }
          return { ...checked, issues: asPart(spec, checked, value) }
        }),
    )
    const chosen = best(candidates, fit)
    if (!chosen) return undefined
    // An example that breaks the schema beside it, and fits another operation's as a glove, is
    // that other one's (a Responses body after a Chat Completions call): not judged.
    if (chosen.fit < 1 && failures(chosen.issues).length > 0) {
      const elsewhere = spec
        .operations()
        .filter((operation) => !operations.includes(operation))
        .flatMap((operation) =>
          spec
            .exampleSchemas(operation)
            .filter(
              (target) =>
                target.role === chosen.target.role &&
                Boolean(target.stream) === Boolean(chosen.target.stream),
            )
            .map((target) => {
              const { role, ...options } = target
              return { operation, target, ...spec.checkExample(operation, role, value, options) }
            }),
        )
        .find((other) => other.fit === 1 && failures(other.issues).length === 0)
      if (elsewhere) return { elsewhere: targetName(elsewhere.operation, elsewhere.target) }
    }
    const issues = chosen.issues
      .filter((issue) => !example?.elided(issue.field))
      .map((issue) => placed(issue, site.name, place.line + (example?.lineOf(issue.field) ?? line)))
    return { chosen, issues, value }
  })
  const other = judgedValues.find((judged) => judged && 'elsewhere' in judged)
  if (other && 'elsewhere' in other)
    return notJudged(
      block,
      `it fits ${other.elsewhere} as written, not the operation the call beside it sends to`,
    )
  const fitting = judgedValues.filter(
    (judged): judged is Exclude<typeof judged, undefined | { elsewhere: string }> =>
      judged !== undefined && !('elsewhere' in judged),
  )
  if (fitting.length === 0)
    return notJudged(
      block,
      `not a request or response of the API (it fits none of ${operations.map((operation) => `${operation.method.toUpperCase()} ${operation.path}`).join(', ')} confidently)`,
    )
  const issues = fitting.flatMap((judged) => judged.issues)
  const wrong = issues.filter(({ severity }) => severity === 'failure')
  const models = fitting
    .filter((judged) => judged.chosen.target.role === 'request' && judges?.catalogue)
    .flatMap((judged) => modelIdsOf(judged.value))
    .flatMap(({ id, field }) => {
      const judged = judgeModelId(id, judges!.catalogue)
      return judged.listed === false
        ? [unlistedText({ id, field }, judged.nearest, judges!.catalogue)]
        : []
    })
  const { operation, target: shown } = fitting[0]!.chosen
  const target =
    block.kind === 'stream'
      ? `${operation.method.toUpperCase()} ${operation.path}`
      : targetName(operation, shown)
  const notices = issues.filter(({ severity }) => severity === 'warning').map(issueText)
  const result = {
    ...place,
    ...(notices.length > 0 ? { notices } : {}),
    ...(issues.length > 0 ? { specIssues: issues } : {}),
  }
  if (wrong.length > 0)
    return {
      ...result,
      verdict: 'against-spec',
      reason: `${what[block.kind]} of ${target}, which the published spec contradicts: ${wrong.map(issueText).join('; ')}`,
    }
  if (models.length > 0)
    return {
      ...result,
      verdict: 'against-spec',
      reason: `${what[block.kind]} of ${target}: ${models.join('; ')}`,
    }
  return {
    ...result,
    verdict: 'pass',
    reason: `${what[block.kind]} of ${target}: fits the published spec${notices.length > 0 ? ' (abridged)' : ''}`,
  }
}
