import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { parse as parseYaml } from 'yaml'
import { mdxFromMarkdown, type MdxJsxFlowElement, type MdxjsEsm } from 'mdast-util-mdx'
import { frontmatter } from 'micromark-extension-frontmatter'
import { mdxjs } from 'micromark-extension-mdxjs'
import type { Code, Parent, Root, RootContent } from 'mdast'
import type { Expression, Program } from 'estree'
import type { CodeGroup, Directive, Fence, Operation, ParsedPage } from '../types.ts'
import { isDirective, readDirective } from './directives.ts'

export const parseUsageSnippet = (comment: string): Operation | undefined => {
  if (!/^\s*\/\*\s*UsageSnippet\b/.test(comment)) return undefined
  const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(comment)?.[1]
  const [id, method, path] = [attribute('operationID'), attribute('method'), attribute('path')]
  return id && method && path ? { id, method: method.toUpperCase(), path } : undefined
}

// Words in a fence's info string that are display options, not part of a bare-word title.
const knownFlags = new Set(['lines', 'expandable', 'wrap', 'twoslash'])

// ```lang title="Tab" lines   or   ```lang Tab Title expandable
export const parseMeta = (
  language: string,
  meta: string | null | undefined,
): Pick<Fence, 'title' | 'flags'> => {
  const flags: string[] = []
  const words: string[] = []
  let title: string | undefined
  for (const [, name, quoted, braced, word] of (meta ?? '').matchAll(
    /(\w+)=(?:"([^"]*)"|\{([^}]*)\})|(\S+)/g,
  )) {
    if (name === 'title') title = quoted ?? braced
    else if (name) flags.push(`${name}=${quoted ?? braced}`)
    else if (knownFlags.has(word!)) flags.push(word!)
    else words.push(word!)
  }
  return { title: title ?? (words.length > 0 ? words.join(' ') : language || 'untitled'), flags }
}

// llms-full.txt indents whole fences' contents; the site shows them flush left, and Python
// would not run them otherwise. Only indentation common to every line is removed.
export const dedent = (code: string) => {
  const indents = code
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => line.match(/^[ \t]*/)![0].length)
  const common = Math.min(...indents)
  return common > 0 && Number.isFinite(common)
    ? code
        .split('\n')
        .map((line) => line.slice(common))
        .join('\n')
    : code
}

// A fence that opens with a display option (```lines) has no language: the option is its meta.
const fenceInfo = (node: Code) =>
  node.lang && knownFlags.has(node.lang)
    ? { language: '', meta: [node.lang, node.meta].filter(Boolean).join(' ') }
    : { language: node.lang ?? '', meta: node.meta }

// The directives that stand before a fence, and those the checker could not read.
type Told = { directives: Directive[]; bad: string[] }

const withTold = (fence: Fence, told?: Told): Fence => ({
  ...fence,
  ...(told?.directives.length ? { directives: told.directives } : {}),
  ...(told?.bad.length ? { badDirectives: told.bad } : {}),
})

const toFence = (node: Code, operation?: Operation, told?: Told): Fence => {
  const { language, meta } = fenceInfo(node)
  return withTold(
    {
      ...parseMeta(language, meta),
      language: language.toLowerCase(),
      code: dedent(node.value),
      line: node.position?.start.line ?? 0,
      ...(operation ? { operation } : {}),
    },
    told,
  )
}

// A heading as its reader sees it: the text of every part, code spans included.
const headingText = (node: RootContent): string =>
  'value' in node && typeof node.value === 'string'
    ? node.value
    : 'children' in node
      ? (node.children as RootContent[]).map(headingText).join('')
      : ''

// What comes between a directive and its block that it cannot stand before.
const prose = new Set(['paragraph', 'heading', 'table', 'thematicBreak'])

// The comments before blocks, as a walk meets them: each directive is kept for the next fence
// (every tab of a <CodeGroup> it stands before); one that prose or another element separates from
// it applies to nothing, and the next block says so. A setup directive is a block itself.
const directiveTracker = (addSetup: (fence: Fence) => void) => {
  let told: Told = { directives: [], bad: [] }
  // The lines of the directives told so far, and of those prose has stranded.
  let lines: number[] = []
  let stranded: number[] = []
  return {
    read: (text: string, line: number) => {
      const reading = readDirective(text, line)
      if (!reading) return
      if ('problem' in reading) told.bad.push(`the directive at line ${line}: ${reading.problem}`)
      else if (reading.setup) {
        const { language, meta, code, line: fenceLine } = reading.setup
        addSetup({
          ...parseMeta(language, meta),
          title: 'setup (hidden)',
          language,
          code: dedent(code),
          line: fenceLine,
          directives: [reading.directive],
        })
      } else {
        told.directives.push(reading.directive)
        lines.push(line)
      }
    },
    // What the next fence (or group of fences) is told; the tracker starts again.
    take: (): Told => {
      const taken = told
      if (stranded.length > 0)
        taken.bad.push(
          ...stranded.map(
            (line) =>
              `the directive at line ${line} stands before prose, not before a block: it applies to nothing`,
          ),
        )
      told = { directives: [], bad: [] }
      lines = []
      stranded = []
      return taken
    },
    // Prose or another element came between a directive and any block.
    interrupt: () => {
      stranded.push(...lines)
      told.directives = []
      lines = []
    },
  }
}

