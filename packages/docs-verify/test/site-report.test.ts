import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page as Tab } from 'puppeteer-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { launchBrowser } from '@conformance/common/testing'
import { causeOf } from '../src/judge/causes.ts'
import { htmlReport } from '../src/report/html.ts'
import { isFailure, summaryLine } from '../src/report/summary.ts'
import type { BlockResult, GroupResult, PageSite, Verdict } from '../src/types.ts'

// The HTML report of a site of 300 pages, made here without running the checker, opened in
// headless Chromium as a docs team opens it: pages named from the docs root, listed by section
// (the navigation's apart from those only a link reaches), failures first and open, and filters
// and a chart that work with CSS alone.

const navigationSections = [
  ['Get started'],
  ['Guides', 'Authentication'],
  ['Guides', 'Streaming'],
  ['API reference', 'Chat'],
  ['API reference', 'Models'],
  ['SDKs', 'TypeScript'],
  ['SDKs', 'Python'],
  ['Community'],
]
// Folders of pages the navigation does not list; the last is the docs root itself.
const linkOnlyFolders = [['drafts'], ['guides', 'legacy'], []]

// The failures: two type errors of different causes, a rejected request, two crashes; taken in
// the order of `failureTurns`, so each cause has its own count.
const failures: Partial<BlockResult>[] = [
  {
    verdict: 'type-error',
    evidence: evidenceOf({
      typeErrors: ["line 3:5 TS2339 Property 'send' does not exist on type 'Chat'."],
    }),
  },
  {
    verdict: 'type-error',
    evidence: evidenceOf({
      typeErrors: ["line 4:7 TS2353 Object literal may only specify known properties, and 'x'"],
    }),
  },
  {
    verdict: 'rejected-request',
    evidence: evidenceOf({
      requests: [{ method: 'POST', path: '/api/v1/chat/completions', status: 400 }],
    }),
  },
  {
    verdict: 'crashed',
    evidence: evidenceOf({ error: 'ReferenceError: client is not defined' }),
  },
  {
    verdict: 'crashed',
    evidence: evidenceOf({ error: "TypeError: Cannot read properties of undefined (reading '0')" }),
  },
]

function evidenceOf(more: Partial<NonNullable<BlockResult['evidence']>>) {
  return { requests: [], stdoutTail: '', stderrTail: '', typeErrors: [], ...more }
}

// A block as the judge leaves it: with the cause its verdict and evidence name.
const block = (
  page: string,
  line: number,
  verdict: Verdict,
  more: Partial<BlockResult> = {},
): BlockResult => {
  const result: BlockResult = {
    page,
    group: 1,
    title: ['TypeScript', 'Python', 'cURL'][line / 10 - 1]!,
    language: 'typescript',
    line,
    code: `const answer = ${line}`,
    request: null,
    warnings: [],
    verdict,
    reason: `${more.verdict ?? verdict} at line ${line}`,
    evidence: evidenceOf({}),
    ...more,
  }
  const cause = causeOf(result)
  return cause ? { ...result, cause } : result
}

const slug = (section: string[]) => section.map((label) => label.toLowerCase().replaceAll(' ', '-'))

const siteOf = (i: number): PageSite => {
  if (i % 15 === 14) {
    const folder = linkOnlyFolders[Math.floor(i / 15) % linkOnlyFolders.length]!
    return { path: [...folder, `page-${i}.mdx`].join('/'), section: folder, inNavigation: false }
  }
  const section = navigationSections[i % navigationSections.length]!
  return { path: [...slug(section), `page-${i}.mdx`].join('/'), section, inNavigation: true }
}

const selected: Record<number, string> = {
  2: 'it changed',
  5: 'it imports snippets/key.mdx, which changed',
  14: 'it changed',
}

