// Ajv's errors, cut down to those of the shape a value meant. Under oneOf/anyOf Ajv reports every
// branch's errors; a reader needs those of the one branch the value was written for. Each branch
// is held to the value alone: its errors leave the list, and the best branch's (refined the same
// way) come back.
import type { ErrorObject } from 'ajv'
import { isJson, valueAt } from './document.ts'
import type { Judge } from './judge.ts'
import { declaredNames, fitOf } from './shape.ts'

const ids = new WeakMap<object, number>()
let lastId = 0
const idOf = (value: unknown) => {
  if (typeof value !== 'object' || value === null) return 0
  if (!ids.has(value)) ids.set(value, ++lastId)
  return ids.get(value)
}
// The same error from the same schema at the same place, however the schema was reached.
const keyOf = (error: ErrorObject, prefix = '') =>
  [
    prefix + error.instancePath,
    error.keyword,
    idOf(error.parentSchema),
    JSON.stringify(error.params),
  ].join('|')

const depthOf = (instancePath: string) =>
  instancePath === '' ? 0 : instancePath.split('/').length - 1

const isCombinator = (error: ErrorObject) =>
  (error.keyword === 'oneOf' || error.keyword === 'anyOf') && error.params.passingSchemas == null

export function explain(judge: Judge, pointer: string, value: unknown, depth = 0): ErrorObject[] {
  let errors = judge.errors(pointer, value)
  const done = new Set<ErrorObject>()
  for (;;) {
    // The outermost first; at one place, the last: Ajv adds a combinator's error after its
    // branches'.
    const open = errors.filter((error) => isCombinator(error) && !done.has(error))
    const combinator = open.reduce<ErrorObject | undefined>(
      (best, error) =>
        !best || depthOf(error.instancePath) <= depthOf(best.instancePath) ? error : best,
      undefined,
    )
    if (!combinator) return errors
    done.add(combinator)
    const parent = combinator.parentSchema
    const at = judge.pointerOf(parent)
    const branches: unknown = combinator.schema
    if (at === undefined || !isJson(parent) || !Array.isArray(branches) || depth > 8) continue

    const place = combinator.instancePath
    const sub = valueAt(value, place)
    const tag = isJson(parent.discriminator) ? parent.discriminator.propertyName : undefined
    const tried = branches.map((branch, index) => {
      const branchPointer = `${at}/${combinator.keyword}/${index}`
      const refined = explain(judge, branchPointer, sub, depth + 1)
      const rank = [
        refined.some((error) => error.instancePath === '' && error.keyword === 'type') ? 1 : 0,
        refined.some((error) => isTagError(error, tag)) ? 1 : 0,
        -fitOf(judge.root, branch, sub, refined.length === 0),
        refined.length,
      ]
      return { branch, raw: judge.errors(branchPointer, sub), refined, rank }
    })
    const best = tried.reduce((a, b) => (compare(b.rank, a.rank) < 0 ? b : a))
    const ofBranches = new Set(tried.flatMap(({ raw }) => raw.map((error) => keyOf(error, place))))
    const wrongTag = taggedWrong(combinator, tried, tag)
    // With no branch passing, Ajv counts none of the branches' fields as evaluated: keep only the
    // unknown fields the chosen branch (and the rest of its parent) does not declare either; none
    // where the value's tag names no branch at all.
    const declared = new Set([
      ...declaredNames(judge.root, best.branch),
      ...declaredNames(judge.root, { ...parent, [combinator.keyword]: undefined }),
    ])
    errors = errors.filter(
      (error) =>
        error !== combinator &&
        !ofBranches.has(keyOf(error)) &&
        !(
          error.keyword === 'unevaluatedProperties' &&
          error.instancePath === place &&
          (wrongTag !== undefined || declared.has(String(error.params.unevaluatedProperty)))
        ),
    )
    const chosen = (wrongTag ?? best.refined).map((error) => ({
      ...error,
      instancePath: place + error.instancePath,
    }))
    chosen.forEach((error) => done.add(error))
    errors.push(...chosen)
  }
}

// Every branch is tagged other than the value (`role: "bot"`): one error, with the tags there are.
function taggedWrong(combinator: ErrorObject, tried: { refined: ErrorObject[] }[], tag: unknown) {
  const errors = tried.map(({ refined }) => refined.find((error) => isTagError(error, tag)))
  const [first] = errors
  if (!first || errors.some((error) => error?.instancePath !== first.instancePath)) return undefined
  const allowed = errors.flatMap((error) =>
    error?.keyword === 'const'
      ? [error.schema]
      : error?.keyword === 'enum'
        ? (error.schema as unknown[])
        : [],
  )
  if (allowed.length === 0) return undefined
  const tags = [...new Set(allowed.map((value) => JSON.stringify(value)))].map((text) =>
    JSON.parse(text),
  )
  return [
    {
      ...combinator,
      instancePath: first.instancePath,
      data: first.data,
      params: { allowed: tags },
    },
  ]
}

// The branch's tag names another branch: its discriminator, or a field fixed to one value.
function isTagError(error: ErrorObject, tag: unknown) {
  if (depthOf(error.instancePath) !== 1) return false
  if (typeof tag === 'string') return error.instancePath === `/${tag}`
  return (
    error.keyword === 'const' ||
    (error.keyword === 'enum' && Array.isArray(error.schema) && error.schema.length === 1)
  )
}

const compare = (a: number[], b: number[]) => {
  const at = a.findIndex((value, index) => value !== b[index])
  return at === -1 ? 0 : (a[at] ?? 0) - (b[at] ?? 0)
}
