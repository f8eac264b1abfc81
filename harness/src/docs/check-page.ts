import { dirname } from 'node:path'
import { availableParallelism } from 'node:os'
import pLimit, { type LimitFunction } from 'p-limit'
import type { RunningMock } from '@conformance/openrouter-mock'
import type { CanonicalRequest } from '../canonicalize.ts'
import { annotatedTypes, blockKind, type BlockKind, type ValueMember } from './block-kinds.ts'
import {
  checkOperation,
  runTab,
  typeErrorText,
  type TabEvidence,
  type TabVerdict,
} from './check-tab.ts'
import { causeOf, type Cause } from './causes.ts'
import { compareTabs, type Comparison } from './compare-tabs.ts'
import { placeFixtureFiles } from './fixture-files.ts'
import { joinPage, type JoinBlock, type Joined } from './join.ts'
import { javaScriptNames, pythonNames, type BlockNames, type JavaScriptLanguage } from './names.ts'
import { notJudged, type Family } from './not-judged.ts'
import {
  defaultLimits,
  kilobytes,
  readPageText,
  type PageLimits,
  type PageProblem,
} from './page-input.ts'
import { parsePage, type CodeGroup, type Operation } from './parse-page.ts'
import { environmentFor, exportedVariables, fillPlaceholders } from './placeholders.ts'
import { fillFor } from './readers-account.ts'
import { packageNote } from './package-notes.ts'
import { importedPackages, planTab, type Runner } from './runners.ts'
import { withoutTypeOnlyImports } from './statements.ts'
import { renderTemplate, templateValues, TemplateError } from './template.ts'
import { typeCheck, type CheckedFile, type TypeCheckError } from './type-check.ts'
import { isTypeScript, namespaceModule, writeBlockFile } from './workspace.ts'

// How a block was judged when it was not run: by the type checker alone (reference notation), or
// as a fragment of a program.
export type Mode = 'type-example' | 'declarations' | 'values' | 'signatures' | 'fragment'

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
  // How it was judged, where it was not run.
  mode?: Mode
  // Names it uses that the page imports as template constants, which the site leaves unrendered.
  unrendered?: string[]
  // What kind of docs bug a failure is (causes.ts).
  cause?: Cause
  // A fragment counted as a failure (--strict).
  strictFailure?: boolean
  // Where the checker itself failed (a checker-fault): in the JSON report only.
  stack?: string
}

export type GroupResult = {
  page: string
  index: number
  line: number
  standalone?: boolean
  // The verdict of the whole page (it does not parse, or the checker failed on it), not a group's.
  pageLevel?: boolean
  tabs: TabResult[]
  comparison: Comparison
}

// What a site run reports as it goes: how many blocks each page has once every page is read, then
// each block's result as it comes (progress.ts prints them).
export type Progress = {
  planned: (totals: { pages: Map<string, number>; blocks: number }) => void
  judged: (result: TabResult) => void
}

export type SiteOptions = {
  mock: RunningMock
  workspace: string
  docsRoot?: (page: string) => string | undefined
  timeoutMs: number
  progress?: Progress
  limits?: PageLimits
}

let blockCount = 0

// One block of a page, planned: where it stands, how it runs (or why it does not), what it means.
type Block = {
  base: Omit<TabResult, 'verdict' | 'reason'>
  // The index of its group among the page's, and its runner, if it has one.
  groupIndex: number
  runner?: Runner
  // Why it is not judged or cannot be rendered, decided before anything else.
  result?: TabResult
  // Rendered as the site shows it; placeholders are filled once it is joined, with its own keys.
  code: string
  names?: BlockNames
  kind?: BlockKind
}

type Page = {
  file: string
  // Why it cannot be checked at all (it is checked for nothing else).
  problem?: PageProblem
  // The checker's own failure on it: reported as ours, and the run goes on.
  fault?: unknown
  groups: CodeGroup[]
  blocks: Block[]
  // The names the page imports (its template constants among them).
  imports: Set<string>
  // `export NAME=value` lines the page's blocks tell the reader to run.
  exported: Record<string, string>
}

const familyOf = (runner: Runner | undefined): Family | undefined =>
  runner === 'typescript' ? 'javascript' : runner

const javaScriptLanguage = (language: string): JavaScriptLanguage =>
  language === 'tsx'
    ? 'tsx'
    : language === 'jsx'
      ? 'jsx'
      : isTypeScript(language)
        ? 'typescript'
        : 'javascript'

