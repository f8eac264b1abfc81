// One OpenAPI document, read: its value, and the way back from a JSON pointer to the line of the
// source that holds it, so an issue can name the schema's line, not only its pointer.
import { readFileSync } from 'node:fs'
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'

export type Json = Record<string, unknown>

export type SpecDocument = {
  file: string
  // Its name in Ajv: a schema of it is `${name}#${pointer}`.
  name: string
  value: Json
  // The 1-based line of the pointer's last key (of the deepest part of it the source has).
  lineOf: (pointer: string) => number
}

export const isJson = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const escape = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1')
export const pointerTo = (...segments: (string | number)[]) =>
  segments.map((segment) => '/' + escape(String(segment))).join('')
export const segmentsOf = (pointer: string) =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))

export function valueAt(root: unknown, pointer: string): unknown {
  let node = root
  for (const segment of segmentsOf(pointer))
    node = typeof node === 'object' && node !== null ? (node as Json)[segment] : undefined
  return node
}

// Follows a local `$ref` (the only kind these documents use) to what it names, and where.
export function resolveRef(root: Json, node: unknown, pointer: string) {
  const seen = new Set<unknown>()
  while (isJson(node) && typeof node.$ref === 'string' && node.$ref.startsWith('#')) {
    if (seen.has(node)) break
    seen.add(node)
    pointer = decodeURIComponent(node.$ref.slice(1))
    node = valueAt(root, pointer)
  }
  return { node, pointer }
}

// Every object of a value under its pointer: Ajv's verbose errors hand back the schema object
// itself, and this names it. Built on first need: most runs report nothing.
export function pointerIndex(root: unknown): WeakMap<object, string> {
  const index = new WeakMap<object, string>()
  const walk = (node: unknown, pointer: string) => {
    if (typeof node !== 'object' || node === null || index.has(node)) return
    index.set(node, pointer)
    for (const [key, child] of Object.entries(node)) walk(child, pointer + '/' + escape(key))
  }
  walk(root, '')
  return index
}

export function readDocument(file: string, name: string): SpecDocument {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new Error(`${file}: cannot be read: ${(error as Error).message}`)
  }
  // yaml reads JSON as well: one parser, and one way to lines, for both.
  const lines = new LineCounter()
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: false })
  const [error] = document.errors
  if (error) {
    const line = error.linePos?.[0].line ?? lines.linePos(error.pos[0]).line
    throw new Error(`${file}:${line}: not YAML or JSON: ${error.message.split('\n')[0]}`)
  }
  const value: unknown = document.toJS({ maxAliasCount: -1 })
  if (!isJson(value) || typeof value.openapi !== 'string')
    throw new Error(`${file}:1: not an OpenAPI document (it has no \`openapi\` version)`)

  const lineOf = (pointer: string) => {
    let node: unknown = document.contents
    let offset = 0
    for (const segment of segmentsOf(pointer)) {
      if (isAlias(node)) node = node.resolve(document)
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === segment,
        )
        if (!pair || !isScalar(pair.key)) break
        offset = pair.key.range?.[0] ?? offset
        node = pair.value
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as { range?: [number, number, number] } | undefined
        if (!item) break
        offset = item.range?.[0] ?? offset
        node = item
      } else break
    }
    return lines.linePos(offset).line
  }
  readExclusiveBounds(value)
  return { file, name, value, lineOf }
}

// OpenAPI 3.0 wrote `exclusiveMinimum: true` beside `minimum`; 3.1 (JSON Schema) takes the bound
// itself, and Ajv refuses a boolean. Specs carry the old form still: read it as it was meant.
function readExclusiveBounds(node: unknown): void {
  if (typeof node !== 'object' || node === null) return
  if (Array.isArray(node)) return node.forEach(readExclusiveBounds)
  const schema = node as Json
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof schema[exclusive] !== 'boolean') continue
    if (schema[exclusive] && typeof schema[bound] === 'number') {
      schema[exclusive] = schema[bound]
      delete schema[bound]
    } else delete schema[exclusive]
  }
  Object.values(schema).forEach(readExclusiveBounds)
}