// Three blocks a page, at lines 10, 20 and 30: failures on a few pages of three navigation
// sections and of the link-only pages, skipped blocks and fragments here and there, one expected
// failure, one pass its page expects to fail, one failure the baseline accepts.
const failureTurns = [0, 0, 0, 2, 0, 1, 3, 2, 4, 0]
let failureCount = 0
const pageResults = (i: number): GroupResult[] => {
  const site = siteOf(i)
  if (selected[i]) site.selected = selected[i]
  const page = `/docs-site/${site.path}`
  const blocks = [10, 20, 30].map((line) => block(page, line, 'pass'))
  if (i % 10 === 5) blocks[2] = block(page, 30, 'skipped')
  if (i % 12 === 7) blocks[1] = block(page, 20, 'fragment')
  const failing = site.inNavigation ? [1, 3, 6].includes(i % 8) && i % 3 === 0 : i % 45 === 14
  if (failing) {
    const line = i % 2 === 0 ? 20 : 30
    blocks[line / 10 - 1] = block(
      page,
      line,
      'pass',
      failures[failureTurns[failureCount++ % failureTurns.length]!],
    )
  }
  // A page with an expected type error and a crash: filtered by both "failing" and the type
  // error's cause, it keeps no block, though it has a block of each.
  if (i === 20) {
    blocks[0] = block(page, 10, 'type-error', {
      evidence: evidenceOf({ typeErrors: ["line 2:1 TS2322 Type 'string' is not 'number'."] }),
      expectFail: { reason: 'v2 renames this option' },
    })
    blocks[2] = block(page, 30, 'crashed', failures[3])
  }
  if (i === 33)
    blocks[0] = block(page, 10, 'pass', {
      expectFail: { reason: 'the API used to reject it', passes: true },
      directiveNotes: ['the page expects this block to fail, and it passes'],
    })
  if (i === 41) blocks[2] = block(page, 30, 'rejected-request', { accepted: true })
  const group = (index: number, blocks: BlockResult[]): GroupResult => ({
    page,
    index,
    line: blocks[0]!.line - 2,
    site,
    blocks,
    comparison: { headers: [], bodies: [] },
  })
  // Every fourth page has two code groups: its blocks are still listed as one page's.
  return i % 4 === 0
    ? [group(1, blocks.slice(0, 2)), group(2, blocks.slice(2))]
    : [group(1, blocks)]
}

const groups = Array.from({ length: 300 }, (_, i) => pageResults(i)).flat()

// ——— what the report must show, computed from the data ———

type ExpectedPage = { path: string; part: string; section: string; blocks: BlockResult[] }
const partTitle = (site: PageSite) =>
  site.inNavigation ? 'In the navigation' : 'Reachable only by link'
const sectionLabel = (site: PageSite) => site.section.join(' › ') || '(top level)'
const expectedPages: ExpectedPage[] = [...Map.groupBy(groups, (group) => group.page).values()].map(
  (page) => ({
    path: page[0]!.site!.path,
    part: partTitle(page[0]!.site!),
    section: sectionLabel(page[0]!.site!),
    blocks: page.flatMap((group) => group.blocks),
  }),
)
const key = (page: { path: string }, block: { line: number }) => `${page.path}:${block.line}`
const fails = (page: ExpectedPage) => page.blocks.some(isFailure)
const failingFirst = <T>(items: T[], failing: (item: T) => boolean, name: (item: T) => string) =>
  items.toSorted(
    (a, b) => Number(failing(b)) - Number(failing(a)) || name(a).localeCompare(name(b)),
  )

// Parts, their sections with failures first then by name, pages failing first then by path,
// blocks failing first in page order; each open when it fails.
const expectedListing = ['In the navigation', 'Reachable only by link'].map((part) => {
  const sections = [
    ...Map.groupBy(
      expectedPages.filter((page) => page.part === part),
      (page) => page.section,
    ),
  ].map(([label, pages]) => ({ label, pages, open: pages.some(fails) }))
  return {
    part,
    sections: failingFirst(
      sections,
      (section) => section.open,
      (section) => section.label,
    ).map((section) => ({
      label: section.label,
      open: section.open,
      pages: failingFirst(section.pages, fails, (page) => page.path).map((page) => ({
        path: page.path,
        open: fails(page),
        blocks: page.blocks
          .toSorted((a, b) => Number(isFailure(b)) - Number(isFailure(a)) || a.line - b.line)
          .map((block) => ({ line: block.line, open: isFailure(block) })),
      })),
    })),
  }
})

// Which blocks a filter's choice keeps, by the filter's name and the choice's label.
const keeps = (filter: string, label: string, part: string | undefined) => {
  const match = (page: ExpectedPage, block: BlockResult) =>
    label === 'all' ||
    (filter === 'verdict' && (label === 'failing' ? isFailure(block) : block.verdict === label)) ||
    (filter === 'cause' && block.cause === label) ||
    (filter === 'section' && page.section === label && `${page.part}:` === part)
  return expectedPages
    .flatMap((page) => page.blocks.filter((block) => match(page, block)).map((b) => key(page, b)))
    .sort()
}

// ——— the report, in the browser ———

