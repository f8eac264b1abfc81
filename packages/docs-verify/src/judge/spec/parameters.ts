// A request's query, path and header parameters against the operation's. Values arrive as text,
// so they are read as the schema's type first; where the type is not plain, nothing is judged.
import { isJson, resolveRef, type Json } from './document.ts'
import { issuesFor, place } from './issues.ts'
import type { Judge } from './judge.ts'
import type { OperationEntry } from './operations.ts'
import type { SpecIssue } from '../../types.ts'

// OpenAPI says these header parameters are ignored: the content type and security say them.
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization'])

export type SentParameters = {
  query: URLSearchParams
  path: Record<string, string>
  headers: [string, string][]
}

type Parameter = { value: Json; pointer: string }

// The path item's parameters, and the operation's, which replace those of the same name and place.
function parametersOf(entry: OperationEntry, root: Json): Parameter[] {
  const operation = entry.operation.pointer
  const item = operation.replace(/\/[^/]*$/, '')
  const own = Array.isArray(entry.value.parameters) ? entry.value.parameters : []
  const all = [
    ...entry.pathParameters.map((value, index) =>
      resolveRef(root, value, `${item}/parameters/${index}`),
    ),
    ...own.map((value, index) => resolveRef(root, value, `${operation}/parameters/${index}`)),
  ]
  const byKey = new Map<string, Parameter>()
  for (const { node, pointer } of all)
    if (isJson(node) && typeof node.name === 'string')
      byKey.set(`${String(node.in)} ${node.name}`, { value: node, pointer })
  return [...byKey.values()]
}

export function checkParameters(
  entry: OperationEntry,
  judge: Judge,
  sent: SentParameters,
): SpecIssue[] {
  const issues: SpecIssue[] = []
  for (const { value: parameter, pointer } of parametersOf(entry, judge.root)) {
    const name = String(parameter.name)
    const where = String(parameter.in)
    if (where === 'cookie' || (where === 'header' && IGNORED_HEADERS.has(name.toLowerCase())))
      continue
    const label = `${where}.${name}`
    const values =
      where === 'query'
        ? sent.query.getAll(name)
        : where === 'path'
          ? [sent.path[name]].filter((value) => value !== undefined)
          : sent.headers
              .filter(([key]) => key.toLowerCase() === name.toLowerCase())
              .map(([, v]) => v)
    if (values.length === 0) {
      if (parameter.required === true || where === 'path')
        issues.push(place(judge, 'failure', label, 'is required and missing', pointer))
      continue
    }
    const value = coerce(judge.root, parameter.schema, values)
    if (value === undefined) continue
    issues.push(
      ...issuesFor(
        judge,
        `${pointer}/schema`,
        value,
        { required: 'failure', unknown: 'failure' },
        {
          label: (field) => (field ? `${label}/${field}` : label),
        },
      ),
    )
  }
  return issues
}

function typeOf(root: Json, schema: unknown): { type?: string; node?: Json } {
  const { node } = resolveRef(root, schema, '')
  if (!isJson(node)) return {}
  const types = (Array.isArray(node.type) ? node.type : [node.type]).filter(
    (type): type is string => typeof type === 'string' && type !== 'null',
  )
  return types.length === 1 ? { type: types[0], node } : {}
}

function scalar(type: string | undefined, text: string): unknown {
  if (type === 'integer' || type === 'number')
    return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? Number(text) : text
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text
  return type === 'string' ? text : undefined
}

// A list is repeated (`?a=1&a=2`) or comma-separated (`?a=1,2`): either is read.
function coerce(root: Json, schema: unknown, values: string[]): unknown {
  const { type, node } = typeOf(root, schema)
  if (type === 'array') {
    const items = typeOf(root, node?.items).type
    const list = values.flatMap((value) => value.split(',')).map((text) => scalar(items, text))
    return list.includes(undefined) ? undefined : list
  }
  return values.length === 1 ? scalar(type, values[0] ?? '') : undefined
}
