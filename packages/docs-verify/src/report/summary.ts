import { relative } from 'node:path'
import type { BlockResult, GroupResult, ReportOptions } from '../types.ts'
import { countByCause } from '../judge/causes.ts'
import { failingVerdict } from '../judge/directives.ts'

// A failure fails the run unless the baseline accepts it or the page expects it (expect-fail).
export const isFailure = (block: BlockResult) =>
  (failingVerdict(block.verdict) || block.strictFailure === true) &&
  !block.accepted &&
  !(block.expectFail && !block.expectFail.passes)

// Blocks that pass though their page expects them to fail: named, so the directive is removed.
export const unexpectedPasses = (groups: GroupResult[]) =>
  groups.flatMap((group) => group.blocks).filter((block) => block.expectFail?.passes)

// Under --strict a fragment fails: the docs team wants every block complete.
export const strictFragments = (groups: GroupResult[]): GroupResult[] =>
  groups.map((group) => ({
    ...group,
    blocks: group.blocks.map((block) =>
      block.verdict === 'fragment' ? { ...block, strictFailure: true } : block,
    ),
  }))

// Under --strict, header differences between a group's tabs fail the group too.
export const failsOnHeaders = (group: GroupResult, strict: boolean) =>
  strict && group.comparison.headers.length > 0

export const groupFails = (group: GroupResult, strict: boolean) =>
  group.blocks.some(isFailure) || failsOnHeaders(group, strict)

// Each verdict that is not a failure has its mark; an accepted or expected failure is ≈, any
// other ✗.
const marks: Partial<Record<BlockResult['verdict'], string>> = {
  pass: '✓',
  skipped: '–',
  'definition-only': '○',
  fragment: '◌',
  'checker-fault': '⚠',
}
export const mark = (block: BlockResult) =>
  block.accepted || (block.expectFail && !block.expectFail.passes)
    ? '≈'
    : isFailure(block)
      ? '✗'
      : (marks[block.verdict] ?? '✗')

// A failure the baseline accepts, or the page expects, says so beside its verdict.
export const verdictText = (block: BlockResult) =>
  block.accepted
    ? `${block.verdict} (accepted by the baseline)`
    : block.expectFail && !block.expectFail.passes
      ? `${block.verdict} (expected by the page: ${block.expectFail.reason})`
      : block.verdict

// Every line number is a line of the page: a group's is its first fence (or <CodeGroup>).
export const where = (group: GroupResult, { base }: ReportOptions) =>
  `${relative(base, group.page)}:${group.line} (${group.pageLevel ? 'page' : group.standalone ? 'block' : `group ${group.index}`})`

export const summary = (groups: GroupResult[], strict: boolean) => {
  const blocks = groups.flatMap((group) => group.blocks)
  return {
    blocks: blocks.length,
    passed: blocks.filter((block) => block.verdict === 'pass').length,
    failed: blocks.filter(isFailure).length,
    skipped: blocks.filter((block) => block.verdict === 'skipped').length,
    accepted: blocks.filter((block) => block.accepted).length,
    expected: blocks.filter((block) => block.expectFail && !block.expectFail.passes).length,
    passingAgainstExpectation: blocks.filter((block) => block.expectFail?.passes).length,
    definitionOnly: blocks.filter((block) => block.verdict === 'definition-only').length,
    fragments: blocks.filter((block) => block.verdict === 'fragment').length,
    checkerFaults: blocks.filter((block) => block.verdict === 'checker-fault').length,
    groups: groups.length,
    groupsFailed: groups.filter((group) => groupFails(group, strict)).length,
    groupsFailedOnHeadersAlone: groups.filter(
      (group) => !group.blocks.some(isFailure) && failsOnHeaders(group, strict),
    ).length,
  }
}