// A parser's error names where the page stops parsing: micromark's and acorn's as a point, the
// MDX tree's (a tag left open) only in its name, `1:1-1:12`.
type Point = { line?: number; column?: number }
const parseProblem = (error: unknown): PageProblem | undefined => {
  if (!(error instanceof Error)) return undefined
  const { reason, line, column, place } = error as Error &
    Point & { reason?: string; place?: Point & { start?: Point } }
  const named = /^(\d+):(\d+)/.exec(error.name)
  const point: Point =
    typeof line === 'number'
      ? { line, column }
      : (place?.start ??
        (place?.line ? place : undefined) ??
        (named ? { line: Number(named[1]), column: Number(named[2]) } : undefined) ??
        {})
  if (error.constructor.name !== 'VFileMessage' && point.line === undefined) return undefined
  return {
    message: `does not parse: ${(reason ?? error.message).replace(/ \(\d+:\d+(-\d+:\d+)?\)$/, '')}`,
    line: point.line ?? 1,
    column: point.column ?? 1,
  }
}

const readPage = (file: string, docsRoot: string | undefined, limits: PageLimits): Page => {
  const input = readPageText(file, limits)
  const empty = { file, groups: [], blocks: [], imports: new Set<string>(), exported: {} }
  if ('problem' in input) return { ...empty, problem: input.problem }
  let parsed: ReturnType<typeof parsePage>
  try {
    parsed = parsePage(input.text, file)
  } catch (error) {
    const problem = parseProblem(error)
    if (!problem) throw error
    return { ...empty, problem }
  }
  const imports = new Set(
    parsed.imports.flatMap((program) =>
      program.body.flatMap((statement) =>
        statement.type === 'ImportDeclaration'
          ? statement.specifiers.map((specifier) => specifier.local.name)
          : [],
      ),
    ),
  )
  let count = 0
  const blocks = parsed.groups.flatMap((group, groupIndex) => {
    let values: Record<string, unknown> = {}
    let unrenderable: string | undefined
    if (group.template) {
      try {
        values = templateValues(group.template, parsed.imports, docsRoot)
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error
        unrenderable = `its <Template> data cannot be rendered: ${error.message}`
      }
    }
    return group.tabs.map((tab): Block => {
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
      const code = renderTemplate(tab.code, values)
      const over = overLimit(tab.code, ++count, limits)
      if (over)
        return { base, groupIndex, code, result: { ...base, verdict: 'skipped', reason: over } }
      if ('skip' in plan)
        return {
          base,
          groupIndex,
          code,
          result: { ...base, verdict: 'skipped', reason: plan.skip },
        }
      if (unrenderable)
        return {
          base,
          groupIndex,
          code,
          result: { ...base, verdict: 'unrenderable', reason: unrenderable },
        }
      return { base, groupIndex, code, runner: plan.runner }
    })
  })
  const exported = Object.assign(
    {},
    ...parsed.groups.flatMap((group) =>
      group.tabs
        .filter((tab) =>
          ['bash', 'sh', 'shell', 'zsh', 'env', 'dotenv', 'console'].includes(tab.language),
        )
        .map((tab) => exportedVariables(tab.code)),
    ),
  ) as Record<string, string>
  return { file, groups: parsed.groups, blocks, imports, exported }
}

// A block past the limits of one page is not run, and says which.
const overLimit = (code: string, index: number, limits: PageLimits) =>
  Buffer.byteLength(code) > limits.blockBytes
    ? `not judged: the block is ${kilobytes(Buffer.byteLength(code))}, over the ${kilobytes(limits.blockBytes)} a block may be`
    : index > limits.blocks
      ? `not judged: the page has more than ${limits.blocks} blocks, the most the checker runs on one page`
      : undefined

// The names of every block of a site: JavaScript in process, Python in one interpreter.
// A block whose names cannot be read (it nests deeper than a parser goes) joins nothing and runs
// alone, as one that does not parse.
const readNames = async (pages: Page[]) => {
  const python = pages.flatMap((page) => page.blocks).filter((block) => block.runner === 'python')
  const fromPython = await pythonNames(python.map((block) => block.code)).catch(() => [])
  python.forEach((block, i) => (block.names = fromPython[i]))
  for (const block of pages.flatMap((page) => page.blocks)) {
    if (block.runner !== 'typescript') continue
    const language = javaScriptLanguage(block.base.language)
    try {
      block.names = javaScriptNames(block.code, language)
      if (language === 'typescript') block.kind = blockKind(block.code, block.names)
    } catch {
      block.names = undefined
    }
  }
}

