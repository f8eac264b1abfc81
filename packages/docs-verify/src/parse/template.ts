import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Expression, Node, Program } from 'estree'
import { parseTree } from './mdx.ts'
import type { MdxjsEsm } from 'mdast-util-mdx'

type Value = unknown
type Scope = Map<string, Value>

// Values a docs page's `<Template data={{…}}>` can use: literals, objects, arrays, member access,
// and names imported from the docs site's constants modules (`/snippets/…`, under the docs root).
// Anything else is reported, never guessed.
export class TemplateError extends Error {}

const evaluate = (node: Node, scope: Scope): Value => {
  switch (node.type) {
    case 'Literal':
      return node.value
    case 'TemplateLiteral':
      return node.quasis
        .map(
          (quasi, i) =>
            quasi.value.cooked +
            (i < node.expressions.length ? String(evaluate(node.expressions[i]!, scope)) : ''),
        )
        .join('')
    case 'Identifier':
      if (!scope.has(node.name)) throw new TemplateError(`${node.name} is not defined or imported`)
      return scope.get(node.name)
    case 'UnaryExpression':
      if (node.operator === '-') return -(evaluate(node.argument, scope) as number)
      break
    case 'ArrayExpression':
      return node.elements.map((element) =>
        element && element.type !== 'SpreadElement' ? evaluate(element, scope) : undefined,
      )
    case 'ObjectExpression':
      return Object.fromEntries(
        node.properties.map((property) => {
          if (property.type !== 'Property')
            throw new TemplateError('spread in a template object is not supported')
          const key =
            property.key.type === 'Identifier' && !property.computed
              ? property.key.name
              : String(evaluate(property.key, scope))
          return [key, evaluate(property.value, scope)]
        }),
      )
    case 'MemberExpression': {
      const object = evaluate(node.object, scope) as Record<string, Value> | undefined
      const key = node.computed
        ? String(evaluate(node.property, scope))
        : (node.property as { name: string }).name
      if (object === undefined || object === null)
        throw new TemplateError(`cannot read ${key} of ${String(object)}`)
      return object[key]
    }
  }
  throw new TemplateError(`unsupported expression (${node.type}) in template data`)
}

// The names a module's `export const` declarations define, evaluated in order.
const moduleScope = (
  programs: Program[],
  docsRoot: string | undefined,
  seen: Set<string>,
): Scope => {
  const scope: Scope = new Map()
  for (const program of programs) {
    for (const statement of program.body) {
      if (statement.type === 'ImportDeclaration') {
        const imported = importModule(String(statement.source.value), docsRoot, seen)
        for (const specifier of statement.specifiers) {
          if (specifier.type === 'ImportSpecifier') {
            const name =
              specifier.imported.type === 'Identifier'
                ? specifier.imported.name
                : String(specifier.imported.value)
            if (imported.has(name)) scope.set(specifier.local.name, imported.get(name))
          }
        }
      }
      const declaration =
        statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement
      if (declaration?.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === 'Identifier' && declarator.init) {
            try {
              scope.set(declarator.id.name, evaluate(declarator.init, scope))
            } catch {
              // A constant the evaluator cannot compute stays undefined; using it is reported then.
            }
          }
        }
      }
    }
  }
  return scope
}

const importModule = (source: string, docsRoot: string | undefined, seen: Set<string>): Scope => {
  // Component imports (`/snippets/LlmsOnly.jsx`) hold no template values.
  if (!/\.mdx?$/.test(source)) return new Map()
  if (!docsRoot)
    throw new TemplateError(`imports ${source}: name the docs root (--docs-root) to resolve it`)
  const file = join(docsRoot, source)
  if (!existsSync(file))
    throw new TemplateError(`imports ${source}, which is not under the docs root ${docsRoot}`)
  if (seen.has(file)) return new Map()
  seen.add(file)
  const esm = parseTree(readFileSync(file, 'utf8'), file).children.filter(
    (node): node is MdxjsEsm => node.type === 'mdxjsEsm',
  )
  return moduleScope(
    esm.map((node) => node.data!.estree as Program),
    docsRoot,
    seen,
  )
}

export const templateValues = (
  template: Expression,
  imports: Program[],
  docsRoot?: string,
): Record<string, Value> => {
  const scope = moduleScope(imports, docsRoot, new Set())
  const values = evaluate(template, scope)
  if (!values || typeof values !== 'object')
    throw new TemplateError('template data is not an object')
  return values as Record<string, Value>
}

// `{{KEY}}` becomes the value, as the docs site's Template component renders it; unknown keys stay.
export const renderTemplate = (code: string, values: Record<string, Value>) =>
  code.replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  )
