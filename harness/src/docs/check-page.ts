import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { availableParallelism } from 'node:os'
import pLimit, { type LimitFunction } from 'p-limit'
import type { RunningMock } from '@conformance/openrouter-mock'
import type { CanonicalRequest } from '../canonicalize.ts'
import { checkOperation, runTab, type TabEvidence, type TabVerdict } from './check-tab.ts'
import { causeOf, type Cause } from './causes.ts'
import { compareTabs, type Comparison } from './compare-tabs.ts'
import { placeFixtureFiles } from './fixture-files.ts'
import { joinJavaScript, joinPlan } from './fragments.ts'
import { blockNames } from './names.ts'
import { parsePage, type CodeGroup, type Operation } from './parse-page.ts'
import { managementKeyPlaceholder, substitutePlaceholders } from './placeholders.ts'
import { planTab, type Runner } from './runners.ts'
import { renderTemplate, templateValues, TemplateError } from './template.ts'
import { typeCheck } from './type-check.ts'
import { isTypeScript, writeTab } from './workspace.ts'

export type TabResult = {
  page: string
  group: number
  title: string
  language: string
  line: number
  // The block as the page has it (before templates and placeholders), for reports that show it.
  code?: string
  verdict: TabVerdict
  reason: string
  fix?: string
  evidence?: TabEvidence
  request: CanonicalRequest | null
  warnings: string[]
  // A failure the baseline (--baseline) accepts: reported, and no longer failing the run.
  accepted?: boolean
  // The page lines of the earlier blocks this one ran after, because it uses what they define.
  joinedWith?: number[]
  // The operation an SDK reference block declares (UsageSnippet), checked against what it sent.
  operation?: Operation
  // What kind of docs bug a failure is (causes.ts).
  cause?: Cause
}

export type GroupResult = {
  page: string
  index: number
  line: number
  standalone?: boolean
  tabs: TabResult[]
  comparison: Comparison
}

export type PageOptions = {
  mock: RunningMock
  workspace: string
  docsRoot?: string
  timeoutMs: number
  // Shared by the pages of a site checked together, so the cores are not oversubscribed.
  limit?: LimitFunction
}

let tabCount = 0

type Runnable = {
  base: Omit<TabResult, 'verdict' | 'reason'>
  id: string
  runner: Runner
  // Rendered as the site shows it; placeholders are filled once it is joined, with its own keys.
  code: string
  key: string
}
type Prepared = { result: TabResult } | Runnable

type Written = Runnable & {
  file: string
  // Lines of earlier blocks before the block's own code, and those blocks' page lines.
  prefixLines: number
  joinedWith: number[]
  onlyDeclares: boolean
}

// Each runnable block as a reader who followed the page runs it: after the earlier blocks that
// define what it uses (see fragments.ts), written to a file of its own.
const writeBlocks = async (
  tabs: Runnable[],
  { workspace, mock }: Pick<PageOptions, 'workspace' | 'mock'>,
): Promise<Written[]> => {
  const names = await blockNames(
    tabs.map((tab) => ({ runner: tab.runner, language: tab.base.language, code: tab.code })),
  )
  const plan = joinPlan(
    tabs.map((tab, i) => ({
      group: tab.base.group,
      title: tab.base.title,
      runner: tab.runner,
      names: names[i],
    })),
  )
  return tabs.map((tab, i) => {
    const earlier = plan[i]!.map((j) => tabs[j]!)
    const prefix = earlier.map((block) => block.code.replace(/\n*$/, '\n')).join('')
    // Joined with a TypeScript block, a JavaScript block runs as TypeScript too.
    const typescript = [tab, ...earlier].some((block) => isTypeScript(block.base.language))
    const code =
      earlier.length > 0 && tab.runner === 'typescript'
        ? joinJavaScript(
            [...earlier, tab].map((block) => block.code),
            typescript,
          )
        : prefix + tab.code
    const managementKey = code.includes(managementKeyPlaceholder)
      ? mock.keys.create({ name: `${tab.id} (management)`, management: true }).key
      : undefined
    const runnable = substitutePlaceholders(code, tab.key, managementKey)
    const file = writeTab(
      workspace,
      tab.id,
      tab.runner,
      typescript ? 'typescript' : tab.base.language,
      runnable,
    )
    placeFixtureFiles(runnable, dirname(file))
    return {
      ...tab,
      file,
      prefixLines: prefix.split('\n').length - 1,
      joinedWith: earlier.map((block) => block.base.line),
      onlyDeclares: names[i]?.onlyDeclares ?? false,
    }
  })
}

const withCause = (tab: TabResult): TabResult => {
  const cause = causeOf(tab)
  return cause ? { ...tab, cause } : tab
}

