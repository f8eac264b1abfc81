import type {
  BlockResult,
  Cause,
  CheckedFile,
  Evidence,
  GroupResult,
  Mode,
  Page,
  PlannedBlock,
  RunFacts,
  TypeCheckError,
  Verdict,
} from '../types.ts'
import { causeOf } from './causes.ts'
export { failingVerdict, withDirectives } from './directives.ts'
export { judgeExample } from './examples.ts'
export { withPublishedSpec } from './published-spec.ts'
import { compareTabs } from './compare.ts'
import { packageNote } from './package-notes.ts'
import { checkOperation, judgeRun, typeErrorText } from './verdict.ts'

// Type errors a block answers for: on its own lines, numbered from its first line. Reference
// notation is checked as declarations: a signature without a body, a constant without a value.
const ambient = new Set(['TS2391', 'TS1155'])
export const ownErrors = (
  planned: PlannedBlock,
  checked: CheckedFile | undefined,
): TypeCheckError[] =>
  (checked?.errors ?? [])
    .filter(
      (error) =>
        error.line > planned.prefixLines && error.line <= planned.prefixLines + planned.ownLines,
    )
    .filter(
      (error) => planned.mode === 'run' || planned.mode === 'fragment' || !ambient.has(error.code),
    )
    .map((error) => ({ ...error, line: error.line - planned.prefixLines }))

// Causes that name a package's export, option or method: the reason says which version lacks it.
const aboutAPackage = new Set<Cause>([
  'an export the package does not have',
  'an option or field the type does not have',
  'a method or property the SDK does not have',
])

// Every result gets its cause, and one that names a package says which version of it.
export const withCause = (result: BlockResult, imported: string[] = []): BlockResult => {
  const cause = causeOf(result)
  if (!cause) return result
  const caused = { ...result, cause }
  if (!aboutAPackage.has(cause)) return caused
  const message =
    result.verdict === 'type-error' ? result.evidence?.typeErrors[0] : result.evidence?.error
  const note = message && packageNote(message, imported)
  return note ? { ...caused, reason: `${caused.reason}; ${note}` } : caused
}

const lines = (numbers: number[]) =>
  `${numbers.length === 1 ? 'the block at line' : 'the blocks at lines'} ${numbers.join(', ')}`

// Why a joined block ran (or was type-checked) with others, after its own reason.
const joinedReason = (reason: string, joined: number[], how = 'run') =>
  joined.length === 0
    ? reason
    : `${reason} (${how} after ${lines(joined)}, which define${joined.length === 1 ? 's' : ''} what it uses)`

const joinedWith = (planned: PlannedBlock) =>
  planned.joined.joinedWith.length > 0 ? { joinedWith: planned.joined.joinedWith } : {}

const what: Record<Exclude<Mode, 'fragment'>, string> = {
  'type-example': 'a type example',
  declarations: 'declarations',
  values: 'the values of a type',
  signatures: 'a list of signatures',
}

// A block judged by the type checker alone: reference notation, or a fragment.
export const judgeTypes = (
  planned: PlannedBlock,
  checked: CheckedFile | undefined,
): BlockResult => {
  const { place } = planned.block
  const errors = ownErrors(planned, checked).map((error) => typeErrorText(error, place.line))
  const evidence: Evidence = { requests: [], stdoutTail: '', stderrTail: '', typeErrors: errors }
  const open = [...planned.open, ...(checked?.leftOpen ?? [])]
  const leftOpen =
    open.length > 0
      ? `; leaves open ${[...new Set(open)].join(', ')}, which nothing on the page defines`
      : ''
  const resolved = Object.entries(checked?.resolved ?? {}).map(
    ([name, module]) => `${name} as ${module}`,
  )
  const namespaces = resolved.length > 0 ? `; reads ${resolved.join(', ')}` : ''
  const result = (verdict: Verdict, reason: string): BlockResult => ({
    ...place,
    verdict,
    reason: joinedReason(reason, planned.joined.joinedWith, 'checked'),
    evidence,
    mode: planned.mode as Mode,
    ...joinedWith(planned),
  })
  if (planned.mode === 'fragment') {
    const fragment = `a fragment: uses ${planned.open.join(', ')}, which nothing on the page defines`
    if (errors.length > 0)
      return result(
        'type-error',
        `${fragment}, and the rest does not type-check: ${errors.join('; ')}`,
      )
    return result(
      'fragment',
      `${fragment} (not run${planned.checkFile ? '; the rest type-checks' : ''})`,
    )
  }
  const kind = what[planned.mode as Exclude<Mode, 'fragment'>]
  if (errors.length > 0)
    return result('type-error', `${kind}, but does not type-check: ${errors.join('; ')}`)
  return result(
    'pass',
    `${kind}: type-checks against the pinned packages, not run${namespaces}${leftOpen}`,
  )
}

// A block that ran, judged from what its runs did and the type checker's errors on its lines.
export const judgeBlockRun = (
  planned: PlannedBlock,
  facts: RunFacts,
  checked: CheckedFile | undefined,
  timeoutMs: number,
): BlockResult => {
  const { place } = planned.block
  const ran = judgeRun(
    facts,
    {
      typeErrors: ownErrors(planned, checked),
      fenceLine: place.line,
      joined: planned.joined.joinedWith.length > 0,
      onlyDeclares: planned.names?.onlyDeclares ?? false,
    },
    timeoutMs,
  )
  const check =
    place.operation && ran.verdict === 'pass' ? checkOperation(ran, place.operation) : ran
  const lost =
    planned.lost.length > 0 && check.verdict !== 'pass'
      ? ` (uses ${planned.lost.join(', ')}, which a sibling tab defines and this one never does)`
      : ''
  return {
    ...place,
    ...check,
    reason: joinedReason(`${check.reason}${lost}`, planned.joined.joinedWith),
    ...joinedWith(planned),
    ...(planned.unrendered.length > 0 ? { unrendered: planned.unrendered } : {}),
  }
}

// A page's results, in its groups: the tabs of each group compared by what they send.
export const groupsOf = (page: Page, results: BlockResult[]): GroupResult[] =>
  page.groups.map((group, g) => {
    const blocks = results.filter((_, i) => page.blocks[i]!.groupIndex === g)
    const senders = blocks.flatMap((block) =>
      block.request
        ? [{ title: block.title, request: block.request, warnings: block.warnings }]
        : [],
    )
    return {
      page: page.file,
      index: group.index,
      line: group.line,
      ...(group.standalone ? { standalone: true } : {}),
      ...(page.site ? { site: page.site } : {}),
      blocks,
      comparison: compareTabs(senders),
    }
  })
