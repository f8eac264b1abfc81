import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { jsonInstance } from '../features/json-instance.ts'

// An answer every SDK accepts: one instance per SDK schema, merged so each keeps what its own
// schema needs, then checked against every schema. Where the SDKs model a union differently, a
// merge can mix two branches; then the other order, then other seeds, are tried. (A JSON Schema
// `allOf` of the SDKs' schemas would say the same, but generators merge such schemas poorly.)
export const synthesize = (schemas: readonly object[], seed: string): unknown => {
  const validators = schemas.map(validatorFor)
  const acceptedByAll = (value: unknown) => validators.every((validate) => validate(value))
  let first: unknown
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const instances = schemas.map((schema) => jsonInstance(schema, `${seed}#${attempt}`))
    for (const ordered of [instances, [...instances].reverse()]) {
      const merged = ordered.reduce(mergeInstances)
      first ??= merged
      if (acceptedByAll(merged)) return merged
    }
  }
  return first
}

// Objects take the union of their fields (unless they are different kinds, by `type`); arrays
// merge item by item; otherwise the first value wins unless it is null and the other is not (one
// SDK allowing null does not mean the other does).
export const mergeInstances = (first: unknown, second: unknown): unknown => {
  if (first === null || first === undefined) return second ?? first
  if (second === null || second === undefined) return first
  if (Array.isArray(first) && Array.isArray(second)) {
    return first.map((item, index) =>
      index < second.length ? mergeInstances(item, second[index]) : item,
    )
  }
  // Two different kinds of thing (a union's branches) do not mix: the first stays whole.
  if (isObject(first) && isObject(second) && differentKinds(first, second)) return first
  if (isObject(first) && isObject(second)) {
    const merged: Record<string, unknown> = { ...second }
    for (const [name, value] of Object.entries(first))
      merged[name] = mergeInstances(value, second[name])
    return merged
  }
  return first
}

const differentKinds = (first: Record<string, unknown>, second: Record<string, unknown>) =>
  typeof first.type === 'string' && typeof second.type === 'string' && first.type !== second.type

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

// The SDKs' schemas carry keywords JSON Schema does not define: not strict. One compiled
// validator per schema, made when first needed.
const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false })
const validators = new WeakMap<object, ValidateFunction>()
const validatorFor = (schema: object) => {
  let validate = validators.get(schema)
  if (!validate) {
    validate = ajv.compile(schema)
    validators.set(schema, validate)
  }
  return validate
}