// The values block's own code, as the type checker reads it: each value on its own line, held to
// the page's type where the page documents one (`const __value0: DataCollection = "deny";`).
const valuesCode = (members: ValueMember[], code: string, type: string | undefined) => {
  const lines = code.split('\n').map(() => '')
  members.forEach((member, i) => {
    lines[member.line - 1] +=
      member.literal && type
        ? `const __value${i}: ${type} = ${member.text}; `
        : `type __Value${i} = ${member.text}; `
  })
  return lines.join('\n')
}

// The one type a page's type examples declare their values under, if there is exactly one.
const documentedType = (page: Page) => {
  const types = new Set(
    page.blocks
      .filter((block) => block.kind?.kind === 'type-example')
      .flatMap((block) => annotatedTypes(block.code)),
  )
  return types.size === 1 ? [...types][0] : undefined
}

// A block planned to run, to be type-checked alone, or as a fragment, with its files written.
type Planned = {
  block: Block
  id: string
  mode: 'run' | Mode
  joined: Joined
  family: Family
  // The page lines of the block's own code begin after this many lines of the files.
  prefixLines: number
  ownLines: number
  runFile?: string
  checkFile?: string
  key?: string
  environment: Record<string, string>
  // Values nothing on the page defines; those a sibling tab defines; template constants.
  open: string[]
  lost: string[]
  unrendered: string[]
  // The packages its code (joined) imports.
  imported: string[]
}

// The file a block runs from: Node runs .ts and .cts itself, a block that requires rather than
// imports as CommonJS.
const runFileName = (family: Family, typescript: boolean, commonJs: boolean) =>
  family === 'python'
    ? 'block.py'
    : family === 'shell'
      ? 'block.sh'
      : `block.${commonJs ? 'c' : typescript ? '' : 'm'}${typescript ? 'ts' : 'js'}`

const commonJsNames = new Set(['require', 'module', 'exports', '__dirname', '__filename'])

// Plans every block of a page: joins it to what it uses, decides how it is judged, and writes the
// files it runs and is type-checked from.
const planPage = (page: Page, options: SiteOptions): Planned[] => {
  const type = documentedType(page)
  // What cannot be judged is decided first: nothing joins it.
  for (const block of page.blocks.filter((block) => block.runner && !block.result)) {
    const reason =
      notJudged(block.code, familyOf(block.runner)!, {
        uses: block.names?.uses ?? [],
        jsx: block.names?.jsx ?? false,
      }) ??
      (block.kind?.kind === 'values' && !type && block.kind.members.every((m) => m.literal)
        ? 'an illustration: a value shown on its own, with no type on the page to hold it to'
        : undefined)
    if (reason) block.result = { ...block.base, verdict: 'skipped', reason }
  }
  const eligible = page.blocks.filter((block) => block.runner && !block.result)
  const joins = joinPage(
    eligible.map((block): JoinBlock => ({
      group: block.base.group,
      title: block.base.title,
      family: block.runner === 'python' ? 'python' : 'javascript',
      line: block.base.line,
      statements:
        block.runner === 'shell'
          ? undefined
          : block.kind?.kind === 'values'
            ? [valuesStatement(type)]
            : block.names?.statements,
    })),
  )
  const planned: Planned[] = []
  eligible.forEach((block, i) => {
    const joined = joins[i]!
    const family = familyOf(block.runner)!
    const siblings = new Set(
      page.blocks
        .filter((other) => other !== block && other.groupIndex === block.groupIndex)
        .flatMap((other) => other.names?.defines ?? []),
    )
    const unrendered = joined.unresolved.filter((name) => page.imports.has(name))
    // A name a sibling tab defines and this one never does: the tab lost it (tabs are one program
    // in several languages).
    const lost = joined.unresolved.filter((name) => siblings.has(name) && !page.imports.has(name))
    const open = joined.unresolved.filter((name) => !page.imports.has(name) && !siblings.has(name))
    const commonJs =
      open.length > 0 &&
      open.every((name) => commonJsNames.has(name)) &&
      !block.names?.statements.some((statement) => statement.kind === 'import')
    const kind = block.kind?.kind ?? 'program'
    const mode: Planned['mode'] =
      kind !== 'program'
        ? kind
        : open.length > 0 && unrendered.length === 0 && lost.length === 0 && !commonJs
          ? 'fragment'
          : 'run'
    const id = `block-${++blockCount}`
    // Joined with a TypeScript block, a JavaScript block runs as TypeScript too.
    const typescript =
      family === 'javascript' &&
      [block, ...eligible.filter((other) => joined.joinedWith.includes(other.base.line))].some(
        (part) => isTypeScript(part.base.language),
      )
    const own =
      block.kind?.kind === 'values'
        ? valuesCode(block.kind.members, block.code, type)
        : block.kind?.kind === 'signatures'
          ? `interface __Signatures { ${block.code}\n}`
          : block.code
    const entry: Planned = {
      block,
      id,
      mode,
      joined,
      family,
      prefixLines: joined.prefixLines,
      ownLines: block.code.split('\n').length,
      environment: {},
      open,
      lost,
      unrendered,
      imported: [],
    }
    let code = `${joined.prefix}${own}`
    if (mode === 'run') {
      // Its own key, on an account of its own; placeholders filled from there.
      entry.key = options.mock.keys.create({
        name: `${block.base.page} › ${block.base.title}`,
        account: id,
      }).key
      const fill = fillFor(options.mock, id, entry.key)
      code = fillPlaceholders(code, family === 'shell' ? 'shell' : 'code', fill)
      entry.environment = environmentFor(code, page.exported, fill)
      const runnable = typescript ? withoutTypeOnlyImports(code) : code
      entry.runFile = writeBlockFile(
        options.workspace,
        id,
        runFileName(family, typescript, commonJs),
        runnable,
      )
      placeFixtureFiles(runnable, dirname(entry.runFile))
    }
    entry.imported = family === 'javascript' ? (importedPackages(code) ?? []) : []
    if (typescript) {
      // A fragment is checked with what it leaves open declared, so the rest of it still counts.
      const appendix =
        mode === 'fragment'
          ? `\n${open.map((name) => `declare const ${name}: any;`).join('\n')}`
          : ''
      entry.checkFile = writeBlockFile(
        options.workspace,
        id,
        commonJs ? 'check.cts' : 'check.ts',
        `${code}${appendix}`,
      )
    }
    planned.push(entry)
  })
  return planned
}

