#!/usr/bin/env node
import { globSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startMock } from '@conformance/openrouter-mock'
import { checkSite } from './check-site.ts'
import { ChangedSinceError, filesChangedSince, selectChanged } from './parse/changed.ts'
import { placePage, siteNavigation } from './parse/navigation.ts'
import { expandPages, findDocsRoot } from './parse/pages.ts'
import {
  applyBaseline,
  BaselineError,
  groupFails,
  mergeReports,
  pagesOfShard,
  parseShard,
  progressReporter,
  readBaseline,
  reports,
  strictFragments,
  writeBaseline,
} from './report/index.ts'
import { createWorkspace, prepareSandbox, sandboxSupport } from './run/index.ts'
import { ensurePython, pythonInterpreter } from './python.ts'
import { toolboxDirs } from './toolbox.ts'
import { prepareJudges } from './judge/prepare.ts'
import type { GroupResult, Judges, Sandbox, SandboxMode } from './types.ts'

const usage = `Usage: openrouter-docs-verify [options] <page | folder | glob>...

Runs every code block on the pages (each tab of a code group, and every block outside one) as
written (placeholders aside) against the OpenRouter mock, and says which breaks and why. Exits 1
when any block fails. A folder means every .md and .mdx page under it (not node_modules/, hidden
folders or snippets/); quote a glob ("docs/**/*.mdx") so the checker expands it.

  --docs-root DIR    where the docs site's /snippets/… live, to resolve <Template> imports
                     (default: the nearest folder above each page with docs.json, mint.json or
                     snippets/)
  --baseline FILE    failures accepted for now (JSON): they are reported, and only others fail
  --write-baseline   write this run's failures to the --baseline FILE, and exit 0
  --annotations      print GitHub Actions annotations (::error file=…,line=…) on page lines
  --changed-since REF
                     check only the pages changed since REF (git: since this branch left it,
                     with what is not committed yet), and those importing a changed snippet
  --navigation-only  check only the pages the site's navigation lists (docs.json or mint.json),
                     not those only a link reaches
  --shard I/N        check only the I-th of N equal shares of the pages (one per CI machine)
  --merge            the arguments are shards' --json reports: print and write them as one run
  --cwd DIR          resolve page and report paths from DIR (\`pnpm docs:verify\` passes where you ran it)
  --sandbox MODE     required: every block runs contained (its own network, file system view
                     and limits; bubblewrap), or the run refuses to start; best-effort: contained
                     where the machine allows, else said once and run as before; off (default:
                     required where CI is set, else best-effort)
  --spec FILE        judge every request and JSON example against this OpenAPI document (again
                     for more; default: the openapi entries of the site's docs.json or mint.json)
  --models FILE|URL|off
                     OpenRouter's model list, to judge the model ids blocks send: a saved answer
                     of GET /api/v1/models, a URL answering as it does, or off (default: the
                     public list, fetched once a day; env OPENROUTER_DOCS_VERIFY_MODELS)
  --strict           header differences between a group's tabs fail it (default: warnings)
  --timeout SECONDS  per tab, before it is killed as hung (default: 20)
  --json FILE        write the JSON report (a "blocks" array: title, verdict, reason, evidence)
  --junit FILE       write a JUnit XML report
  --markdown FILE    write a Markdown report (fits a CI step summary)
  --html FILE        write one self-contained HTML page: the summary, every page, every block
                     with its code, verdict and evidence`

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'docs-root': { type: 'string' },
    cwd: { type: 'string' },
    strict: { type: 'boolean', default: false },
    sandbox: { type: 'string' },
    spec: { type: 'string', multiple: true, default: [] },
    models: { type: 'string' },
    timeout: { type: 'string', default: '20' },
    json: { type: 'string' },
    junit: { type: 'string' },
    markdown: { type: 'string' },
    html: { type: 'string' },
    baseline: { type: 'string' },
    'write-baseline': { type: 'boolean', default: false },
    annotations: { type: 'boolean', default: false },
    shard: { type: 'string' },
    'navigation-only': { type: 'boolean', default: false },
    'changed-since': { type: 'string' },
    merge: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
})
if (values.help || positionals.length === 0) {
  console.log(usage)
  process.exit(values.help ? 0 : 2)
}
const usageError = (message: string): never => {
  console.error(message)
  process.exit(2)
}
// pnpm runs scripts in the package folder; pages are named relative to where the user ran it.
const base = values.cwd || process.cwd()
const baselineFile = values.baseline && resolve(base, values.baseline)
if (values['write-baseline'] && !baselineFile)
  usageError('--write-baseline writes the file --baseline names: give both')
