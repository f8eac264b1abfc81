import { findOperation } from './table.ts'
import { synthesize } from './synthesize.ts'

// An answer in the exact shape both SDKs validate for this route, carrying the facts a
// hand-written route knows: the facts win, the operation's synthesized answer fills every other
// field the schemas ask for. How hand-written routes stay valid as the SDKs add fields.
export const shaped = (method: string, path: string, facts: unknown): unknown => {
  const operation = findOperation(method, path)
  if (!operation) return facts
  return overlay(facts, synthesize(operation.response.schemas, `${method} ${path}`))
}

// The same for each item of a list answer (`{ data: [...] }`): items share the template the
// operation's schema gives its first item.
export const shapedList = (
  method: string,
  path: string,
  items: readonly unknown[],
  rest: Record<string, unknown> = {},
) => {
  const operation = findOperation(method, path)
  const template = operation
    ? (synthesize(operation.response.schemas, `${method} ${path}`) as { data?: unknown[] })
    : undefined
  const item = template?.data?.[0]
  return {
    ...template,
    ...rest,
    data: items.map((facts) => overlay(facts, item)),
  }
}

// Facts win, `null` included; objects keep the template's other fields; each item of a list of
// facts is laid over the template's first item.
const overlay = (facts: unknown, template: unknown): unknown => {
  if (facts === undefined) return template
  if (Array.isArray(facts) && Array.isArray(template) && template.length > 0) {
    return facts.map((item) => overlay(item, template[0]))
  }
  if (!isObject(facts) || !isObject(template)) return facts
  const result: Record<string, unknown> = { ...template }
  for (const [name, value] of Object.entries(facts)) result[name] = overlay(value, template[name])
  return result
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
