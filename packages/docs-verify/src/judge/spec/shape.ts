// What a schema says an object looks like, seen through `$ref`, allOf, anyOf and oneOf: the
// fields it declares (for "did you mean" and for how well an example fits), and whether it allows
// fields it does not declare.
import { isJson, resolveRef, type Json } from './document.ts'

export type Part = { node: Json; pointer: string; branch: boolean }

// The schemas one value at one place is held to together: the schema, what its `$ref` names, its
// allOf, and (as branches: only one of them may apply) its anyOf, oneOf, then and else.
export function partsOf(root: Json, schema: unknown, pointer: string): Part[] {
  const parts: Part[] = []
  const seen = new Set<unknown>()
  const visit = (node: unknown, at: string, branch: boolean) => {
    const resolved = resolveRef(root, node, at)
    for (const [value, where] of [
      [node, at],
      [resolved.node, resolved.pointer],
    ] as const) {
      if (!isJson(value) || seen.has(value)) continue
      seen.add(value)
      parts.push({ node: value, pointer: where, branch })
      for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
        const list = value[keyword]
        if (Array.isArray(list))
          list.forEach((item, index) =>
            visit(item, `${where}/${keyword}/${index}`, branch || keyword !== 'allOf'),
          )
      }
      for (const keyword of ['then', 'else'] as const)
        if (value[keyword] !== undefined) visit(value[keyword], `${where}/${keyword}`, true)
    }
  }
  visit(schema, pointer, false)
  return parts
}

export function declaredNames(root: Json, schema: unknown): Set<string> {
  const names = new Set<string>()
  for (const { node } of partsOf(root, schema, ''))
    if (isJson(node.properties)) for (const name of Object.keys(node.properties)) names.add(name)
  return names
}

const mayBeObject = (node: Json) =>
  node.type === undefined
    ? node.const === undefined && node.enum === undefined
    : node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object'))

// Declares fields and allows no others: no additionalProperties or patternProperties anywhere,
// and no branch that is an object of any shape.
export function isClosed(root: Json, schema: unknown): boolean {
  const parts = partsOf(root, schema, '')
  if (!parts.some(({ node }) => isJson(node.properties))) return false
  return parts.every(({ node, branch }) => {
    if (node.patternProperties !== undefined) return false
    for (const keyword of ['additionalProperties', 'unevaluatedProperties'])
      if (node[keyword] !== undefined && node[keyword] !== false) return false
    const leaf = !['properties', '$ref', 'allOf', 'anyOf', 'oneOf'].some((key) => key in node)
    return !(branch && leaf && node.additionalProperties !== false && mayBeObject(node))
  })
}

// How much a value looks like what the schema describes, 0..1 (see ExampleCheck).
export function fitOf(root: Json, schema: unknown, value: unknown, valid: boolean): number {
  const parts = partsOf(root, schema, '')
  const names = declaredNames(root, schema)
  if (names.size > 0) {
    if (!isJson(value)) return 0
    const keys = Object.keys(value)
    if (keys.length === 0) return valid ? 1 : 0
    return keys.filter((key) => names.has(key)).length / keys.length
  }
  const items = parts.find(({ node }) => isJson(node.items))?.node.items
  if (items !== undefined && Array.isArray(value) && value.length > 0)
    return fitOf(root, items, value[0], valid)
  return valid ? 1 : 0
}
