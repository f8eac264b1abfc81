import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { availableParallelism } from 'node:os'
import pLimit from 'p-limit'
import type { RunningMock } from '@conformance/openrouter-mock'
import type { CanonicalRequest } from '../canonicalize.ts'
import { runTab, type TabEvidence, type TabVerdict } from './check-tab.ts'
import { compareTabs, type Comparison } from './compare-tabs.ts'
import { parsePage, type CodeGroup } from './parse-page.ts'
import { substitutePlaceholders } from './placeholders.ts'
import { planTab, type Runner } from './runners.ts'
import { renderTemplate, templateValues, TemplateError } from './template.ts'
import { typeCheck } from './type-check.ts'
import { writeTab } from './workspace.ts'

export type TabResult = {
  page: string
  group: number
  title: string
  language: string
  line: number
  verdict: TabVerdict
  reason: string
  fix?: string
  evidence?: TabEvidence
  request: CanonicalRequest | null
  warnings: string[]
  // A failure the baseline (--baseline) accepts: reported, and no longer failing the run.
  accepted?: boolean
}

export type GroupResult = {
  page: string
  index: number
  line: number
  tabs: TabResult[]
  comparison: Comparison
}

export type PageOptions = {
  mock: RunningMock
  workspace: string
  docsRoot?: string
  timeoutMs: number
  concurrency?: number
}

let tabCount = 0

type Prepared =
  | { result: TabResult }
  | {
      base: Omit<TabResult, 'verdict' | 'reason'>
      id: string
      runner: Runner
      file: string
      key: string
    }

// One page, every group, every tab: render it as the site would, run it against the mock through
// the proxy, and compare the tabs of each group with each other.
export const checkPage = async (file: string, options: PageOptions): Promise<GroupResult[]> => {
  const page = parsePage(readFileSync(file, 'utf8'), file)
  const prepared = page.groups.map((group) => prepareGroup(file, group, page.imports, options))
  const typeScript = prepared
    .flat()
    .filter((tab) => 'file' in tab && tab.file.endsWith('.ts')) as Extract<
    Prepared,
    { file: string }
  >[]
  const typeErrors = await typeCheck(
    options.workspace,
    typeScript.map((tab) => tab.file),
  )

  const limit = pLimit(options.concurrency ?? availableParallelism())
  const groups = await Promise.all(
    prepared.map(async (tabs, i) => {
      const results = await Promise.all(
        tabs.map((tab) =>
          'result' in tab
            ? tab.result
            : limit(async () => ({
                ...tab.base,
                ...(await runTab(
                  options.mock,
                  {
                    ...tab,
                    dir: dirname(tab.file),
                    typeErrors: typeErrors.get(tab.file) ?? [],
                    fenceLine: tab.base.line,
                  },
                  options.timeoutMs,
                )),
              })),
        ),
      )
      const senders = results.flatMap((tab) =>
        tab.request ? [{ title: tab.title, request: tab.request, warnings: tab.warnings }] : [],
      )
      return {
        page: file,
        index: page.groups[i]!.index,
        line: page.groups[i]!.line,
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
      request: null,
      warnings: [],
    }
    const plan = planTab(tab)
    if ('skip' in plan) return { result: { ...base, verdict: 'skipped', reason: plan.skip } }
    if (unrenderable) return { result: { ...base, verdict: 'unrenderable', reason: unrenderable } }
    const id = `tab-${++tabCount}`
    const key = options.mock.keys.create({ name: `${file} › ${tab.title}` }).key
    const code = substitutePlaceholders(renderTemplate(tab.code, values), key)
    return {
      base,
      id,
      runner: plan.runner,
      key,
      file: writeTab(options.workspace, id, plan.runner, tab.language, code),
    }
  })
}