// The site at a glance: its failures by cause, and the pages that have them, most first.
export const siteSummary = (groups: GroupResult[], { base }: ReportOptions) => {
  const failures = groups.flatMap((group) => group.blocks).filter(isFailure)
  const byPage = [...Map.groupBy(failures, (block) => relative(base, block.page)).entries()]
    .map(([page, blocks]) => ({ page, count: blocks.length }))
    .sort((a, b) => b.count - a.count || a.page.localeCompare(b.page))
  // One schema of the spec behind several failures (a field the docs teach and it lacks) is
  // fixed once: the spec's lines, most failures first.
  const bySpecLine = [
    ...Map.groupBy(
      failures.flatMap((block) => [
        ...new Set(
          (block.specIssues ?? [])
            .filter((issue) => issue.severity === 'failure')
            .map((issue) => issue.spec),
        ),
      ]),
      (spec) => spec,
    ).entries(),
  ]
    .map(([spec, blocks]) => ({ spec, count: blocks.length }))
    .sort((a, b) => b.count - a.count || a.spec.localeCompare(b.spec))
  return { byCause: countByCause(failures), byPage, bySpecLine }
}

// Pages the site's navigation lists, and pages only a link reaches, apart: a team fixes the
// first before the second. Nothing is said where the site has no navigation to read.
export const navigationSummary = (groups: GroupResult[]) => {
  const pages = [...Map.groupBy(groups, (group) => group.page).values()]
  const part = (inNavigation: boolean) => {
    const listed = pages.filter((page) => page[0]!.site?.inNavigation === inNavigation)
    return {
      pages: listed.length,
      failing: listed.filter((page) => page.some((group) => group.blocks.some(isFailure))).length,
    }
  }
  const [listed, linked] = [part(true), part(false)]
  return listed.pages + linked.pages > 0 ? { listed, linked } : undefined
}

export const navigationLine = (groups: GroupResult[]) => {
  const parts = navigationSummary(groups)
  if (!parts) return []
  const count = ({ pages, failing }: { pages: number; failing: number }) =>
    `${pages} page${pages === 1 ? '' : 's'} (${failing} failing)`
  return [
    `Pages: ${count(parts.listed)} in the site's navigation, ${count(parts.linked)} reachable only by link`,
  ]
}

export const siteSummaryLines = (groups: GroupResult[], options: ReportOptions) => {
  const { byCause, byPage, bySpecLine } = siteSummary(groups, options)
  if (byCause.length === 0) return navigationLine(groups)
  return [
    ...navigationLine(groups),
    `Failures by cause: ${byCause.map(({ cause, count }) => `${count} ${cause}`).join(', ')}`,
    `Failures by page: ${byPage.map(({ page, count }) => `${page} ${count}`).join(', ')}`,
    ...(bySpecLine.length > 0
      ? [
          `Failures by the spec's line that says so: ${bySpecLine.map(({ spec, count }) => `${spec} ${count}`).join(', ')}`,
        ]
      : []),
  ]
}

// One sentence for both the terminal and Markdown, so block counts and group verdicts never disagree.
export const summaryLine = (groups: GroupResult[], strict: boolean) => {
  const s = summary(groups, strict)
  const headers =
    s.groupsFailedOnHeadersAlone > 0
      ? `, ${s.groupsFailedOnHeadersAlone} on header differences alone (--strict)`
      : ''
  const accepted = s.accepted > 0 ? `, ${s.accepted} accepted by the baseline` : ''
  const expected = s.expected > 0 ? `, ${s.expected} expected to fail by their page` : ''
  const declaring = s.definitionOnly > 0 ? `, ${s.definitionOnly} only declare` : ''
  const fragments =
    s.fragments > 0 ? `, ${s.fragments} fragment${s.fragments === 1 ? '' : 's'}` : ''
  const ours =
    s.checkerFaults > 0
      ? `, ${s.checkerFaults} the checker's own fault (not the page's: please report it)`
      : ''
  return `blocks: ${s.passed} passed, ${s.failed} failed${accepted}${expected}${declaring}${fragments}, ${s.skipped} skipped${ours}; groups: ${s.groupsFailed} of ${s.groups} failed${headers}`
}

export const headerMark = (strict: boolean) => (strict ? '✗' : '!')
