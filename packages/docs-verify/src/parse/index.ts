import type { Block, Page, PageLimits, PageProblem } from '../types.ts'
import { exportedVariables } from './exports.ts'
import { parsePage } from './mdx.ts'
import { kilobytes, readPageText } from './page-input.ts'
import { renderTemplate, templateValues, TemplateError } from './template.ts'

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

// A block past the limits of one page is not run, and says which.
const overLimit = (code: string, index: number, limits: PageLimits) =>
  Buffer.byteLength(code) > limits.blockBytes
    ? `not judged: the block is ${kilobytes(Buffer.byteLength(code))}, over the ${kilobytes(limits.blockBytes)} a block may be`
    : index > limits.blocks
      ? `not judged: the page has more than ${limits.blocks} blocks, the most the checker runs on one page`
      : undefined

const shellLanguages = ['bash', 'sh', 'shell', 'zsh', 'env', 'dotenv', 'console']

// A page as the site renders it: its blocks (each fence of each code group, and every fence
// outside one), their templates filled in; or why it cannot be read or parsed at all.
export const readPage = (file: string, docsRoot: string | undefined, limits: PageLimits): Page => {
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
    return group.fences.map((fence): Block => {
      const place = {
        page: file,
        group: group.index,
        title: fence.title,
        language: fence.language,
        line: fence.line,
        code: fence.code,
        request: null,
        warnings: [],
        ...(fence.operation ? { operation: fence.operation } : {}),
      }
      const code = renderTemplate(fence.code, values)
      const over = overLimit(fence.code, ++count, limits)
      return {
        place,
        groupIndex,
        section: fence.section ?? 0,
        ...(fence.heading ? { heading: fence.heading } : {}),
        code,
        directives: fence.directives ?? [],
        badDirectives: fence.badDirectives ?? [],
        ...(unrenderable ? { unrenderable } : {}),
        ...(over ? { settled: { ...place, verdict: 'skipped', reason: over } } : {}),
      }
    })
  })
  const exported = Object.assign(
    {},
    ...parsed.groups.flatMap((group) =>
      group.fences
        .filter((fence) => shellLanguages.includes(fence.language))
        .map((fence) => exportedVariables(fence.code)),
    ),
  ) as Record<string, string>
  return {
    file,
    groups: parsed.groups,
    blocks,
    imports,
    exported,
    ...(parsed.operation ? { operation: parsed.operation } : {}),
  }
}
