import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { launchBrowser } from '@conformance/common/testing'
import { sharedFile } from '@conformance/common/testing'

// `docs:verify --html` on a folder of two pages, opened in headless Chromium as a docs team opens
// the file a CI run attached: the summary, every page, every block with its code and evidence.
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'docs-html-'))
const site = join(dir, 'site')
const report = join(dir, 'report.html')
let browser: Browser
let stdout = ''
beforeAll(async () => {
  mkdirSync(site)
  copyFileSync(sharedFile('docs-under-test/authentication-2026-08.mdx'), join(site, 'auth.mdx'))
  copyFileSync(
    fileURLToPath(new URL('fixtures/fragments.mdx', import.meta.url)),
    join(site, 'fragments.mdx'),
  )
  const run = await execa(process.execPath, [cli, 'site', '--html', 'report.html'], {
    cwd: dir,
    reject: false,
  })
  expect(run.exitCode, run.stderr).toBe(1)
  stdout = run.stdout
  browser = await launchBrowser('the docs checker’s HTML report')
}, 120_000)
afterAll(async () => {
  await browser?.close()
  rmSync(dir, { recursive: true, force: true })
})

it('one self-contained page: the summary, each page with its counts, each block with code, verdict and evidence', async () => {
  const tab = await browser.newPage()
  const requested: string[] = []
  tab.on('request', (request) => requested.push(request.url()))
  await tab.goto(`file://${report}`)

  // Nothing but the file itself is loaded, and nothing runs.
  expect(requested).toEqual([`file://${report}`])
  expect(await tab.$$eval('script', (scripts) => scripts.length)).toBe(0)

  // The same summary the terminal printed, and the failures by cause.
  const summaryLine = stdout.split('\n').find((line) => line.startsWith('blocks: '))
  expect(await tab.$eval('#summary', (element) => element.textContent)).toBe(summaryLine)
  expect(await tab.$$eval('#by-cause tr', (rows) => rows.map((row) => row.textContent))).toEqual([
    '1a name nothing on the page defines',
    '1a type error',
    "1the SDK's own error",
  ])

  // Each page, with its counts and a link to its section.
  const pages = await tab.$$eval('#pages tbody tr', (rows) =>
    rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)),
  )
  expect(pages).toEqual([
    ['site/auth.mdx', '4', '1', '0'],
    ['site/fragments.mdx', '1', '2', '2'],
  ])
  // The index of pages is folded (a site has hundreds): open it, then follow a page's link.
  await tab.click('#all-pages > summary')
  await tab.click('#pages a[href="#page-2"]')
  expect(tab.url()).toBe(`file://${report}#page-2`)

  // Every block: a failure first, open, with the block's code and its evidence.
  const blocks = await tab.$$eval('section.page', (sections) =>
    sections.map((section) =>
      [...section.querySelectorAll('article.block')].map((block) => ({
        heading: block.querySelector('h5')?.textContent,
        verdict: block.getAttribute('data-verdict'),
        open: block.querySelector('details.code')?.hasAttribute('open'),
        code: block.querySelector('details.code pre')?.textContent ?? '',
        evidence: block.querySelector('details.evidence')?.textContent ?? '',
        cause: block.querySelector('.cause')?.textContent,
        fix: block.querySelector('.fix')?.textContent,
      })),
    ),
  )
  const [auth, fragments] = blocks
  expect(auth!.map((block) => block.verdict)).toEqual([
    'failed-before-sending',
    'pass',
    'pass',
    'pass',
    'pass',
  ])
  expect(auth![0]).toMatchObject({
    heading: expect.stringContaining('TypeScript SDK'),
    open: true,
    code: expect.stringContaining("from '@openrouter/sdk'"),
    evidence: expect.stringContaining('SDKValidationError'),
    cause: "cause: the SDK's own error",
    fix: expect.stringContaining('chatRequest'),
  })
  expect(auth![1]).toMatchObject({
    open: false,
    evidence: expect.stringContaining('POST /api/v1/chat/completions → 200'),
  })
  // Failures first, in page order; a fragment is not one.
  expect(fragments!.map((block) => block.verdict)).toEqual([
    'type-error',
    'crashed',
    'fragment',
    'fragment',
    'pass',
  ])
  expect(fragments![1]!.evidence).toContain('ReferenceError: response is not defined')

  // No key is printed whole, in code or evidence.
  expect(readFileSync(report, 'utf8')).not.toMatch(/sk-or-v1-[0-9a-f]{16,}/)
})
