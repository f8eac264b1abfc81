import { availableParallelism } from 'node:os'
import { dirname } from 'node:path'
import pLimit from 'p-limit'
import {
  groupsOf,
  judgeBlockRun,
  judgeExample,
  judgeTypes,
  withCause,
  withDirectives,
  withPublishedSpec,
} from './judge/index.ts'
import { readPage } from './parse/index.ts'
import { placePage, siteNavigation } from './parse/navigation.ts'
import { defaultLimits } from './parse/page-input.ts'
import { planSite } from './plan/index.ts'
import { runBlock, typeCheck } from './run/index.ts'
import { namespaceModule } from './toolbox.ts'
import type {
  Block,
  BlockPlace,
  BlockResult,
  CheckedFile,
  GroupResult,
  Page,
  PageSite,
  PlannedBlock,
  PlannedPage,
  SiteOptions,
} from './types.ts'

// The checker's own failure, as a result: never the page's, the stack kept for the JSON report.
const checkerFault = (
  place: Pick<BlockPlace, 'page' | 'group' | 'title' | 'language' | 'line'>,
  where: string,
  error: unknown,
): BlockResult => ({
  ...place,
  verdict: 'checker-fault',
  reason: `the checker failed on ${where}: ${(error as Error)?.message ?? String(error)} (the checker's fault, not the page's)`,
  request: null,
  warnings: [],
  stack: (error as Error)?.stack ?? String(error),
})

// The one result of a page that is not checked block by block.
const pageResult = (page: Page, fault: unknown): BlockResult => {
  const place = { page: page.file, group: 0, title: 'page', language: '', line: 1 }
  if (page.problem) {
    const { message, line, column } = page.problem
    return {
      ...place,
      line,
      verdict: 'unparseable',
      reason: `${message} (line ${line}, column ${column})`,
      request: null,
      warnings: [],
    }
  }
  return checkerFault(place, 'this page', fault)
}

const pageGroup = (page: Page, result: BlockResult): GroupResult => ({
  page: page.file,
  index: 0,
  line: result.line,
  pageLevel: true,
  ...(page.site ? { site: page.site } : {}),
  blocks: [result],
  comparison: { headers: [], bodies: [] },
})

// A whole site, in stages: every page read (parse/) and every block planned (plan/) first, so the
// type checker sees every TypeScript block of the site in one pass; then the blocks that run
// (run/), as many at once as there are cores, while the type check goes on; each judged as it
// comes (judge/). A page that does not parse, or that the checker fails on, gets one verdict of
// its own, and every other page is checked as usual. Results come in page order.
export const checkSite = async (pages: string[], options: SiteOptions): Promise<GroupResult[]> => {
  const limits = options.limits ?? defaultLimits
  const navigationOf = siteNavigation()
  const read = pages.map((file): Page => {
    let site: PageSite | undefined
    try {
      const docsRoot = options.docsRoot?.(file)
      const placed = placePage(
        file,
        docsRoot,
        navigationOf(docsRoot),
        options.base ?? process.cwd(),
      )
      const selected = options.selected?.get(file)
      site = selected ? { ...placed, selected } : placed
      return { ...readPage(file, docsRoot, limits), site }
    } catch (fault) {
      return {
        file,
        ...(site ? { site } : {}),
        groups: [],
        blocks: [],
        imports: new Set(),
        exported: {},
        fault,
      }
    }
  })
  const whole = (page: Page) => page.problem !== undefined || page.fault !== undefined
  options.progress?.planned({
    pages: new Map(read.map((page) => [page.file, whole(page) ? 1 : page.blocks.length])),
    blocks: read.reduce((sum, page) => sum + (whole(page) ? 1 : page.blocks.length), 0),
  })
  const plans = await planSite(read, options)
  const planned = plans.flatMap(({ blocks }) =>
    blocks.flatMap((entry) => ('planned' in entry ? [entry.planned] : [])),
  )
  const checked = typeCheck(
    options.workspace,
    planned
      .filter((entry) => entry.checkFile)
      .map((entry) => ({
        file: entry.checkFile!,
        namespaceModule: (name: string) => namespaceModule(name, entry.imported),
      })),
  )
  // A failed type check fails every block that waits on it, not the process.
  checked.catch(() => {})
  const typesOf = async (entry: PlannedBlock): Promise<CheckedFile | undefined> =>
    entry.checkFile ? (await checked).get(entry.checkFile) : undefined
  const schedule = pLimit(availableParallelism())
  const judged = (result: BlockResult, block?: Block, entry?: PlannedBlock) => {
    const caused = withCause(result, entry?.imported)
    const told = block ? withDirectives(caused, block) : caused
    options.progress?.judged(told)
    return told
  }
  // A block runs while the site's type check goes on; only its process holds a core.
  const judge = async (entry: PlannedBlock): Promise<BlockResult> => {
    if (entry.mode !== 'run') return judgeTypes(entry, await typesOf(entry))
    const facts = await runBlock(
      options.mock,
      {
        id: entry.id,
        runner: entry.runner,
        file: entry.runFile!,
        dir: dirname(entry.runFile!),
        key: entry.key!,
        account: entry.id,
        environment: entry.environment,
        page: entry.block.place.page,
        schedule,
        ...(options.sandbox ? { sandbox: options.sandbox } : {}),
      },
      entry.timeoutMs ?? options.timeoutMs,
    )
    const ran = judgeBlockRun(
      entry,
      facts,
      await typesOf(entry),
      entry.timeoutMs ?? options.timeoutMs,
    )
    return withPublishedSpec(ran, facts, options.judges)
  }
  const results = await Promise.all(
    plans.map(async ({ page, blocks, fault }: PlannedPage) => {
      if (whole(page) || fault)
        return [pageGroup(page, judged(pageResult(page, page.fault ?? fault)))]
      const judgedBlocks = await Promise.all(
        blocks.map(async (entry, i) => {
          const block = page.blocks[i]
          if ('example' in entry) return undefined
          if ('settled' in entry) return judged(entry.settled, block)
          try {
            return judged(await judge(entry.planned), block, entry.planned)
          } catch (error) {
            return judged(checkerFault(entry.planned.block.place, 'this block', error), block)
          }
        }),
      )
      // An example is judged once the calls beside it have run: they say what it illustrates.
      const programs = judgedBlocks.map((result, i) => result ?? page.blocks[i]!.place)
      const results = blocks.map((entry, i) => {
        if (!('example' in entry)) return judgedBlocks[i]!
        const block = page.blocks[i]!
        try {
          return judged(judgeExample(entry.example, programs, page, i, options.judges), block)
        } catch (error) {
          return judged(checkerFault(block.place, 'this example', error), block)
        }
      })
      return groupsOf(page, results)
    }),
  )
  return results.flat()
}

// One page, every group, every block: as a site of one page.
export const checkPage = (
  file: string,
  options: Omit<SiteOptions, 'docsRoot'> & { docsRoot?: string },
) => checkSite([file], { ...options, docsRoot: () => options.docsRoot })
