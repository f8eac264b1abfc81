import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Code, Parent, RootContent } from 'mdast'
import { parseTree } from 'openrouter-docs-verify'

// A fence preceded by `{/* embed: path/to/file */}` shows that file, verbatim. The path is
// relative to the page.
const marker = /^\s*\/\*\s*embed:\s*(\S+)\s*\*\/\s*$/

export type Embed = { page: string; source: string; code: Code; expected: string }

export const findEmbeds = (page: string, text = readFileSync(page, 'utf8')): Embed[] => {
  const embeds: Embed[] = []
  const walk = (parent: Parent) => {
    const children = parent.children as RootContent[]
    children.forEach((node, i) => {
      const next = children[i + 1]
      const source = node.type === 'mdxFlowExpression' ? node.value.match(marker)?.[1] : undefined
      if (source) {
        if (next?.type !== 'code')
          throw new Error(
            `${page}:${node.position?.start.line}: an embed marker must stand right before a fence`,
          )
        const file = resolve(dirname(page), source)
        embeds.push({ page, source, code: next, expected: readFileSync(file, 'utf8').trimEnd() })
      }
      if ('children' in node) walk(node as Parent)
    })
  }
  walk(parseTree(text, page))
  return embeds
}

export const staleEmbeds = (page: string) =>
  findEmbeds(page).filter((embed) => embed.code.value !== embed.expected)

// The page with every embedded fence rewritten from its source file; fence info strings are kept.
export const syncPage = (page: string): string => {
  const text = readFileSync(page, 'utf8')
  const embeds = findEmbeds(page, text).sort(
    (a, b) => b.code.position!.start.offset! - a.code.position!.start.offset!,
  )
  return embeds.reduce((current, { code, expected }) => {
    const info = [code.lang, code.meta].filter(Boolean).join(' ')
    const fence = expected.includes('```') ? '````' : '```'
    const block = `${fence}${info}\n${expected}\n${fence}`
    return (
      current.slice(0, code.position!.start.offset!) +
      block +
      current.slice(code.position!.end.offset!)
    )
  }, text)
}
