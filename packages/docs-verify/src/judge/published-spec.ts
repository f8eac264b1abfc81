import type { RequestEntry } from '@conformance/openrouter-mock'
import { catalogueDate, notInCatalogueHeader } from '@conformance/openrouter-mock'
import { judgeModelId, modelIdsOf, unlistedText } from './catalogue/index.ts'
import type { SpecIssue } from '../types.ts'
import type { BlockResult, Judges, PlacedSpecIssue, RunFacts } from '../types.ts'

type SpecOf = NonNullable<ReturnType<Judges['specOf']>>

export const placed = (issue: SpecIssue, name: SpecOf['name'], line?: number): PlacedSpecIssue => ({
  severity: issue.severity,
  ...(line !== undefined ? { line } : {}),
  field: issue.field,
  message: issue.message,
  schemaPath: issue.schemaPath,
  spec: `${name(issue.where.file)}:${issue.where.line}`,
})

// One issue in a reason: the field, what is wrong, and the spec's line that says so.
export const issueText = (issue: PlacedSpecIssue) =>
  `${issue.line !== undefined ? `line ${issue.line} ` : ''}${issue.field ? `${issue.field}: ` : ''}${issue.message} (${issue.spec})`

const headerOf = (entry: RequestEntry, name: string) =>
  Object.entries(entry.response?.headers ?? {}).find(
    ([header]) => header.toLowerCase() === name.toLowerCase(),
  )?.[1]

// The requests a block answers for: a block run after earlier ones sends theirs first, and they
// are judged on their own blocks.
const ownRequests = (result: BlockResult, facts: RunFacts) =>
  result.joinedWith?.length ? facts.last.requests.slice(-1) : facts.last.requests

// A block that ran, judged again beside the mock: every model id it sent against OpenRouter's
// list, every request against the site's published spec, and every answer of the mock too (a
// mock whose answer the spec does not have is ours to fix: a warning, never the page's failure).
export const withPublishedSpec = (
  result: BlockResult,
  facts: RunFacts,
  judges: Judges | undefined,
): BlockResult => {
  if (!judges || ['checker-fault', 'contained', 'skipped'].includes(result.verdict)) return result
  const requests = ownRequests(result, facts)
  const warnings: string[] = []
  const unlisted: string[] = []
  const { catalogue } = judges
  for (const entry of requests) {
    for (const { id, field } of modelIdsOf(entry.json)) {
      const judged = judgeModelId(id, catalogue)
      if (judged.listed === false)
        unlisted.push(unlistedText({ id, field }, judged.nearest, catalogue))
      else if (judged.listed === 'not-judged' && headerOf(entry, notInCatalogueHeader))
        warnings.push(
          `${field} "${id}" is not in the mock's own catalogue (as of ${catalogueDate}), and is not judged (${judged.why})`,
        )
    }
  }
  const site = judges.specOf(result.page)
  const failures: PlacedSpecIssue[] = []
  const notes: PlacedSpecIssue[] = []
  const ours: string[] = []
  // Requests the mock refused as malformed that the spec takes as sent, every field declared.
  const refusedAlone: RequestEntry[] = []
  for (const entry of site ? requests : []) {
    const { spec, name } = site!
    const checked = spec.checkRequest({
      method: entry.method,
      path: entry.path,
      headers: entry.rawHeaders,
      body: entry.body,
    })
    for (const issue of checked.issues)
      (issue.severity === 'failure' ? failures : notes).push(placed(issue, name))
    const status = entry.response?.status
    if (checked.operation && checked.issues.length === 0 && (status === 400 || status === 422))
      refusedAlone.push(entry)
    if (checked.operation && entry.response && entry.response.status < 500) {
      const contentType = headerOf(entry, 'content-type') ?? ''
      const answer = spec.checkResponse(
        checked.operation,
        entry.response.status,
        contentType,
        entry.response.body,
      )
      for (const issue of answer.filter(({ severity }) => severity === 'failure'))
        ours.push(
          `the mock's answer to ${entry.method} ${entry.path} does not fit the published spec (ours to fix, not the page's): ${issueText(placed(issue, name))}`,
        )
    }
  }
  const notices = [
    ...warnings,
    ...notes.map((issue) => `the published spec does not declare it: ${issueText(issue)}`),
    ...ours,
  ]
  const told: BlockResult = {
    ...result,
    ...(notices.length > 0 ? { notices } : {}),
    ...(failures.length + notes.length > 0 ? { specIssues: [...failures, ...notes] } : {}),
  }
  if (unlisted.length > 0 && (result.verdict === 'rejected-request' || result.verdict === 'pass'))
    return { ...told, verdict: 'rejected-request', reason: unlisted.join('; ') }
  const [refused] = refusedAlone
  if (refused && result.verdict === 'rejected-request') {
    const typeErrors = result.evidence?.typeErrors ?? []
    const mockSaid = `the mock refused ${refused.method} ${refused.path} (${refused.response!.status}), which the published spec accepts as sent, every field declared: ours to check, not the page's`
    if (typeErrors.length > 0)
      return {
        ...told,
        verdict: 'type-error',
        reason: `does not type-check: ${typeErrors.join('; ')} (and ${mockSaid})`,
      }
    return { ...told, verdict: 'checker-fault', reason: mockSaid }
  }
  if (failures.length > 0 && result.verdict === 'pass') {
    const request = requests.map((entry) => `${entry.method} ${entry.path}`).join(', ')
    return {
      ...told,
      verdict: 'against-spec',
      reason: `the published spec rejects what it sent (${request}), which the mock accepted: ${failures.map(issueText).join('; ')}`,
    }
  }
  return told
}