// What a values block needs defined, as the join reads it: the page's type, by the name it
// starts with.
const valuesStatement = (type: string | undefined) => {
  const uses = type ? [type.split(/[.<]/)[0]!] : []
  return { text: '', line: 1, defines: [], assigns: [], uses, values: [] }
}

// Type errors a block answers for: on its own lines, numbered from its first line. Reference
// notation is checked as declarations: a signature without a body, a constant without a value.
const ambient = new Set(['TS2391', 'TS1155'])
const ownErrors = (planned: Planned, checked: CheckedFile | undefined): TypeCheckError[] =>
  (checked?.errors ?? [])
    .filter(
      (error) =>
        error.line > planned.prefixLines && error.line <= planned.prefixLines + planned.ownLines,
    )
    .filter(
      (error) => planned.mode === 'run' || planned.mode === 'fragment' || !ambient.has(error.code),
    )
    .map((error) => ({ ...error, line: error.line - planned.prefixLines }))

const withCause = (tab: TabResult): TabResult => {
  const cause = causeOf(tab)
  return cause ? { ...tab, cause } : tab
}

// Causes that name a package's export, option or method: the reason says which version lacks it.
const aboutAPackage = new Set<Cause>([
  'an export the package does not have',
  'an option or field the type does not have',
  'a method or property the SDK does not have',
])

const withNote = (tab: TabResult, imported: string[]): TabResult => {
  if (!tab.cause || !aboutAPackage.has(tab.cause)) return tab
  const message = tab.verdict === 'type-error' ? tab.evidence?.typeErrors[0] : tab.evidence?.error
  const note = message && packageNote(message, imported)
  return note ? { ...tab, reason: `${tab.reason}; ${note}` } : tab
}

const lines = (numbers: number[]) =>
  `${numbers.length === 1 ? 'the block at line' : 'the blocks at lines'} ${numbers.join(', ')}`

// Why a joined block ran (or was type-checked) with others, after its own reason.
const joinedReason = (reason: string, joined: number[], how = 'run') =>
  joined.length === 0
    ? reason
    : `${reason} (${how} after ${lines(joined)}, which define${joined.length === 1 ? 's' : ''} what it uses)`