let baseline: ReturnType<typeof readBaseline> = []
try {
  if (baselineFile && !values['write-baseline']) baseline = readBaseline(baselineFile)
} catch (error) {
  if (!(error instanceof BaselineError)) throw error
  usageError(error.message)
}
const sandboxMode = (values.sandbox ?? (process.env.CI ? 'required' : 'best-effort')) as SandboxMode
if (!['required', 'best-effort', 'off'].includes(sandboxMode))
  usageError(`--sandbox takes required, best-effort or off, not "${values.sandbox}"`)
const timeoutMs = Number(values.timeout) * 1000
if (!(timeoutMs > 0))
  usageError(`--timeout takes a positive number of seconds, not "${values.timeout}"`)

// Whether blocks run contained, said once before any runs: a block of a page from a pull
// request is code from outside the team.
const containment = (workspace: string, caFile: string): Sandbox | undefined => {
  if (sandboxMode === 'off') {
    console.error(
      "sandbox: off (--sandbox=off): blocks run as the checker's own children, uncontained",
    )
    return undefined
  }
  const support = sandboxSupport()
  const sandbox = support.available
    ? prepareSandbox({ workspace, caFile, python: pythonInterpreter(), toolbox: toolboxDirs() })
    : undefined
  if (sandbox) {
    const { processes, diskBytes, memoryBytes, outputBytes } = sandbox.limits
    const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
    console.error(
      `sandbox: every block contained (bubblewrap): reaches only the mock, reads only its folder and the toolbox; at most ${processes} processes, ${mb(diskBytes)} of disk, ${mb(memoryBytes)} of memory, ${mb(outputBytes)} of output${support.available && support.strace ? '' : '; strace is not installed, so what a block tried is not named, only stopped'}`,
    )
    return sandbox
  }
  console.error(
    `sandbox: cannot contain blocks here (${support.available ? '' : support.why}): running them uncontained (--sandbox=best-effort); a block can reach the network and read what the checker can`,
  )
  return undefined
}

// What the run held blocks to beside the mock, as it said at the start: every report says it too.
const judgedWith: string[] = []

