import { dirname } from 'node:path'
import type { RunningMock } from '@conformance/openrouter-mock'
import type {
  Block,
  BlockKind,
  BlockNames,
  BlockResult,
  ExampleKind,
  Family,
  Page,
  PlannedBlock,
  PlannedPage,
  Runner,
  ValueMember,
} from '../types.ts'
import { annotatedTypes, blockKind } from './block-kinds.ts'
import { writeBlockFile } from './files.ts'
import { placeFixtureFiles } from './fixture-files.ts'
import { joinPage, type JoinBlock } from './join.ts'
import { importedPackages, isTypeScript, planFence } from './languages.ts'
import { javaScriptNames, pythonNames, type JavaScriptLanguage } from './names.ts'
import { notJudged } from './not-judged.ts'
import { environmentFor, fillPlaceholders } from './placeholders.ts'
import { fillFor } from './readers-account.ts'
import { withoutTypeOnlyImports } from './statements.ts'

export type PlanOptions = { mock: RunningMock; workspace: string }

let blockCount = 0

// A block as the plan reads it: how it runs, what it means, or why it is not judged.
type Candidate = {
  block: Block
  runner?: Runner
  names?: BlockNames
  kind?: BlockKind
  settled?: BlockResult
  example?: ExampleKind
}

const familyOf = (runner: Runner): Family => (runner === 'typescript' ? 'javascript' : runner)

const javaScriptLanguage = (language: string): JavaScriptLanguage =>
  language === 'tsx'
    ? 'tsx'
    : language === 'jsx'
      ? 'jsx'
      : isTypeScript(language)
        ? 'typescript'
        : 'javascript'

const skipped = (block: Block, reason: string): BlockResult => ({
  ...block.place,
  verdict: 'skipped',
  reason,
})

// Each block's runner (or why it has none), and its names: JavaScript in process, Python in one
// interpreter for the whole site. A block whose names cannot be read (it nests deeper than a
// parser goes) joins nothing and runs alone, as one that does not parse.
const readCandidates = async (pages: Page[]): Promise<Candidate[][]> => {
  const candidates = pages.map((page) =>
    page.blocks.map((block): Candidate => {
      if (block.settled) return { block, settled: block.settled }
      const skip = block.directives.find((directive) => directive.name === 'skip')
      if (skip) return { block, settled: skipped(block, `skipped by the page: ${skip.reason}`) }
      const plan = planFence({ ...block.place, code: block.place.code ?? block.code })
      if ('skip' in plan) return { block, settled: skipped(block, plan.skip) }
      if ('example' in plan) return { block, example: plan.example }
      if (block.unrenderable)
        return {
          block,
          settled: { ...block.place, verdict: 'unrenderable', reason: block.unrenderable },
        }
      return { block, runner: plan.runner }
    }),
  )
  const python = candidates.flat().filter((candidate) => candidate.runner === 'python')
  const fromPython = await pythonNames(python.map(({ block }) => block.code)).catch(() => [])
  python.forEach((candidate, i) => (candidate.names = fromPython[i]))
  for (const candidate of candidates.flat()) {
    if (candidate.runner !== 'typescript') continue
    const language = javaScriptLanguage(candidate.block.place.language)
    try {
      candidate.names = javaScriptNames(candidate.block.code, language)
      if (language === 'typescript')
        candidate.kind = blockKind(candidate.block.code, candidate.names)
    } catch {
      candidate.names = undefined
    }
  }
  return candidates
}

// The values block's own code, as the type checker reads it: each value on its own line, held to
// the page's type where the page documents one (`const __value0: Mode = "on";`).
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

// What a values block needs defined, as the join reads it: the page's type, by the name it
// starts with.
const valuesStatement = (type: string | undefined) => {
  const uses = type ? [type.split(/[.<]/)[0]!] : []
  return { text: '', line: 1, defines: [], assigns: [], uses, values: [] }
}

