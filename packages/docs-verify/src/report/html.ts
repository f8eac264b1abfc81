import { relative } from 'node:path'
import { escapeXml as escape } from '@conformance/common'
import { placeholderTable } from '../plan/placeholders.ts'
import { markedLines, type MarkedLine } from './marked-lines.ts'
import type { BlockResult, GroupResult, ReportOptions } from '../types.ts'
import {
  groupFails,
  headerMark,
  isFailure,
  mark,
  navigationLine,
  siteSummary,
  summary,
  summaryLine,
  unexpectedPasses,
  verdictText,
} from './summary.ts'

// The docs check as a site report, one self-contained page (no script, no external resource) to
// attach to a CI run or open from disk. Pages are named from the docs root and listed by the
// site's sections, the navigation's apart from those only a link reaches; failing sections, pages
// and blocks come first and open, passing ones folded. Radio buttons filter the listing by
// verdict, cause and section with CSS alone (`:has()`), and the failures by cause are a bar chart.

// ——— the site, as the report lists it ———

// Pages the navigation lists, pages only a link reaches, and pages of a site with no navigation
// (listed by folder), in this order: a team fixes what its readers find first.
const parts = ['navigation', 'link-only', 'folder'] as const
type Part = (typeof parts)[number]
const partTitles: Record<Part, string> = {
  navigation: 'In the navigation',
  'link-only': 'Reachable only by link',
  folder: 'By folder',
}

type Counts = { passed: number; failed: number; other: number }

type ListedPage = {
  id: string
  path: string
  part: Part
  section: string
  selected?: string
  groups: GroupResult[]
  // Failures first, each in page order.
  blocks: BlockResult[]
  counts: Counts
  fails: boolean
}

type ListedSection = {
  id: string
  part: Part
  label: string
  pages: ListedPage[]
  fails: boolean
}

const pageCounts = (blocks: BlockResult[]): Counts => ({
  passed: blocks.filter((block) => block.verdict === 'pass').length,
  failed: blocks.filter(isFailure).length,
  other: blocks.filter((block) => block.verdict !== 'pass' && !isFailure(block)).length,
})

// The page as its docs team names it: from the docs root, else from where the checker ran.
const pagePath = (group: GroupResult, { base }: ReportOptions) =>
  group.site?.path ?? relative(base, group.page)

const folderOf = (path: string) => path.split(/[\\/]/).slice(0, -1)

const partOf = (group: GroupResult): Part =>
  group.site?.inNavigation === undefined
    ? 'folder'
    : group.site.inNavigation
      ? 'navigation'
      : 'link-only'

// A page at the top of the navigation, or in the docs root's own folder, is in no section.
const sectionLabel = (section: string[]) => section.join(' › ') || '(top level)'

const failingFirst = (a: { fails: boolean }, b: { fails: boolean }) =>
  Number(b.fails) - Number(a.fails)

const listedPage = (groups: GroupResult[], options: ReportOptions) => {
  const [first] = groups as [GroupResult]
  const path = pagePath(first, options)
  const blocks = groups
    .flatMap((group) => group.blocks)
    .sort((a, b) => Number(isFailure(b)) - Number(isFailure(a)))
  return {
    path,
    part: partOf(first),
    section: sectionLabel(first.site?.section ?? folderOf(path)),
    selected: first.site?.selected,
    groups,
    blocks,
    counts: pageCounts(blocks),
    fails: groups.some((group) => groupFails(group, options.strict)),
  }
}

// Sections in their part's order, those with failures first, then by name; within a section,
// failing pages first, then by path. Ids follow that order, so the page's links do too.
const siteListing = (groups: GroupResult[], options: ReportOptions): ListedSection[] => {
  const pages = [...Map.groupBy(groups, (group) => group.page).values()].map((page) =>
    listedPage(page, options),
  )
  const sections = [...Map.groupBy(pages, (page) => `${page.part}\n${page.section}`).values()]
    .map((pages) => ({
      part: pages[0]!.part,
      label: pages[0]!.section,
      pages: pages.sort((a, b) => failingFirst(a, b) || a.path.localeCompare(b.path)),
      fails: pages.some((page) => page.fails),
    }))
    .sort(
      (a, b) =>
        parts.indexOf(a.part) - parts.indexOf(b.part) ||
        failingFirst(a, b) ||
        a.label.localeCompare(b.label),
    )
  let pageNumber = 0
  return sections.map((section, i) => ({
    ...section,
    id: `s${i + 1}`,
    pages: section.pages.map((page) => ({ ...page, id: `page-${++pageNumber}` })),
  }))
}