const templateData = (element: MdxJsxFlowElement): Expression | undefined => {
  const data = element.attributes.find(
    (attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'data',
  )
  const value = data?.type === 'mdxJsxAttribute' ? data.value : undefined
  const program =
    typeof value === 'object' ? (value?.data?.estree as Program | undefined) : undefined
  const statement = program?.body[0]
  return statement?.type === 'ExpressionStatement' ? statement.expression : undefined
}

const isMdx = (file: string) => file.endsWith('.mdx')

export const parseTree = (text: string, file: string): Root =>
  isMdx(file)
    ? fromMarkdown(text, {
        extensions: [frontmatter(), mdxjs()],
        mdastExtensions: [frontmatterFromMarkdown(), mdxFromMarkdown()],
      })
    : fromMarkdown(text, {
        extensions: [frontmatter()],
        mdastExtensions: [frontmatterFromMarkdown()],
      })

// Code groups as a reader sees tabs: in MDX, each `<CodeGroup>` (its fenced children; other JSX
// such as `<LlmsOnly>` is not a tab); in Markdown, each run of consecutive fences, or a lone fence
// that carries a title.
export const parsePage = (text: string, file: string): ParsedPage => {
  const tree = parseTree(text, file)
  const groups: CodeGroup[] = []
  const imports: Program[] = []
  const add = (fences: Fence[], line: number, template?: Expression, standalone = false) =>
    groups.push({
      index: groups.length + 1,
      line,
      fences,
      ...(template ? { template } : {}),
      ...(standalone ? { standalone } : {}),
    })

  // Each fence an SDK reference's UsageSnippet comment stands before, with its operation, and
  // what the directives before it tell the checker.
  const operations = new Map<Code, Operation>()
  const toldBefore = new Map<Code, Told>()
  // The sections headings make: a block and the one before it are about one thing only within one.
  let section = 0
  let heading: string | undefined
  const fenceOf = (node: Code) => ({
    ...toFence(node, operations.get(node), toldBefore.get(node)),
    section,
    ...(heading ? { heading } : {}),
  })
  let template: Expression | undefined
  const directives = directiveTracker((fence) => add([fence], fence.line, template, true))
  const commentText = (node: RootContent) =>
    node.type === 'mdxFlowExpression' || node.type === 'html' ? node.value : undefined

  const walk = (parent: Parent, within?: Expression) => {
    template = within
    let run: Code[] = []
    let declared: Operation | undefined
    const flushRun = () => {
      const titled = run.length === 1 && /\btitle=/.test(run[0]!.meta ?? '')
      if (!isMdx(file) && (run.length > 1 || titled))
        add(run.map(fenceOf), run[0]!.position?.start.line ?? 0, template)
      // Every other fence is a block of its own: tutorials are made of them.
      else
        for (const node of run) add([fenceOf(node)], node.position?.start.line ?? 0, template, true)
      run = []
    }
    for (const node of parent.children as RootContent[]) {
      // Tabs of one group stand back to back; a blank line or prose between fences ends the group.
      const previous = run.at(-1)
      if (
        node.type === 'code' &&
        previous &&
        (node.position?.start.line ?? 0) - (previous.position?.end.line ?? 0) > 1
      )
        flushRun()
      if (node.type === 'code') {
        if (declared) operations.set(node, declared)
        declared = undefined
        toldBefore.set(node, directives.take())
        run.push(node)
        continue
      }
      const text = commentText(node)
      if (text !== undefined && isDirective(text)) {
        flushRun()
        directives.read(text, node.position?.start.line ?? 0)
        continue
      }
      if (node.type === 'mdxFlowExpression') {
        declared = parseUsageSnippet(node.value) ?? declared
        continue
      }
      flushRun()
      if (node.type === 'heading') {
        section++
        heading = headingText(node)
      }
      if (node.type === 'mdxjsEsm') {
        const program = (node as MdxjsEsm).data?.estree as Program | undefined
        if (program) imports.push(program)
      } else if (node.type === 'mdxJsxFlowElement' && node.name === 'CodeGroup') {
        // What stands before the group is told to each tab, with what stands before the tab.
        const group = directives.take()
        const fences: Fence[] = []
        for (const child of node.children as RootContent[]) {
          const text = commentText(child)
          if (text !== undefined) directives.read(text, child.position?.start.line ?? 0)
          if (child.type !== 'code') continue
          const own = directives.take()
          toldBefore.set(child, {
            directives: [...group.directives, ...own.directives],
            bad: [...group.bad, ...own.bad],
          })
          fences.push(fenceOf(child))
        }
        add(fences, node.position?.start.line ?? 0, template)
      } else if (prose.has(node.type)) {
        directives.interrupt()
      } else if ('children' in node) {
        // An element that holds blocks (<Steps>, <Accordion>, a list): a directive before it is
        // told to the first block inside.
        walk(
          node as Parent,
          node.type === 'mdxJsxFlowElement' && node.name === 'Template'
            ? (templateData(node) ?? within)
            : within,
        )
        template = within
      }
    }
    flushRun()
  }
  walk(tree)
  const operation = frontMatterOperation(tree)
  return { groups, imports, ...(operation ? { operation } : {}) }
}

// An API page's own operation, as Mintlify's front matter names it: `openapi: POST /keys`, or with
// the spec file first (`openapi: openapi.yaml GET /keys/{hash}`). Front matter that does not read
// as YAML names nothing here; the page is parsed as the site renders it.
const frontMatterOperation = (tree: Root): { method: string; path: string } | undefined => {
  const front = tree.children.find((node) => node.type === 'yaml')
  if (!front || !('value' in front)) return undefined
  let value: unknown
  try {
    value = parseYaml(front.value)
  } catch {
    return undefined
  }
  const openapi = (value as { openapi?: unknown } | null)?.openapi
  const named =
    typeof openapi === 'string'
      ? /(?:^|\s)(get|post|put|patch|delete|head|options)\s+(\/\S*)\s*$/i.exec(openapi.trim())
      : null
  return named ? { method: named[1]!.toLowerCase(), path: named[2]! } : undefined
}
