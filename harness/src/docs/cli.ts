#!/usr/bin/env node
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startMock } from '@conformance/openrouter-mock'
import { checkPage, type GroupResult } from './check-page.ts'
import { groupFails, jsonReport, junitReport, markdownReport, terminalReport } from './reports.ts'
import { createWorkspace } from './workspace.ts'

const usage = `Usage: pnpm docs:verify [options] <page.md|page.mdx>...

Runs every tab of every code group on the pages as written (placeholders aside) against the
OpenRouter mock, and says which tab breaks and why. Exits 1 when any tab fails.

  --docs-root DIR    where the docs site's /snippets/… live, to resolve <Template> imports
  --cwd DIR          resolve page and report paths from DIR (\`pnpm docs:verify\` passes where you ran it)
  --strict           header differences between a group's tabs fail it (default: warnings)
  --timeout SECONDS  per tab, before it is killed as hung (default: 20)
  --json FILE        write the JSON report (a "tabs" array: title, verdict, reason, evidence)
  --junit FILE       write a JUnit XML report
  --markdown FILE    write a Markdown report (fits a CI step summary)`

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'docs-root': { type: 'string' },
    cwd: { type: 'string' },
    strict: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '20' },
    json: { type: 'string' },
    junit: { type: 'string' },
    markdown: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
})
if (values.help || positionals.length === 0) {
  console.log(usage)
  process.exit(values.help ? 0 : 2)
}
// pnpm runs scripts in the package folder; pages are named relative to where the user ran it.
const base = values.cwd || process.cwd()
const pages = positionals.map((page) => resolve(base, page))
const missing = pages.filter((page) => !existsSync(page))
if (missing.length > 0) {
  console.error(`No such page: ${missing.join(', ')}`)
  process.exit(2)
}
const timeoutMs = Number(values.timeout) * 1000
if (!(timeoutMs > 0)) {
  console.error(`--timeout takes a positive number of seconds, not "${values.timeout}"`)
  process.exit(2)
}

const mock = await startMock()
const workspace = createWorkspace()
const groups: GroupResult[] = []
try {
  for (const page of pages) {
    const docsRoot = values['docs-root'] && resolve(base, values['docs-root'])
    groups.push(
      ...(await checkPage(page, { mock, workspace: workspace.root, docsRoot, timeoutMs })),
    )
  }
} finally {
  workspace.remove()
  await mock.close()
}

const options = { strict: values.strict, base }
console.log(terminalReport(groups, options))
if (values.json) await writeFile(resolve(base, values.json), jsonReport(groups, options))
if (values.junit) await writeFile(resolve(base, values.junit), junitReport(groups, options))
if (values.markdown)
  await writeFile(resolve(base, values.markdown), markdownReport(groups, options))
process.exitCode = groups.some((group) => groupFails(group, options.strict)) ? 1 : 0
