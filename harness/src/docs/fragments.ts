import { parseModule, type Names } from './names.ts'
import type { Runner } from './runners.ts'

export type PageBlock = { group: number; title: string; runner: Runner; names?: Names }

// Which earlier blocks each block runs after, as a reader who followed the page would have run
// them: for each name it uses and does not bind, the block of an earlier group, in the same
// language family, that defines it (the same tab title first, else the nearest), and in turn what
// that block needs. Tabs of one group are alternatives, so a block never joins its siblings.
export const joinPlan = (blocks: PageBlock[]): number[][] => {
  const definerOf = (name: string, of: number, title: string) => {
    const candidates = blocks
      .map((block, j) => ({ block, j }))
      .filter(
        ({ block, j }) =>
          j < of &&
          block.group < blocks[of]!.group &&
          block.runner === blocks[of]!.runner &&
          block.names?.defines.includes(name),
      )
    return (candidates.filter(({ block }) => block.title === title).at(-1) ?? candidates.at(-1))?.j
  }
  return blocks.map((block, i) => {
    const chosen = new Set<number>()
    const need = (of: number) => {
      for (const name of blocks[of]!.names?.uses ?? []) {
        const definer = definerOf(name, of, block.title)
        if (definer === undefined || chosen.has(definer)) continue
        chosen.add(definer)
        need(definer)
      }
    }
    need(i)
    return [...chosen].sort((a, b) => a - b)
  })
}

type ImportNode = {
  start: number
  end: number
  source: { value: string }
  specifiers: {
    type: string
    local: { name: string }
    imported?: { name?: string; value?: string }
  }[]
}

// What an import binds: each local name, with where it comes from.
const bindingOf = (node: ImportNode, specifier: ImportNode['specifiers'][number]) =>
  `${specifier.local.name}=${node.source.value}:${
    specifier.type === 'ImportSpecifier'
      ? (specifier.imported?.name ?? specifier.imported?.value)
      : specifier.type
  }`

const specifierText = (specifier: ImportNode['specifiers'][number]) => {
  const imported = specifier.imported?.name ?? specifier.imported?.value
  return imported === specifier.local.name ? imported : `${imported} as ${specifier.local.name}`
}

// The statement that imports what is left, on one line, padded to the lines it replaces.
const rewrite = (node: ImportNode, kept: ImportNode['specifiers'], lines: number) => {
  if (kept.length === 0) return '\n'.repeat(lines)
  const first = kept.filter((specifier) => specifier.type !== 'ImportSpecifier')
  const named = kept.filter((specifier) => specifier.type === 'ImportSpecifier')
  const parts = [
    ...first.map((specifier) =>
      specifier.type === 'ImportNamespaceSpecifier'
        ? `* as ${specifier.local.name}`
        : specifier.local.name,
    ),
    ...(named.length > 0 ? [`{ ${named.map(specifierText).join(', ')} }`] : []),
  ]
  return `import ${parts.join(', ')} from ${JSON.stringify(node.source.value)};${'\n'.repeat(lines)}`
}

// JavaScript blocks joined into one module, as a reader who followed the page would have them:
// an import an earlier block already made (the same name from the same place, however it is
// quoted or spaced) is not made twice, which would be a SyntaxError. Line numbers are kept.
export const joinJavaScript = (blocks: string[], typescript: boolean): string => {
  const bound = new Set<string>()
  return blocks
    .map((code) => {
      let program: { body: { type: string }[] }
      try {
        program = parseModule(code, typescript)
      } catch {
        return code
      }
      const imports = program.body.filter(
        (node) => node.type === 'ImportDeclaration',
      ) as unknown as ImportNode[]
      let result = code
      for (const node of imports.toReversed()) {
        const kept = node.specifiers.filter((specifier) => !bound.has(bindingOf(node, specifier)))
        if (kept.length < node.specifiers.length) {
          const lines = code.slice(node.start, node.end).split('\n').length - 1
          result = result.slice(0, node.start) + rewrite(node, kept, lines) + result.slice(node.end)
        }
      }
      for (const node of imports)
        for (const specifier of node.specifiers) bound.add(bindingOf(node, specifier))
      return result
    })
    .map((code) => code.replace(/\n*$/, '\n'))
    .join('')
}
