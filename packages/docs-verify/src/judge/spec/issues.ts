// Ajv's errors in a docs writer's words, each at the line of the schema that said so.
import type { ErrorObject } from 'ajv'
import { closest, distance } from 'fastest-levenshtein'
import { isJson, resolveRef, segmentsOf, type Json } from './document.ts'
import { explain } from './explain.ts'
import type { Judge } from './judge.ts'
import { declaredNames, partsOf } from './shape.ts'
import type { SpecIssue } from '../../types.ts'

type Severity = SpecIssue['severity']

// How hard each kind of error counts: a response example may leave out what the spec requires
// (it is abridged); a request the client sends may carry fields the spec does not name.
export type Policy = { required: Severity; unknown: Severity; abridged?: boolean }

// Past this many, a reader stops reading: failures first.
const MOST = 5

export function issuesFor(
  judge: Judge,
  pointer: string,
  value: unknown,
  policy: Policy,
  options: { only?: (error: ErrorObject) => boolean; label?: (field: string) => string } = {},
): SpecIssue[] {
  let errors: ErrorObject[]
  try {
    errors = explain(judge, pointer, value)
  } catch (error) {
    const message = `the spec's schema here cannot be compiled: ${(error as Error).message}`
    return [place(judge, 'warning', '', message, pointer)]
  }
  const label = options.label ?? ((field: string) => field)
  const issues = errors
    .filter(options.only ?? (() => true))
    .flatMap((error) => issueOf(judge, error, policy, label) ?? [])
  return finish(issues)
}

export function place(
  judge: Judge,
  severity: Severity,
  field: string,
  message: string,
  schemaPath: string,
): SpecIssue {
  const where = { file: judge.document.file, line: judge.document.lineOf(schemaPath) }
  return { severity, field, message, schemaPath, where }
}

// Failures first, each said once, no more than a reader reads.
export function finish(issues: SpecIssue[]): SpecIssue[] {
  const seen = new Set<string>()
  return [...issues]
    .sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'))
    .filter(
      ({ field, message }) => !seen.has(field + '\0' + message) && seen.add(field + '\0' + message),
    )
    .slice(0, MOST)
}

function issueOf(
  judge: Judge,
  error: ErrorObject,
  policy: Policy,
  label: (field: string) => string,
): SpecIssue | undefined {
  const schema = judge.pointerOf(error.parentSchema) ?? ''
  const path = segmentsOf(error.instancePath).join('/')
  const at = (severity: Severity, message: string, field = path, keyword = error.keyword) =>
    place(judge, severity, label(field), message, `${schema}/${keyword}`)
  const params = error.params as Record<string, unknown>
  const is = ` (is ${shown(error.data)})`
  switch (error.keyword) {
    case 'if':
      return undefined // its then/else says why
    case 'required': {
      const missing = String(params.missingProperty)
      if (policy.abridged)
        return at(
          policy.required,
          `leaves out "${missing}", which the spec requires: an abridged example?`,
        )
      return at(policy.required, 'is required and missing', path ? `${path}/${missing}` : missing)
    }
    // An undeclared field is placed at itself, where a reader looks for it.
    case 'additionalProperties': {
      const name = String(params.additionalProperty)
      return at('failure', unknownField(judge, error, name), joined(path, name))
    }
    case 'unevaluatedProperties': {
      const parts = partsOf(judge.root, error.parentSchema, schema)
      const declaring = parts
        .filter(({ node }) => isJson(node.properties))
        .map((part) => ({ part, score: likeness(judge, part.node.properties as Json, error.data) }))
        .sort((a, b) => b.score - a.score)[0]?.part
      const name = String(params.unevaluatedProperty)
      const issue = at(policy.unknown, unknownField(judge, error, name), joined(path, name))
      if (!declaring) return issue
      const pointer = `${declaring.pointer}/properties`
      return {
        ...issue,
        schemaPath: pointer,
        where: { ...issue.where, line: judge.document.lineOf(pointer) },
      }
    }
    case 'enum':
      return at('failure', `must be one of ${listed(error.schema)}${is}`)
    case 'const':
      return at('failure', `must be ${JSON.stringify(error.schema)}${is}`)
    case 'type':
      return at('failure', `must be ${String(params.type).split(',').join(' or ')}${is}`)
    case 'format':
      return at('failure', `must be a valid ${String(params.format)}${is}`)
    case 'oneOf':
    case 'anyOf':
      if (Array.isArray(params.allowed))
        return at('failure', `must be one of ${listed(params.allowed)}${is}`)
      if (params.passingSchemas != null)
        return at('warning', 'fits more than one of the shapes its oneOf allows')
      return at(
        'failure',
        `fits none of the ${listLength(error.schema)} shapes the spec allows here`,
      )
    case 'false schema':
      return at('failure', 'is not allowed here')
    default:
      return at(
        'failure',
        `${error.message ?? error.keyword}${typeof error.data === 'object' ? '' : is}`,
      )
  }
}

// How much a value looks like an object schema's properties: each field it declares counts, and a
// tag (a property whose enum or const holds the value's) decides between a oneOf's branches.
function likeness(judge: Judge, properties: Json, data: unknown) {
  if (!isJson(data)) return 0
  return Object.entries(data).reduce((score, [name, value]) => {
    if (!(name in properties)) return score
    const property = resolveRef(judge.root, properties[name], '').node
    const allowed = isJson(property)
      ? 'const' in property
        ? [property.const]
        : Array.isArray(property.enum)
          ? property.enum
          : undefined
      : undefined
    if (!allowed) return score + 1
    return score + (allowed.includes(value) ? 10 : -10)
  }, 0)
}

const joined = (path: string, name: string) => (path ? `${path}/${name}` : name)

function unknownField(judge: Judge, error: ErrorObject, name: string) {
  const present = isJson(error.data) ? error.data : {}
  const names = [...declaredNames(judge.root, error.parentSchema)].filter(
    (known) => !(known in present),
  )
  const near = names.length > 0 ? closest(name, names) : undefined
  const close =
    near !== undefined && distance(name, near) <= 2 && distance(name, near) < name.length / 2
  return `is a field the spec does not have${close ? ` (did you mean "${near}"?)` : ''}`
}

const shown = (value: unknown) =>
  typeof value === 'string'
    ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
    : Array.isArray(value)
      ? 'an array'
      : isJson(value)
        ? 'an object'
        : String(value)

const listed = (values: unknown) => {
  const list = Array.isArray(values) ? values : [values]
  const named = list.slice(0, 5).map((value) => JSON.stringify(value))
  return named.join(', ') + (list.length > 5 ? ', …' : '')
}

const listLength = (values: unknown) => (Array.isArray(values) ? values.length : 1)