const dir = mkdtempSync(join(tmpdir(), 'site-report-'))
const report = join(dir, 'report.html')
let browser: Browser
let tab: Tab
const requested: string[] = []
beforeAll(async () => {
  writeFileSync(report, htmlReport(groups, { strict: false, base: '/somewhere' }))
  browser = await launchBrowser('the docs checker’s site report')
  tab = await browser.newPage()
  tab.on('request', (request) => requested.push(request.url()))
  await tab.goto(`file://${report}`)
}, 30_000)
afterAll(async () => {
  await browser?.close()
  rmSync(dir, { recursive: true, force: true })
})

// What a reader sees now, in one look (the first look inside a folded <details> is slow in
// Chromium, so each state is looked at once): the blocks a filter leaves (an element under
// display: none has no offsetParent; a folded one keeps it), those of them unfolded down to their
// own line, and any page, section or part shown with no block to show, or hidden with one.
const seen = () =>
  tab.$$eval('article.block, section.page, section.section, section.part', (elements) => {
    type Found = (typeof elements)[number]
    const shown = (element: Found) => 'offsetParent' in element && element.offsetParent !== null
    const name = (block: Found) =>
      `${block.closest('section.page')!.getAttribute('data-page')}:${block.getAttribute('data-line')}`
    const blocks = elements.filter((element) => element.matches('article.block') && shown(element))
    const containers = elements.filter((element) => !element.matches('article.block'))
    return {
      shown: blocks.map(name).sort(),
      unfolded: blocks
        .filter((block) => block.checkVisibility())
        .map(name)
        .sort(),
      wronglyShown: containers
        .filter(
          (container) =>
            shown(container) !== [...container.querySelectorAll('article.block')].some(shown),
        )
        .map((container) => container.id || container.getAttribute('data-part')),
    }
  })

it('loads nothing but itself, runs nothing, and names pages from the docs root', async () => {
  expect(requested).toEqual([`file://${report}`])
  expect(await tab.$$eval('script', (scripts) => scripts.length)).toBe(0)
  expect(await tab.$$eval('link, img, iframe, object, embed', (found) => found.length)).toBe(0)

  const html = await tab.content()
  expect(html).not.toContain('/docs-site')
  expect(html).not.toContain('../')
  const paths = await tab.$$eval('section.page h4', (headings) =>
    headings.map((heading) => heading.textContent),
  )
  expect(paths.toSorted()).toEqual(expectedPages.map((page) => page.path).sort())
  expect(
    await tab.$$eval('#pages tbody a', (links) => links.map((link) => link.textContent)),
  ).toEqual(paths)

  expect(await tab.$eval('#summary', (element) => element.textContent)).toBe(
    summaryLine(groups, false),
  )
  expect(await tab.$eval('#selected', (element) => element.textContent)).toBe(
    '3 pages selected by --changed-since',
  )
})

it('lists the navigation’s sections apart from pages only a link reaches, failures first and open, passes folded', async () => {
  const listing = await tab.$$eval('section.part', (parts) =>
    parts.map((part) => ({
      part: part.querySelector(':scope > h2')!.textContent,
      sections: [...part.querySelectorAll(':scope > section.section')].map((section) => ({
        label: section.querySelector(':scope > details > summary > h3')!.textContent,
        open: section.querySelector(':scope > details')!.hasAttribute('open'),
        pages: [...section.querySelectorAll('section.page')].map((page) => ({
          path: page.querySelector('h4')!.textContent,
          open: page.querySelector(':scope > details')!.hasAttribute('open'),
          blocks: [...page.querySelectorAll('article.block')].map((block) => ({
            line: Number(block.getAttribute('data-line')),
            open: block.querySelector(':scope > details')!.hasAttribute('open'),
          })),
        })),
      })),
    })),
  )
  expect(listing).toEqual(expectedListing)
  // The data has failing and passing sections in both parts, so the order above says something.
  for (const { sections } of expectedListing)
    expect(new Set(sections.map((section) => section.open))).toEqual(new Set([true, false]))

  // Folded means not seen: no block of a passing page shows before a filter unfolds it.
  const { unfolded } = await seen()
  expect(unfolded).toEqual(
    expectedPages
      .filter(fails)
      .flatMap((page) => page.blocks.map((block) => key(page, block)))
      .sort(),
  )
}, 120_000)