// Why a joined block ran with others, after its own reason.
const joinedReason = (reason: string, lines: number[]) =>
  lines.length === 0
    ? reason
    : `${reason} (run after the block${lines.length === 1 ? '' : 's'} at line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}, which define${lines.length === 1 ? 's' : ''} what it uses)`

// One page, every group, every tab: render it as the site would, run it against the mock through
// the proxy, and compare the tabs of each group with each other.
export const checkPage = async (file: string, options: PageOptions): Promise<GroupResult[]> => {
  const page = parsePage(readFileSync(file, 'utf8'), file)
  const prepared = page.groups.map((group) => prepareGroup(file, group, page.imports, options))
  const written = await writeBlocks(
    prepared.flat().filter((tab): tab is Runnable => 'code' in tab),
    options,
  )
  const byId = new Map(written.map((tab) => [tab.id, tab]))
  const typeErrors = await typeCheck(
    options.workspace,
    written.filter((tab) => tab.file.endsWith('.ts')).map((tab) => tab.file),
  )
  // A joined block answers for its own lines: the blocks before it are checked on their own.
  const ownTypeErrors = (tab: Written) =>
    (typeErrors.get(tab.file) ?? [])
      .filter((error) => error.line > tab.prefixLines)
      .map((error) => ({ ...error, line: error.line - tab.prefixLines }))

  const limit = options.limit ?? pLimit(availableParallelism())
  const groups = await Promise.all(
    prepared.map(async (tabs, i) => {
      const results = await Promise.all(
        tabs.map((prepared) => {
          if ('result' in prepared) return withCause(prepared.result)
          const tab = byId.get(prepared.id)!
          return limit(async (): Promise<TabResult> => {
            const ran = await runTab(
              options.mock,
              {
                ...tab,
                dir: dirname(tab.file),
                typeErrors: ownTypeErrors(tab),
                fenceLine: tab.base.line,
                joined: tab.joinedWith.length > 0,
              },
              options.timeoutMs,
            )
            const operation = tab.base.operation
            const check = operation && ran.verdict === 'pass' ? checkOperation(ran, operation) : ran
            const result: TabResult = {
              ...tab.base,
              ...check,
              reason: joinedReason(check.reason, tab.joinedWith),
              ...(tab.joinedWith.length > 0 ? { joinedWith: tab.joinedWith } : {}),
            }
            return withCause(result)
          })
        }),
      )
      const senders = results.flatMap((tab) =>
        tab.request ? [{ title: tab.title, request: tab.request, warnings: tab.warnings }] : [],
      )
      return {
        page: file,
        index: page.groups[i]!.index,
        line: page.groups[i]!.line,
        ...(page.groups[i]!.standalone ? { standalone: true } : {}),
        tabs: results,
        comparison: compareTabs(senders),
      }
    }),
  )
  return groups
}

const prepareGroup = (
  file: string,
  group: CodeGroup,
  imports: Parameters<typeof templateValues>[1],
  options: PageOptions,
): Prepared[] => {
  let values: Record<string, unknown> = {}
  let unrenderable: string | undefined
  if (group.template) {
    try {
      values = templateValues(group.template, imports, options.docsRoot)
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error
      unrenderable = `its <Template> data cannot be rendered: ${error.message}`
    }
  }
  return group.tabs.map((tab): Prepared => {
    const base = {
      page: file,
      group: group.index,
      title: tab.title,
      language: tab.language,
      line: tab.line,
      code: tab.code,
      request: null,
      warnings: [],
      ...(tab.operation ? { operation: tab.operation } : {}),
    }
    const plan = planTab(tab)
    if ('skip' in plan) return { result: { ...base, verdict: 'skipped', reason: plan.skip } }
    if (unrenderable) return { result: { ...base, verdict: 'unrenderable', reason: unrenderable } }
    const id = `tab-${++tabCount}`
    const key = options.mock.keys.create({ name: `${file} › ${tab.title}` }).key
    return { base, id, runner: plan.runner, key, code: renderTemplate(tab.code, values) }
  })
}

// A whole site: two pages at a time, so one page's parsing and type check overlap the other's
// blocks, and every block of every page under one limit of as many processes as there are cores.
// Results come in page order.
export const checkSite = async (
  pages: string[],
  options: Omit<PageOptions, 'limit' | 'docsRoot'> & {
    docsRoot?: (page: string) => string | undefined
  },
): Promise<GroupResult[]> => {
  const limit = pLimit(availableParallelism())
  const pageLimit = pLimit(2)
  const results = await Promise.all(
    pages.map((page) =>
      pageLimit(() => checkPage(page, { ...options, limit, docsRoot: options.docsRoot?.(page) })),
    ),
  )
  return results.flat()
}