const what: Record<Exclude<Mode, 'fragment'>, string> = {
  'type-example': 'a type example',
  declarations: 'declarations',
  values: 'the values of a type',
  signatures: 'a list of signatures',
}

// A block judged by the type checker alone: reference notation, or a fragment.
const judgeTypes = (planned: Planned, checked: CheckedFile | undefined): TabResult => {
  const { block } = planned
  const errors = ownErrors(planned, checked).map((error) => typeErrorText(error, block.base.line))
  const evidence: TabEvidence = { requests: [], stdoutTail: '', stderrTail: '', typeErrors: errors }
  const open = [...planned.open, ...(checked?.leftOpen ?? [])]
  const leftOpen =
    open.length > 0
      ? `; leaves open ${[...new Set(open)].join(', ')}, which nothing on the page defines`
      : ''
  const resolved = Object.entries(checked?.resolved ?? {}).map(
    ([name, module]) => `${name} as ${module}`,
  )
  const namespaces = resolved.length > 0 ? `; reads ${resolved.join(', ')}` : ''
  const result = (verdict: TabVerdict, reason: string): TabResult => ({
    ...block.base,
    verdict,
    reason: joinedReason(reason, planned.joined.joinedWith, 'checked'),
    evidence,
    mode: planned.mode as Mode,
    ...(planned.joined.joinedWith.length > 0 ? { joinedWith: planned.joined.joinedWith } : {}),
  })
  if (planned.mode === 'fragment') {
    const fragment = `a fragment: uses ${planned.open.join(', ')}, which nothing on the page defines`
    if (errors.length > 0)
      return result(
        'type-error',
        `${fragment}, and the rest does not type-check: ${errors.join('; ')}`,
      )
    return result(
      'fragment',
      `${fragment} (not run${planned.checkFile ? '; the rest type-checks' : ''})`,
    )
  }
  const kind = what[planned.mode as Exclude<Mode, 'fragment'>]
  if (errors.length > 0)
    return result('type-error', `${kind}, but does not type-check: ${errors.join('; ')}`)
  return result(
    'pass',
    `${kind}: type-checks against the pinned packages, not run${namespaces}${leftOpen}`,
  )
}

const judgeRun = async (
  planned: Planned,
  checked: Promise<Map<string, CheckedFile>>,
  options: SiteOptions,
  schedule: LimitFunction,
): Promise<TabResult> => {
  const { block } = planned
  // The block runs while the site's type check goes on; its type errors join its verdict after.
  const types = async () => (planned.checkFile ? (await checked).get(planned.checkFile) : undefined)
  const ran = await runTab(
    options.mock,
    {
      id: planned.id,
      runner: block.runner!,
      file: planned.runFile!,
      dir: dirname(planned.runFile!),
      key: planned.key!,
      account: planned.id,
      environment: planned.environment,
      typeErrors: () => types().then((checkedFile) => ownErrors(planned, checkedFile)),
      fenceLine: block.base.line,
      onlyDeclares: block.names?.onlyDeclares ?? false,
      joined: planned.joined.joinedWith.length > 0,
      schedule,
    },
    options.timeoutMs,
  )
  const operation = block.base.operation
  const check = operation && ran.verdict === 'pass' ? checkOperation(ran, operation) : ran
  const lost =
    planned.lost.length > 0 && check.verdict !== 'pass'
      ? ` (uses ${planned.lost.join(', ')}, which a sibling tab defines and this one never does)`
      : ''
  return {
    ...block.base,
    ...check,
    reason: joinedReason(`${check.reason}${lost}`, planned.joined.joinedWith),
    ...(planned.joined.joinedWith.length > 0 ? { joinedWith: planned.joined.joinedWith } : {}),
    ...(planned.unrendered.length > 0 ? { unrendered: planned.unrendered } : {}),
  }
}

// A whole site, in stages: every page read and every block planned first (so the type checker
// sees every TypeScript block of the site in one pass), then the blocks that run, as many at once
// as there are cores, while the type check goes on. Results come in page order.
// The checker's own failure, as a result: never the page's, the stack kept for the JSON report.
const checkerFault = (
  base: Pick<TabResult, 'page' | 'group' | 'title' | 'language' | 'line'>,
  where: string,
  error: unknown,
): TabResult => ({
  ...base,
  verdict: 'checker-fault',
  reason: `the checker failed on ${where}: ${(error as Error)?.message ?? String(error)} (the checker's fault, not the page's)`,
  request: null,
  warnings: [],
  stack: (error as Error)?.stack ?? String(error),
})