const blockId = (page: ListedPage, index: number) => `${page.id}-block-${index + 1}`

// ——— filters: radio buttons, and a CSS rule for each value that occurs ———

// One radio button of a filter: `match` is the attribute selector a block it keeps has (none for
// "all"). Causes and sections are free text: their attributes hold short ids, so no selector has
// to escape them.
type Choice = { id: string; label: string; count: number; match: string; part?: Part }

const allChoice = (filter: string, count: number): Choice => ({
  id: `${filter}-all`,
  label: 'all',
  count,
  match: '',
})

const mostFirst = <T extends string>(groups: Map<T, BlockResult[]>) =>
  [...groups.entries()].sort(
    ([a, aBlocks], [b, bBlocks]) => bBlocks.length - aBlocks.length || a.localeCompare(b),
  )

const verdictChoices = (blocks: BlockResult[]): Choice[] => [
  allChoice('verdict', blocks.length),
  {
    id: 'verdict-failing',
    label: 'failing',
    count: blocks.filter(isFailure).length,
    match: '[data-failed="true"]',
  },
  ...mostFirst(Map.groupBy(blocks, (block) => block.verdict)).map(([verdict, blocks]) => ({
    id: `verdict-${verdict}`,
    label: verdict,
    count: blocks.length,
    match: `[data-verdict="${verdict}"]`,
  })),
]

// The causes blocks have, most first, with the id each block's data-cause holds.
const causeIds = (blocks: BlockResult[]) =>
  new Map<string, string>(
    mostFirst(
      Map.groupBy(
        blocks.filter((block) => block.cause),
        (block) => block.cause!,
      ),
    ).map(([cause], i) => [cause, `c${i + 1}`]),
  )

const causeChoices = (blocks: BlockResult[], ids: Map<string, string>): Choice[] => [
  allChoice('cause', blocks.length),
  ...[...ids].map(([cause, id]) => ({
    id: `cause-${id}`,
    label: cause,
    count: blocks.filter((block) => block.cause === cause).length,
    match: `[data-cause="${id}"]`,
  })),
]

const sectionChoices = (sections: ListedSection[], blocks: number): Choice[] => [
  allChoice('section', blocks),
  ...sections.map((section) => ({
    id: `section-${section.id}`,
    label: section.label,
    count: section.pages.reduce((sum, page) => sum + page.blocks.length, 0),
    match: `[data-section="${section.id}"]`,
    part: section.part,
  })),
]

const radio = (filter: string, choice: Choice) =>
  `<label><input type="radio" name="${filter}" id="${choice.id}" value="${choice.id}"${choice.match ? '' : ' checked'}> ${escape(choice.label)} <span class="count">(${choice.count})</span></label>`

// A filter's radio buttons; sections are grouped under their part, as the listing is.
const fieldset = (filter: string, choices: Choice[]) => {
  const groups = Map.groupBy(choices, (choice) => choice.part)
  const radios = [...groups].map(([part, choices]) =>
    part
      ? `<span class="part-choices"><span class="part-name">${partTitles[part]}:</span> ${choices.map((choice) => radio(filter, choice)).join(' ')}</span>`
      : choices.map((choice) => radio(filter, choice)).join(' '),
  )
  return `<fieldset id="filter-${filter}"><legend>${filter}</legend>${radios.join(' ')}</fieldset>`
}

const filterForm = (filters: Record<string, Choice[]>) =>
  `<form id="filters">${Object.entries(filters)
    .map(([filter, choices]) => fieldset(filter, choices))
    .join('\n')}<input type="reset" value="show everything"></form>`

