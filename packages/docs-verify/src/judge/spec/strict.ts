// A copy of a document that refuses fields its schemas do not declare, for holding a page's
// examples to it: a spec is often silent on additionalProperties, and an example with a field the
// API does not have misleads a reader all the same.
//
// `unevaluatedProperties: false` goes on the schema at each place a value stands (a media type's
// schema, a property's, an array's items), never on a component or an allOf/anyOf/oneOf branch:
// it sees through those, so `allOf: [A, B]` still allows A's fields and B's.
import { isJson, type Json } from './document.ts'
import { isClosed } from './shape.ts'

const DEFINITIONS = ['$defs', 'definitions', 'dependentSchemas']
const PLACES = ['items', 'additionalProperties', 'contains', 'unevaluatedItems']
const APPLICATORS = ['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else']
// Data, not schemas, in OpenAPI's own structure.
const DATA = new Set(['example', 'examples', 'default', 'const', 'enum'])

export function strictCopy(document: Json): Json {
  const copy = structuredClone(document)
  const seen = new Set<object>()

  const schema = (node: unknown, place: boolean): void => {
    if (!isJson(node) || seen.has(node)) return
    seen.add(node)
    for (const [key, value] of Object.entries(node)) {
      const children = Array.isArray(value) ? value : isJson(value) ? Object.values(value) : []
      if (key === 'properties' || key === 'patternProperties')
        children.forEach((child) => schema(child, true))
      else if (key === 'prefixItems') children.forEach((child) => schema(child, true))
      else if (DEFINITIONS.includes(key)) children.forEach((child) => schema(child, false))
      else if (PLACES.includes(key)) schema(value, true)
      else if (APPLICATORS.includes(key))
        Array.isArray(value) ? value.forEach((child) => schema(child, false)) : schema(value, false)
    }
    if (place && node.unevaluatedProperties === undefined && isClosed(copy, node))
      node.unevaluatedProperties = false
  }

  // OpenAPI's structure around the schemas: `schema` is where a value stands (a body, a
  // parameter, a header); `schemas` (components) defines.
  const structure = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(structure)
    if (!isJson(node)) return
    for (const [key, value] of Object.entries(node)) {
      if (DATA.has(key) || key.startsWith('x-')) continue
      if (key === 'schema') schema(value, true)
      else if (key === 'schemas' && isJson(value))
        Object.values(value).forEach((child) => schema(child, false))
      else structure(value)
    }
  }
  structure(copy)
  return copy
}