// The one result of a page that is not checked block by block.
const pageResult = (page: Page): TabResult => {
  const base = { page: page.file, group: 0, title: 'page', language: '', line: 1 }
  if (page.problem) {
    const { message, line, column } = page.problem
    return {
      ...base,
      line,
      verdict: 'unparseable',
      reason: `${message} (line ${line}, column ${column})`,
      request: null,
      warnings: [],
    }
  }
  return checkerFault(base, 'this page', page.fault)
}

const pageGroup = (page: Page, tab: TabResult): GroupResult => ({
  page: page.file,
  index: 0,
  line: tab.line,
  pageLevel: true,
  tabs: [tab],
  comparison: { headers: [], bodies: [] },
})

// A whole site, in stages: every page read and every block planned first (so the type checker
// sees every TypeScript block of the site in one pass), then the blocks that run, as many at once
// as there are cores, while the type check goes on. A page that does not parse, or that the
// checker fails on, gets one verdict of its own, and every other page is checked as usual.
// Results come in page order.
export const checkSite = async (pages: string[], options: SiteOptions): Promise<GroupResult[]> => {
  const limits = options.limits ?? defaultLimits
  const read = pages.map((file): Page => {
    try {
      return readPage(file, options.docsRoot?.(file), limits)
    } catch (fault) {
      return { file, groups: [], blocks: [], imports: new Set(), exported: {}, fault }
    }
  })
  const whole = (page: Page) => page.problem !== undefined || page.fault !== undefined
  options.progress?.planned({
    pages: new Map(read.map((page) => [page.file, whole(page) ? 1 : page.blocks.length])),
    blocks: read.reduce((sum, page) => sum + (whole(page) ? 1 : page.blocks.length), 0),
  })
  await readNames(read)
  const planned = read.map((page) => {
    if (whole(page)) return []
    try {
      return planPage(page, options)
    } catch (fault) {
      page.fault = fault
      return []
    }
  })
  const toCheck = planned.flat().filter((entry) => entry.checkFile)
  const checked = typeCheck(
    options.workspace,
    toCheck.map((entry) => ({
      file: entry.checkFile!,
      namespaceModule: (name: string) => namespaceModule(name, entry.imported),
    })),
  )
  // A failed type check fails every block that waits on it, not the process.
  checked.catch(() => {})
  const limit: LimitFunction = pLimit(availableParallelism())
  const judged = (result: TabResult, entry?: Planned) => {
    const withItsCause = withNote(withCause(result), entry?.imported ?? [])
    options.progress?.judged(withItsCause)
    return withItsCause
  }
  const judgeBlock = async (entry: Planned) =>
    judged(
      entry.mode === 'run'
        ? await judgeRun(entry, checked, options, limit)
        : judgeTypes(entry, entry.checkFile ? (await checked).get(entry.checkFile) : undefined),
      entry,
    )
  const results = await Promise.all(
    read.map(async (page, p) => {
      if (whole(page)) return [pageGroup(page, judged(pageResult(page)))]
      const byBlock = new Map(planned[p]!.map((entry) => [entry.block, entry]))
      const tabs = await Promise.all(
        page.blocks.map(async (block): Promise<TabResult> => {
          const entry = byBlock.get(block)
          if (!entry) return judged(block.result!)
          try {
            return await judgeBlock(entry)
          } catch (fault) {
            return judged(checkerFault(block.base, 'this block', fault), entry)
          }
        }),
      )
      return page.groups.map((group, g): GroupResult => {
        const groupTabs = tabs.filter((_, i) => page.blocks[i]!.groupIndex === g)
        const senders = groupTabs.flatMap((tab) =>
          tab.request ? [{ title: tab.title, request: tab.request, warnings: tab.warnings }] : [],
        )
        return {
          page: page.file,
          index: group.index,
          line: group.line,
          ...(group.standalone ? { standalone: true } : {}),
          tabs: groupTabs,
          comparison: compareTabs(senders),
        }
      })
    }),
  )
  return results.flat()
}

// One page, every group, every block: as a site of one page.
export const checkPage = (
  file: string,
  options: Omit<SiteOptions, 'docsRoot'> & { docsRoot?: string },
) => checkSite([file], { ...options, docsRoot: () => options.docsRoot })