it('says what the page expects, what the baseline accepts, and why a page was selected', async () => {
  const summaryOf = (path: string, line: number) =>
    tab.$eval(
      `section.page[data-page="${path}"] article.block[data-line="${line}"] summary`,
      (summary) => summary.textContent,
    )
  expect(await summaryOf(siteOf(20).path, 10)).toContain(
    'expected by the page: v2 renames this option',
  )
  expect(await summaryOf(siteOf(33).path, 10)).toContain(
    'the page expects it to fail (the API used to reject it) and it passes now: remove the expect-fail directive',
  )
  expect(await tab.$eval('#unexpected-passes', (list) => list.textContent)).toContain(
    `${siteOf(33).path}:10 › TypeScript`,
  )
  expect(await summaryOf(siteOf(41).path, 30)).toContain('accepted by the baseline')
  expect(
    await tab.$eval(
      `section.page[data-page="${siteOf(5).path}"] .selected`,
      (line) => line.textContent,
    ),
  ).toBe('selected by --changed-since: it imports snippets/key.mdx, which changed')
})

it('charts the failures by cause: one bar each, as long as its count', async () => {
  const failingBlocks = groups.flatMap((group) => group.blocks).filter(isFailure)
  const counts = [...Map.groupBy(failingBlocks, (block) => block.cause!)]
    .map(([cause, blocks]) => ({ cause, count: blocks.length }))
    .sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause))
  const rows = await tab.$$eval('#by-cause tr', (rows) =>
    rows.map((row) => ({
      text: row.textContent,
      width: row.querySelector('.bar')!.getBoundingClientRect().width,
    })),
  )
  expect(rows.map((row) => row.text)).toEqual(counts.map(({ cause, count }) => `${count}${cause}`))
  expect(new Set(counts.map(({ count }) => count)).size).toBeGreaterThan(1)
  for (const [i, { count }] of counts.entries())
    expect(rows[i]!.width / rows[0]!.width).toBeCloseTo(count / counts[0]!.count, 2)
})

// Every choice is clicked and every block read through the browser: bounded generously, since a
// busy CI machine takes minutes where an idle one takes under one.
it('filters by verdict, cause and section, one choice at a time and together', async () => {
  const choices = await tab.$$eval('#filters input[type="radio"]', (inputs) =>
    inputs.map((input) => ({
      id: input.id,
      filter: input.getAttribute('name')!,
      label: input.parentElement!.firstChild!.nextSibling!.textContent!.trim(),
      part: input.closest('.part-choices')?.querySelector('.part-name')?.textContent,
    })),
  )
  // A choice for every value that occurs, and "all".
  const labels = (filter: string) =>
    choices.filter((choice) => choice.filter === filter).map((choice) => choice.label)
  const blocks = groups.flatMap((group) => group.blocks)
  expect(labels('verdict').toSorted()).toEqual(
    ['all', 'failing', ...new Set(blocks.map((block) => block.verdict))].sort(),
  )
  expect(labels('cause').toSorted()).toEqual(
    ['all', ...new Set(blocks.flatMap((block) => block.cause ?? []))].sort(),
  )
  expect(labels('section').toSorted()).toEqual(
    ['all', ...new Set(expectedPages.map((page) => page.section))].sort(),
  )

  // Each choice but "all" in turn (a radio button replaces its filter's last choice); then the
  // filter's "all" again, before the next filter.
  for (const filter of ['verdict', 'cause', 'section']) {
    for (const { id, label, part } of choices.filter(
      (choice) => choice.filter === filter && choice.label !== 'all',
    )) {
      await tab.click(`#${id}`)
      const { shown, unfolded, wronglyShown } = await seen()
      expect(shown, `${filter}: ${label}`).toEqual(keeps(filter, label, part))
      expect(wronglyShown, `${filter}: ${label}`).toEqual([])
      // What a filter keeps is unfolded down to each block's own line.
      expect(unfolded, `${filter}: ${label}`).toEqual(shown)
    }
    await tab.click(`#${filter}-all`)
  }

  // Together: the blocks that match every choice at once, and only the pages that hold one.
  const choose = async (...labels: string[]) => {
    const chosen = labels.map((label) => choices.find((choice) => choice.label === label)!)
    for (const { id } of chosen) await tab.click(`#${id}`)
    return chosen
      .map(({ filter, label, part }) => keeps(filter, label, part))
      .reduce((kept, more) => kept.filter((block) => more.includes(block)))
  }
  const none = await choose('failing', 'a type error')
  expect(none).toEqual([])
  expect(await seen()).toEqual({ shown: [], unfolded: [], wronglyShown: [] })
  const three = await choose('type-error', 'a type error', 'API reference › Models')
  expect(three).toEqual([`${siteOf(20).path}:10`])
  expect(await seen()).toEqual({ shown: three, unfolded: three, wronglyShown: [] })

  // "show everything" puts every filter back to all.
  await tab.click('#filters input[type="reset"]')
  expect((await seen()).shown).toEqual(keeps('verdict', 'all', undefined))
}, 300_000)