// The one type a page's type examples declare their values under, if there is exactly one.
const documentedType = (candidates: Candidate[]) => {
  const types = new Set(
    candidates
      .filter((candidate) => candidate.kind?.kind === 'type-example')
      .flatMap((candidate) => annotatedTypes(candidate.block.code)),
  )
  return types.size === 1 ? [...types][0] : undefined
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
const planPage = (
  page: Page,
  candidates: Candidate[],
  options: PlanOptions,
): PlannedPage['blocks'] => {
  const type = documentedType(candidates)
  // What cannot be judged is decided first: nothing joins it.
  for (const candidate of candidates.filter(
    (candidate) => candidate.runner && !candidate.settled,
  )) {
    const reason =
      notJudged(candidate.block.code, familyOf(candidate.runner!), {
        uses: candidate.names?.uses ?? [],
        jsx: candidate.names?.jsx ?? false,
      }) ??
      (candidate.kind?.kind === 'values' &&
      !type &&
      candidate.kind.members.every((member) => member.literal)
        ? 'an illustration: a value shown on its own, with no type on the page to hold it to'
        : undefined)
    if (reason) candidate.settled = skipped(candidate.block, reason)
  }
  const eligible = candidates.filter((candidate) => candidate.runner && !candidate.settled)
  const joins = joinPage(
    eligible.map((candidate): JoinBlock => ({
      group: candidate.block.place.group,
      title: candidate.block.place.title,
      family: candidate.runner === 'python' ? 'python' : 'javascript',
      line: candidate.block.place.line,
      setup: candidate.block.directives.some((directive) => directive.name === 'setup'),
      statements:
        candidate.runner === 'shell'
          ? undefined
          : candidate.kind?.kind === 'values'
            ? [valuesStatement(type)]
            : candidate.names?.statements,
    })),
  )
  const planned = new Map<Candidate, PlannedBlock>()
  eligible.forEach((candidate, i) => {
    const { block } = candidate
    const runner = candidate.runner!
    const joined = joins[i]!
    const family = familyOf(runner)
    const siblings = new Set(
      candidates
        .filter((other) => other !== candidate && other.block.groupIndex === block.groupIndex)
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
      !candidate.names?.statements.some((statement) => statement.kind === 'import')
    const kind = candidate.kind?.kind ?? 'program'
    const mode: PlannedBlock['mode'] =
      kind !== 'program'
        ? kind
        : open.length > 0 && unrendered.length === 0 && lost.length === 0 && !commonJs
          ? 'fragment'
          : 'run'
    const id = `block-${++blockCount}`
    const timeout = block.directives.find((directive) => directive.name === 'timeout')
    // Joined with a TypeScript block, a JavaScript block runs as TypeScript too.
    const typescript =
      family === 'javascript' &&
      [
        candidate,
        ...eligible.filter((other) => joined.joinedWith.includes(other.block.place.line)),
      ].some((part) => isTypeScript(part.block.place.language))
    const own =
      candidate.kind?.kind === 'values'
        ? valuesCode(candidate.kind.members, block.code, type)
        : candidate.kind?.kind === 'signatures'
          ? `interface __Signatures { ${block.code}\n}`
          : block.code
    const entry: PlannedBlock = {
      block,
      runner,
      id,
      mode,
      joined,
      family,
      ...(candidate.names ? { names: candidate.names } : {}),
      prefixLines: joined.prefixLines,
      ownLines: block.code.split('\n').length,
      environment: {},
      open,
      lost,
      unrendered,
      imported: [],
      ...(timeout ? { timeoutMs: timeout.seconds * 1000 } : {}),
    }
    let code = `${joined.prefix}${own}`
    if (mode === 'run') {
      // Its own key, on an account of its own; placeholders filled from there.
      entry.key = options.mock.keys.create({
        name: `${block.place.page} › ${block.place.title}`,
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
    planned.set(candidate, entry)
  })
  return candidates.map((candidate) => {
    const entry = planned.get(candidate)
    if (entry) return { planned: entry }
    if (candidate.example) return { example: { block: candidate.block, kind: candidate.example } }
    return { settled: candidate.settled! }
  })
}

// Every page of a site planned: a page that does not parse, or that the checker failed to read,
// is planned as nothing; a page the checker fails to plan says so, and the others are planned.
export const planSite = async (pages: Page[], options: PlanOptions): Promise<PlannedPage[]> => {
  const candidates = await readCandidates(pages)
  return pages.map((page, p) => {
    if (page.problem || page.fault) return { page, blocks: [] }
    try {
      return { page, blocks: planPage(page, candidates[p]!, options) }
    } catch (fault) {
      return { page, blocks: [], fault }
    }
  })
}
