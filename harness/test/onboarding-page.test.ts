import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { examplesDir } from '../src/paths.ts'
import { loadScenarios } from '../src/scenarios.ts'
import { launchBrowser } from '@conformance/common/testing'

// The onboarding page as a reader sees it: `conformance --html` for two styles (one with a
// scenario it cannot express), opened in headless Chromium.
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'onboarding-'))
const page = join(dir, 'onboarding.html')
let browser: Browser
beforeAll(async () => {
  const run = await execa(
    process.execPath,
    [cli, '--style', 'fetch-ts,vercel-ai-sdk-ts', '--html', page],
    { reject: false },
  )
  expect(run.exitCode, run.stdout).toBe(0)
  browser = await launchBrowser('the onboarding page')
}, 120_000)
afterAll(async () => {
  await browser?.close()
  rmSync(dir, { recursive: true, force: true })
})

it('shows every scenario with each style side by side: program, output, verdict; self-contained', async () => {
  const tab = await browser.newPage()
  const requested: string[] = []
  tab.on('request', (request) => requested.push(request.url()))
  await tab.setViewport({ width: 1400, height: 900 })
  await tab.goto(`file://${page}`)

  // Nothing but the file itself is loaded, and nothing runs.
  expect(requested).toEqual([`file://${page}`])
  expect(await tab.$$eval('script', (scripts) => scripts.length)).toBe(0)

  const sections = await tab.$$eval('section.scenario', (found) =>
    found.map((section) => ({
      id: section.id,
      cells: [...section.querySelectorAll('article.cell')].map((cell) => {
        const box = cell.getBoundingClientRect()
        return {
          style: cell.getAttribute('data-style'),
          status: cell.getAttribute('data-status'),
          verdict: cell.querySelector('.verdict')?.textContent,
          program: cell.querySelector('.program')?.textContent,
          stdout: cell.querySelector('.stdout')?.textContent,
          reason: cell.querySelector('.reason')?.textContent,
          x: box.x,
          y: box.y,
        }
      }),
    })),
  )
  expect(sections.map((section) => section.id)).toEqual(loadScenarios().map((s) => s.name))

  const basic = sections.find((section) => section.id === 'basic')!
  const [vercel, fetch] = basic.cells
  expect([vercel!.style, fetch!.style]).toEqual(['vercel-ai-sdk-ts', 'fetch-ts'])
  // Side by side: the same row, different columns.
  expect(vercel!.y).toBe(fetch!.y)
  expect(fetch!.x).toBeGreaterThan(vercel!.x)
  expect(fetch!.verdict).toBe('✓ pass (1 request)')
  expect(fetch!.program).toBe(readFileSync(join(examplesDir, 'fetch-ts', 'basic.ts'), 'utf8'))
  expect(fetch!.stdout).toBe('This is a test.\n')

  // A scenario of several requests shows each, and the cell counts them.
  const toolLoop = await tab.$eval('section#tool-calling .contract', (contract) =>
    [...contract.querySelectorAll('h4')].map((heading) => heading.textContent),
  )
  expect(toolLoop).toEqual(['every style sends', 'then, follow-up 1', 'and prints'])
  const toolCells = sections.find((section) => section.id === 'tool-calling')!.cells
  expect(toolCells.find((cell) => cell.style === 'fetch-ts')?.verdict).toBe('✓ pass (2 requests)')

  const keyInfo = sections.find((section) => section.id === 'key-info')!
  expect(keyInfo.cells.find((cell) => cell.style === 'vercel-ai-sdk-ts')).toMatchObject({
    status: 'not-applicable',
    verdict: 'n/a not applicable',
    reason: expect.stringContaining('model API only'),
  })
})
