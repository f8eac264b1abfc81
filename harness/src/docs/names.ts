import { join } from 'node:path'
import { parse, type Node, type Pattern, type Program } from 'acorn'
import { transformSync } from 'amaro'
import { execa } from 'execa'
import { docsPython, harnessDir } from '../paths.ts'
import type { Runner } from './runners.ts'
import { isTypeScript } from './workspace.ts'

// What a block means to the blocks around it, as a reader follows the page: the names its top
// level defines, the names it uses but binds nowhere itself, and whether it only declares.
export type Names = { defines: string[]; uses: string[]; onlyDeclares: boolean }

type AnyNode = Node & Record<string, unknown>

// Top-level statements that only name things for later: imports, functions, classes, values.
const declarations = new Set([
  'ImportDeclaration',
  'VariableDeclaration',
  'FunctionDeclaration',
  'ClassDeclaration',
  'ExportNamedDeclaration',
  'ExportDefaultDeclaration',
  'EmptyStatement',
])

const bindings = (pattern: Pattern | null | undefined): string[] => {
  switch (pattern?.type) {
    case 'Identifier':
      return [pattern.name]
    case 'ObjectPattern':
      return pattern.properties.flatMap((property) =>
        property.type === 'RestElement' ? bindings(property.argument) : bindings(property.value),
      )
    case 'ArrayPattern':
      return pattern.elements.flatMap((element) => bindings(element))
    case 'AssignmentPattern':
      return bindings(pattern.left)
    case 'RestElement':
      return bindings(pattern.argument)
    default:
      return []
  }
}

const declared = (node: AnyNode): string[] => {
  switch (node.type) {
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
      return [(node.local as { name: string }).name]
    case 'VariableDeclarator':
      return bindings(node.id as Pattern)
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return [
        ...((node.id as { name?: string } | null)?.name
          ? [(node.id as { name: string }).name]
          : []),
        ...(node.params as Pattern[]).flatMap(bindings),
      ]
    case 'ClassDeclaration':
    case 'ClassExpression':
      return (node.id as { name?: string } | null)?.name ? [(node.id as { name: string }).name] : []
    case 'CatchClause':
      return bindings(node.param as Pattern | null)
    default:
      return []
  }
}

// An identifier that names a value, not a property, a key, a label or an import's remote name.
const isReference = (parent: AnyNode | undefined, key: string) =>
  !(
    (parent?.type === 'MemberExpression' && key === 'property' && !parent.computed) ||
    (parent?.type === 'Property' && key === 'key' && !parent.computed) ||
    ((parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') &&
      key === 'key' &&
      !parent.computed) ||
    ['LabeledStatement', 'BreakStatement', 'ContinueStatement', 'MetaProperty'].includes(
      parent?.type ?? '',
    ) ||
    (parent?.type === 'ImportSpecifier' && key === 'imported') ||
    (parent?.type === 'ExportSpecifier' && key === 'exported')
  )

const walk = (
  node: AnyNode,
  visit: (node: AnyNode, parent: AnyNode | undefined, key: string) => void,
  parent?: AnyNode,
  key = '',
) => {
  visit(node, parent, key)
  for (const [field, value] of Object.entries(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && typeof (child as AnyNode).type === 'string')
        walk(child as AnyNode, visit, node, field)
    }
  }
}

const topLevelDefines = (program: Program) =>
  program.body.flatMap((statement) => {
    const node = (
      statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration'
        ? statement.declaration
        : statement
    ) as AnyNode | null
    if (!node) return []
    if (node.type === 'ImportDeclaration') return (node.specifiers as AnyNode[]).flatMap(declared)
    if (node.type === 'VariableDeclaration')
      return (node.declarations as AnyNode[]).flatMap(declared)
    if (node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration')
      return declared(node).slice(0, 1)
    return []
  })

// The JavaScript globals a block may use without defining them.
const globals = new Set(Object.getOwnPropertyNames(globalThis))

// amaro is the type stripper Node itself runs .ts files with: what remains is JavaScript, with
// every position where it was (types become blanks).
export const stripTypes = (code: string, typescript: boolean) =>
  typescript ? transformSync(code, { mode: 'strip-only' }).code : code

// A block as the module it runs as. Throws amaro's or acorn's syntax error where it does not parse.
export const parseModule = (code: string, typescript: boolean): Program =>
  parse(stripTypes(code, typescript), { ecmaVersion: 'latest', sourceType: 'module' })

const javaScriptNames = (code: string, typescript: boolean): Names | undefined => {
  let program: Program
  try {
    program = parseModule(code, typescript)
  } catch {
    return undefined
  }
  const bound = new Set<string>()
  const referenced = new Set<string>()
  walk(program as unknown as AnyNode, (node, parent, key) => {
    for (const name of declared(node)) bound.add(name)
    if (node.type === 'Identifier' && isReference(parent, key)) referenced.add(node.name as string)
  })
  return {
    defines: [...new Set(topLevelDefines(program))].sort(),
    uses: [...referenced].filter((name) => !bound.has(name) && !globals.has(name)).sort(),
    // A block of types alone strips to nothing: it declares too.
    onlyDeclares:
      code.trim().length > 0 && program.body.every((node) => declarations.has(node.type)),
  }
}

const pythonScript = join(harnessDir, 'docs-python', 'names.py')

const pythonNames = async (codes: string[]): Promise<(Names | undefined)[]> => {
  if (codes.length === 0) return []
  const { stdout } = await execa(docsPython, [pythonScript], { input: JSON.stringify(codes) })
  return (JSON.parse(stdout) as (Names | null)[]).map((names) => names ?? undefined)
}

export type Block = { runner: Runner; language: string; code: string }

// The names of every block of a page; undefined where a block does not parse or is shell.
export const blockNames = async (blocks: Block[]): Promise<(Names | undefined)[]> => {
  const pythonBlocks = blocks.flatMap((block, i) => (block.runner === 'python' ? [i] : []))
  const fromPython = await pythonNames(pythonBlocks.map((i) => blocks[i]!.code))
  return blocks.map((block, i) =>
    block.runner === 'python'
      ? fromPython[pythonBlocks.indexOf(i)]
      : block.runner === 'typescript'
        ? javaScriptNames(block.code, isTypeScript(block.language))
        : undefined,
  )
}