const checkPages = async (): Promise<GroupResult[]> => {
  const { pages: all, unmatched } = expandPages(positionals, base)
  if (unmatched.length > 0)
    usageError(`No such page, or no page under or matching: ${unmatched.join(', ')}`)
  const docsRoot = values['docs-root'] ? resolve(base, values['docs-root']) : undefined
  const rootOf = (page: string) => docsRoot ?? findDocsRoot(page)
  let pages = all
  if (values['navigation-only']) {
    const navigationOf = siteNavigation()
    const placed = pages.map((page) =>
      placePage(page, rootOf(page), navigationOf(rootOf(page)), base),
    )
    if (placed.every((site) => site.inNavigation === undefined))
      usageError(
        '--navigation-only: no docs.json or mint.json above these pages lists a navigation',
      )
    pages = pages.filter((_, i) => placed[i]!.inNavigation)
    console.log(
      `the site's navigation lists ${pages.length} of the ${all.length} pages; the others, only a link reaches, are not checked`,
    )
  }
  let selected: Map<string, string> | undefined
  const ref = values['changed-since']
  if (ref) {
    try {
      selected = selectChanged(pages, filesChangedSince(ref, base), rootOf, base)
    } catch (error) {
      if (!(error instanceof ChangedSinceError)) throw error
      usageError(`--changed-since ${ref}: ${error.message}`)
    }
    const chosen = selected!
    pages = pages.filter((page) => chosen.has(page))
    console.log(
      `--changed-since ${ref}: ${pages.length} of ${all.length} pages${pages.length > 0 ? ':' : ' (no page, and no snippet a page imports, changed)'}`,
    )
    for (const page of pages) console.log(`  ${relative(base, page)}: ${chosen.get(page)}`)
  }
  if (values.shard) {
    const chosen = pages.length
    try {
      pages = pagesOfShard(pages, parseShard(values.shard))
    } catch (error) {
      usageError((error as Error).message)
    }
    console.log(`shard ${values.shard}: ${pages.length} of ${chosen} pages`)
  }
  if (pages.length === 0) return []
  // Refused before anything starts: required means no page's code runs uncontained.
  const support = sandboxMode === 'required' ? sandboxSupport() : undefined
  if (support && !support.available) {
    console.error(
      `sandbox: cannot contain blocks here: ${support.why}. --sandbox=required (the default in CI) refuses to run a page's code uncontained; --sandbox=best-effort runs it as the checker's own children`,
    )
    process.exit(2)
  }
  await ensurePython((line) => console.error(line))
  let judges: Judges
  try {
    judges = await prepareJudges({
      pages,
      rootOf,
      specs: values.spec,
      models: values.models,
      base,
      say: (line) => {
        judgedWith.push(line)
        console.error(line)
      },
    })
  } catch (error) {
    return usageError((error as Error).message)
  }
  // With OpenRouter's list, the mock answers an id it lacks as the live API does.
  const { catalogue } = judges
  const mock = await startMock(catalogue.source === 'none' ? {} : { listedModels: catalogue.ids })
  const workspace = createWorkspace()
  const sandbox = containment(workspace.root, mock.caFile)
  const progress = progressReporter(process.stderr)
  try {
    return await checkSite(pages, {
      mock,
      workspace: workspace.root,
      docsRoot: rootOf,
      base,
      ...(selected ? { selected } : {}),
      ...(sandbox ? { sandbox } : {}),
      judges,
      timeoutMs,
      progress,
    })
  } finally {
    progress.done()
    workspace.remove()
    await mock.close()
  }
}

// Shards' reports by name or by a quoted glob (`shards/*/report.json`), each once, in order.
const reportFiles = () => [
  ...new Set(
    positionals.flatMap((arg) =>
      /[*?[{]/.test(arg)
        ? globSync(arg, { cwd: base })
            .sort()
            .map((file) => resolve(base, file))
        : [resolve(base, arg)],
    ),
  ),
]

const readReports = (): GroupResult[] => {
  try {
    const files = reportFiles()
    if (files.length === 0) usageError(`--merge: no report matches ${positionals.join(', ')}`)
    return mergeReports(files)
  } catch (error) {
    return usageError(`--merge: ${(error as Error).message}`)
  }
}

const ran = values.merge ? readReports() : await checkPages()
const checked = values.strict ? strictFragments(ran) : ran

const options = { strict: values.strict, base, judgedWith }
if (baselineFile && values['write-baseline']) {
  const count = writeBaseline(baselineFile, checked)
  console.log(reports.terminal!(checked, options))
  console.log(`\nWrote ${count} accepted failure${count === 1 ? '' : 's'} to ${values.baseline}`)
  process.exit(0)
}
const { groups, fixed } = baselineFile
  ? applyBaseline(checked, baseline, baselineFile)
  : { groups: checked, fixed: [] }
console.log(reports.terminal!(groups, options))
for (const entry of fixed)
  console.log(
    `Fixed since the baseline: ${entry.page}:${entry.line} › ${entry.title} (${entry.verdict}); rewrite it with --write-baseline`,
  )
if (values.annotations) console.log(reports.annotations!(groups, options))
for (const format of ['json', 'junit', 'markdown', 'html'] as const) {
  const file = values[format]
  if (file) await writeFile(resolve(base, file), reports[format]!(groups, options))
}
process.exitCode = groups.some((group) => groupFails(group, options.strict)) ? 1 : 0