// The form asks about its own inputs, and the listing after it follows (`~`): a `:has()` asked of
// the whole body would walk every element of the site at each style update.
const whenChecked = (choices: Choice[]) =>
  `#filters${choices.map((choice) => `:has(#${choice.id}:checked)`).join('')} ~ #listing`

// The way down from each container to its blocks, child by child: `:has()` then looks that deep
// and no deeper, and each selector is filed under its container's class (an `:is()` list would be
// tried on every element), which keeps a click fast on a site of hundreds of pages.
const toBlocks = {
  'section.page': '> details > article.block',
  'section.section': '> details > section.page > details > article.block',
  'section.part': '> section.section > details > section.page > details > article.block',
}

const hide = (selectors: string[]) => `${selectors.join(',\n')} { display: none; }`

// Verdict and cause both say which blocks a page keeps, and a page, section or part is hidden when
// none of its blocks matches both at once: a page with a block of the verdict and another of the
// cause keeps nothing. So one rule per pair of choices, not one per choice.
const blockRule = (verdict: Choice, cause: Choice) => {
  const when = whenChecked([verdict, cause].filter((choice) => choice.match))
  const match = `${verdict.match}${cause.match}`
  return hide([
    `${when} article.block:not(${match})`,
    ...Object.entries(toBlocks).map(
      ([container, path]) => `${when} ${container}:not(:has(${path}${match}))`,
    ),
  ])
}

// A section is where a block is, not what it is: its choice hides the blocks and sections
// elsewhere, and the parts without it, whatever the verdict and cause, so it needs no pairs.
const sectionRule = (section: Choice) => {
  const when = whenChecked([section])
  return hide([
    `${when} section.section:not(${section.match})`,
    `${when} article.block:not(${section.match})`,
    `${when} section.part:not(:has(> section.section${section.match}))`,
  ])
}

const filterStyle = (filters: { verdict: Choice[]; cause: Choice[]; section: Choice[] }) => {
  const active = (choices: Choice[]) => choices.filter((choice) => choice.match)
  const pairs = filters.verdict.flatMap((verdict) =>
    filters.cause
      .filter((cause) => verdict.match || cause.match)
      .map((cause) => blockRule(verdict, cause)),
  )
  const anyFilter = `#filters:has(input:checked:not([id$="-all"])) ~ #listing`
  return [
    ...pairs,
    ...active(filters.section).map(sectionRule),
    // With a section chosen its part's heading would stand over nothing when the section keeps
    // no block (a rule for that would be one per section, verdict and cause): the section's own
    // heading says where it is.
    `#filters:has(#filter-section input:checked:not(#section-all)) ~ #listing section.part > h2 { display: none; }`,
    // A filter shows what it keeps: the sections and pages holding it unfold (the blocks stay as
    // they are, failures open), until every filter is back to "all".
    `${anyFilter} section.section > details::details-content,\n${anyFilter} section.page > details::details-content { content-visibility: visible; }`,
  ].join('\n')
}

// ——— the parts of the page ———

const style = `
  body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem; color: #1f2328; max-width: 80rem; }
  .summary, .counts { color: #59636e; }
  table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
  th, td { text-align: left; padding: 0.2rem 0.75rem 0.2rem 0; vertical-align: top; }
  #by-cause td.count { text-align: right; }
  #by-cause td.bar-cell { width: 24rem; vertical-align: middle; }
  #by-cause .bar { display: block; height: 0.9rem; background: #cf222e; border-radius: 2px; }
  #by-cause label { cursor: pointer; }
  #filters fieldset { border: 1px solid #d1d9e0; border-radius: 6px; margin: 0 0 0.5rem; }
  #filters legend { font-weight: 600; }
  #filters label { white-space: nowrap; margin-right: 0.75rem; }
  #filters label:has(input:checked) { font-weight: 600; }
  #filters .part-choices { display: block; }
  #filters .part-name { color: #59636e; margin-right: 0.5rem; }
  section.part { margin: 2rem 0; }
  section.section { margin: 1rem 0; border-top: 1px solid #d1d9e0; }
  section.page { margin: 0.5rem 0 0.5rem 1rem; }
  summary { cursor: pointer; }
  summary > :is(h3, h4, h5) { display: inline; margin: 0 0.5rem 0 0; }
  article.block { border: 1px solid #d1d9e0; border-radius: 6px; padding: 0.25rem 1rem; margin: 0.5rem 0 0.5rem 1rem; }
  article.block[data-failed="true"] { border-color: #cf222e; }
  article.block[data-verdict="skipped"], article.block[data-verdict="definition-only"], article.block[data-verdict="fragment"] { opacity: 0.75; }
  pre.marked mark { background: #fde2e1; }
  pre.marked .at-fault { color: #b42318; }
  .verdict[data-failed="true"] { color: #cf222e; }
  .verdict[data-verdict="pass"] { color: #1a7f37; }
  .fix { color: #0969da; }
  .warning, .expect-fail, .selected { color: #9a6700; }
  pre { background: #f6f8fa; padding: 0.75rem; overflow-x: auto; font-size: 13px; }
  code { font-family: ui-monospace, monospace; }
  h6 { font-size: 0.9rem; margin: 0.75rem 0 0.25rem; }
`

const pre = (text: string) => `<pre><code>${escape(text)}</code></pre>`

// An example's code with each line the spec finds at fault marked, and why beside it.
const markedPre = (lines: MarkedLine[]) =>
  `<pre class="marked"><code>${lines
    .map(({ line, text, marks }) =>
      marks.length > 0
        ? `<mark data-line="${line}" title="${escape(marks.join('\n'))}">${escape(text)}</mark><span class="at-fault"> ← ${escape(marks.join('; '))}</span>`
        : escape(text),
    )
    .join('\n')}</code></pre>`

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`

const details = (open: boolean, summary: string, body: string[]) =>
  `<details${open ? ' open' : ''}><summary>${summary}</summary>\n${body.join('\n')}\n</details>`

const evidence = (block: BlockResult) => {
  const parts: string[] = []
  const requests = block.evidence?.requests ?? []
  if (requests.length > 0)
    parts.push(
      '<h6>sent</h6>',
      `<ul class="requests">${requests
        .map(
          (request) =>
            `<li><code>${escape(`${request.method} ${request.path}`)}</code> → ${request.status}</li>`,
        )
        .join('')}</ul>`,
    )
  const typeErrors = block.evidence?.typeErrors ?? []
  if (typeErrors.length > 0)
    parts.push(
      '<h6>type errors</h6>',
      `<ul class="type-errors">${typeErrors.map((error) => `<li>${escape(error)}</li>`).join('')}</ul>`,
    )
  if (block.evidence?.error)
    parts.push(
      `<h6>error${block.evidence.exitCode === undefined ? '' : ` (exit code ${block.evidence.exitCode})`}</h6>`,
      pre(block.evidence.error),
    )
  if (block.evidence?.stdoutTail) parts.push('<h6>printed</h6>', pre(block.evidence.stdoutTail))
  if (block.evidence?.stderrTail) parts.push('<h6>stderr</h6>', pre(block.evidence.stderrTail))
  return parts
}

// On the block's folded line, so a passing block that needs its directive removed is seen too.
const expectFailNote = (block: BlockResult) =>
  block.expectFail?.passes
    ? ` <span class="expect-fail">the page expects it to fail (${escape(block.expectFail.reason)}) and it passes now: remove the expect-fail directive</span>`
    : ''

const blockArticle = (
  block: BlockResult,
  id: string,
  section: string,
  causes: Map<string, string>,
) => {
  const failed = isFailure(block)
  const cause = block.cause ? ` data-cause="${causes.get(block.cause)}"` : ''
  const summary = `<h5>${escape(`line ${block.line} › ${block.title}`)}</h5> <span class="verdict" data-verdict="${block.verdict}" data-failed="${failed}">${escape(`${mark(block)} ${verdictText(block)}`)}</span>${expectFailNote(block)}`
  const body = [`<p class="reason">${escape(block.reason)}</p>`]
  if (block.cause) body.push(`<p class="cause">cause: ${escape(block.cause)}</p>`)
  if (block.fix) body.push(`<p class="fix">fix: ${escape(block.fix)}</p>`)
  for (const note of block.directiveNotes ?? [])
    body.push(`<p class="directive">directive: ${escape(note)}</p>`)
  if (block.joinedWith)
    body.push(
      `<p class="joined">ran after the block${block.joinedWith.length === 1 ? '' : 's'} at line ${block.joinedWith.join(', ')}</p>`,
    )
  for (const warning of block.warnings) body.push(`<p class="warning">! ${escape(warning)}</p>`)
  for (const notice of block.notices ?? [])
    body.push(`<p class="notice">notice: ${escape(notice)}</p>`)
  const marked = markedLines(block)
  if (block.code !== undefined)
    body.push(
      `<details class="code"${failed ? ' open' : ''}><summary>the block, as the page has it${marked ? ', its lines at fault marked' : ''}</summary>${marked ? markedPre(marked) : pre(block.code)}</details>`,
    )
  const shown = evidence(block)
  if (shown.length > 0)
    body.push(
      `<details class="evidence"${failed ? ' open' : ''}><summary>evidence</summary>${shown.join('\n')}</details>`,
    )
  return [
    `<article class="block" id="${id}" data-line="${block.line}" data-verdict="${block.verdict}" data-failed="${failed}"${cause} data-section="${section}">`,
    details(failed, summary, body),
    '</article>',
  ].join('\n')
}

const countsText = ({ passed, failed, other }: Counts) =>
  `${passed} passed, ${failed} failed, ${other} not judged or only declaring`

const pageSection = (
  page: ListedPage,
  section: string,
  causes: Map<string, string>,
  strict: boolean,
) => {
  const selected = page.selected
    ? ` <span class="selected">selected by --changed-since: ${escape(page.selected)}</span>`
    : ''
  const summary = `<h4>${escape(page.path)}</h4> <span class="counts">${countsText(page.counts)}</span>${selected}`
  const headers = page.groups.flatMap((group) =>
    group.comparison.headers.map(
      (line) =>
        `<p class="warning">${headerMark(strict)} ${escape(`${page.path}:${group.line}`)} headers differ: ${escape(line)}</p>`,
    ),
  )
  const blocks = page.blocks.map((block, i) =>
    blockArticle(block, blockId(page, i), section, causes),
  )
  return [
    `<section class="page" id="${page.id}" data-page="${escape(page.path)}" data-failed="${page.counts.failed}">`,
    details(page.fails, summary, [...headers, ...blocks]),
    '</section>',
  ].join('\n')
}

const siteSection = (section: ListedSection, causes: Map<string, string>, strict: boolean) => {
  const failing = section.pages.filter((page) => page.fails).length
  const summary = `<h3>${escape(section.label)}</h3> <span class="counts">${plural(section.pages.length, 'page')}, ${failing} failing</span>`
  const pages = section.pages.map((page) => pageSection(page, section.id, causes, strict))
  return [
    `<section class="section" id="${section.id}" data-section="${section.id}" data-part="${section.part}">`,
    details(section.fails, summary, pages),
    '</section>',
  ].join('\n')
}

const partSections = (sections: ListedSection[], causes: Map<string, string>, strict: boolean) =>
  parts
    .map((part) => ({ part, sections: sections.filter((section) => section.part === part) }))
    .filter(({ sections }) => sections.length > 0)
    .map(({ part, sections }) =>
      [
        `<section class="part" data-part="${part}">`,
        `<h2>${partTitles[part]}</h2>`,
        ...sections.map((section) => siteSection(section, causes, strict)),
        '</section>',
      ].join('\n'),
    )
    .join('\n')

// The failures by cause, as rows of a table that is a bar chart: count, bar, cause. A bar's width
// is its share of the largest count; a cause the filter knows is a label that filters by it.
const causeChart = (byCause: { cause: string; count: number }[], causes: Map<string, string>) => {
  const most = Math.max(...byCause.map(({ count }) => count))
  const rows = byCause.map(({ cause, count }) => {
    const id = causes.get(cause)
    const label = id ? `<label for="cause-${id}">${escape(cause)}</label>` : escape(cause)
    return `<tr${id ? ` data-cause="${id}"` : ''}><td class="count">${count}</td><td class="bar-cell"><span class="bar" style="width: ${((100 * count) / most).toFixed(2)}%"></span></td><td class="cause">${label}</td></tr>`
  })
  return `<table id="by-cause"><tbody>${rows.join('') || '<tr><td>none</td></tr>'}</tbody></table>`
}

const pagesTable = (pages: ListedPage[]) =>
  `<details id="all-pages"><summary>${plural(pages.length, 'page')}, in the order listed below</summary>
<table id="pages"><thead><tr><th>page</th><th>passed</th><th>failed</th><th>not judged or only declaring</th></tr></thead><tbody>${pages
    .map(
      ({ id, path, counts }) =>
        `<tr data-failed="${counts.failed}"><td><a href="#${id}">${escape(path)}</a></td><td>${counts.passed}</td><td>${counts.failed}</td><td>${counts.other}</td></tr>`,
    )
    .join('')}</tbody></table></details>`

// What the top of the report says beyond the summary: how many pages --changed-since chose, and
// the blocks whose expect-fail directive is to go (they pass, folded, in passing sections).
const notices = (sections: ListedSection[], groups: GroupResult[]) => {
  const pages = sections.flatMap((section) => section.pages)
  const lines: string[] = []
  const selected = pages.filter((page) => page.selected).length
  if (selected > 0)
    lines.push(`<p id="selected">${plural(selected, 'page')} selected by --changed-since</p>`)
  const ids = new Map(
    pages.flatMap((page) => page.blocks.map((block, i) => [block, { page, id: blockId(page, i) }])),
  )
  const passing = unexpectedPasses(groups).map((block) => {
    const { page, id } = ids.get(block)!
    return `<li><a href="#${id}">${escape(`${page.path}:${block.line} › ${block.title}`)}</a> (expect-fail: ${escape(block.expectFail!.reason)}): remove the directive</li>`
  })
  if (passing.length > 0)
    lines.push(
      `<p>Passes though its page expects it to fail:</p><ul id="unexpected-passes">${passing.join('')}</ul>`,
    )
  return lines.join('\n')
}

export const htmlReport = (groups: GroupResult[], options: ReportOptions) => {
  const sections = siteListing(groups, options)
  const pages = sections.flatMap((section) => section.pages)
  const blocks = groups.flatMap((group) => group.blocks)
  const causes = causeIds(blocks)
  const filters = {
    verdict: verdictChoices(blocks),
    cause: causeChoices(blocks, causes),
    section: sectionChoices(sections, blocks.length),
  }
  const { byCause } = siteSummary(groups, options)
  const s = summary(groups, options.strict)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Docs check: ${s.failed === 0 && s.groupsFailed === 0 ? 'passed' : 'failed'}</title>
<style>${style}
${filterStyle(filters)}
</style>
</head>
<body>
<h1>Docs check: ${plural(pages.length, 'page')}, ${s.blocks} blocks</h1>
<p class="summary" id="summary">${escape(summaryLine(groups, options.strict))}</p>
${navigationLine(groups)
  .map((line) => `<p class="summary" id="navigation">${escape(line)}</p>`)
  .join('')}
${(options.judgedWith ?? []).map((line) => `<p class="summary judged-with">${escape(line)}</p>`).join('')}
${notices(sections, groups)}
<h2>Failures by cause</h2>
${causeChart(byCause, causes)}
<h2>Filter</h2>
${filterForm(filters)}
<h2>Pages</h2>
${pagesTable(pages)}
${s.failed > 0 ? '' : '<p>No page has a failure.</p>'}
<main id="listing">
${partSections(sections, causes, options.strict)}
</main>
<h2>Placeholders substituted</h2>
<table id="placeholders"><tbody>${placeholderTable.map(({ placeholder, becomes }) => `<tr><td><code>${escape(placeholder)}</code></td><td>${escape(becomes)}</td></tr>`).join('')}</tbody></table>
</body>
</html>
`
}
