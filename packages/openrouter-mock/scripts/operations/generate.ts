#!/usr/bin/env node
// Builds the mock's operation table (generated/operations.json) from the two official SDKs as
// installed: every operation either can call, with every schema its answers must pass. Runs at
// set-up; does nothing while the SDK versions and these scripts are unchanged.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Operation, OperationTable } from '../../src/operations/table.ts'
import { tableFile } from '../../src/operations/table.ts'
import type { SdkOperation } from './operation.ts'
import { typescriptOperations } from './typescript-operations.ts'

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url))
const python = fileURLToPath(new URL('../../python/.venv/bin/python', import.meta.url))
const pythonReader = here('python-operations.py')

const inputsDigest = () =>
  createHash('sha256')
    .update(readFileSync(here('../../python/requirements.txt')))
    .update(readFileSync(here('../../package.json')))
    .update(readFileSync(pythonReader))
    .update(readFileSync(here('typescript-operations.ts')))
    .update(readFileSync(here('generate.ts')))
    .digest('hex')

const stampFile = fileURLToPath(tableFile) + '.sha256'
const digest = inputsDigest()
const current = (() => {
  try {
    return readFileSync(stampFile, 'utf8') === digest
  } catch {
    return false
  }
})()
if (current && !process.argv.includes('--force')) process.exit(0)

console.log('==> building the mock’s operation table from @openrouter/sdk and openrouter (PyPI)')
const fromPython = JSON.parse(
  execFileSync(python, [pythonReader], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
) as { version: string; operations: SdkOperation[] }
const fromTypescript = typescriptOperations()

// Both SDKs address operations relative to https://openrouter.ai/api/v1 unless they name a server.
const fullPath = (operation: SdkOperation) =>
  (operation.server ? new URL(operation.server).pathname.replace(/\/$/, '') : '/api/v1') +
  operation.path

const merged = new Map<string, { sdk: SdkOperation[] }>()
for (const operation of [...fromTypescript.operations, ...fromPython.operations]) {
  const key = `${operation.method} ${fullPath(operation)}`
  const entry = merged.get(key) ?? { sdk: [] }
  entry.sdk.push(operation)
  merged.set(key, entry)
}

// The answer the floor gives: JSON when any SDK accepts JSON, else the first success type, with
// every SDK's schema for that status and type: the answer must satisfy them all.
const responseOf = (sdk: SdkOperation[]): Operation['response'] => {
  const responses = sdk.flatMap((operation) => operation.responses ?? [])
  const chosen = responses.find((response) => response.mediaType === 'application/json') ??
    responses[0] ?? { status: 204, mediaType: '*', schema: null }
  const schemas = responses
    .filter((r) => r.status === chosen.status && r.mediaType === chosen.mediaType)
    .filter((r) => r.schema && Object.keys(r.schema).some((keyword) => keyword !== '$schema'))
    .map((r) => withValues(jsonBranch(r.schema!)))
  return { status: chosen.status, mediaType: chosen.mediaType, schemas }
}

// An SDK that reads either JSON or a stream types the result as "object or string"; a JSON answer
// is the object.
const jsonBranch = (schema: object): object => {
  const { anyOf, ...rest } = schema as { anyOf?: { type?: unknown }[] }
  const objects = anyOf?.filter((branch) => branch.type !== 'string')
  return objects && objects.length > 0 && objects.length < anyOf!.length
    ? { ...rest, anyOf: objects }
    : schema
}

// An answer shows every field with a value: `null` branches and `null` defaults go where a value
// is allowed, and so do the Python SDK's "unset" sentinels (not values at all).
const withValues = (schema: object): object =>
  JSON.parse(JSON.stringify(schema), (_key, value: unknown) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value
    const node = { ...(value as Record<string, unknown>) }
    if (node.default === null || String(node.default).includes('unset~?~sentinel'))
      delete node.default
    if (Array.isArray(node.type) && node.type.length > 1)
      node.type = node.type.filter((type) => type !== 'null')
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const branches = node[keyword]
      if (Array.isArray(branches) && branches.length > 1) {
        const known = branches.some((branch) => 'const' in branch || 'enum' in branch)
        const valued = (branches as object[]).filter(
          (branch) => !isNothing(branch) && !(known && isAnyString(branch)),
        )
        if (valued.length > 1) node[keyword] = valued
        // A single branch left is the schema itself (generators handle it better inline).
        if (valued.length === 1) {
          delete node[keyword]
          Object.assign(node, valued[0])
        }
      }
    }
    if (node.properties && typeof node.properties === 'object') {
      for (const [name, property] of Object.entries(node.properties as Record<string, object>))
        lookReal(name, property as Record<string, unknown>)
    }
    return node
  }) as object

// The SDKs type most identifiers and timestamps as plain strings; OpenRouter's answers hold UUIDs
// and ISO timestamps there (its spec says so), so a free string named like one becomes one. No
// free string is empty.
const lookReal = (name: string, property: Record<string, unknown>) => {
  const types = [property.type].flat()
  const free = ['enum', 'const', 'pattern', 'format', '$ref', 'anyOf', 'oneOf'].every(
    (keyword) => !(keyword in property),
  )
  if (!types.includes('string') || !free) return
  if (/(^|_)id$/.test(name)) property.format = 'uuid'
  else if (/_at$/.test(name)) property.format = 'date-time'
  property.minLength ??= 1
}

// `null`, the Python SDK's `Unset` marker for a field left out, or `{}`: what zod's converter
// writes for a transform it cannot describe (an open enum's "any other string" branch).
// The Python SDK's `Unknown…` union members, which hold what it could not recognize, go too.
const isNothing = (branch: { type?: unknown; $ref?: unknown }) =>
  branch.type === 'null' ||
  branch.$ref === '#/$defs/Unset' ||
  String(branch.$ref).startsWith('#/$defs/Unknown') ||
  Object.keys(branch).length === 0

// An open enum's catch-all: the SDK accepts any string, but an answer uses a known value.
const isAnyString = (branch: object) =>
  (branch as { type?: unknown }).type === 'string' && Object.keys(branch).length === 1

const operations: Operation[] = [...merged].map(([key, { sdk }]) => {
  const [method, path] = key.split(' ') as [string, string]
  const requestBody = sdk.find((operation) => operation.requestBody)?.requestBody
  return {
    method,
    path,
    sdkMethods: sdk.map((operation) => operation.sdkMethod),
    ...(requestBody ? { requestBody } : {}),
    response: responseOf(sdk),
  }
})

const table: OperationTable = {
  generatedFrom: { '@openrouter/sdk': fromTypescript.version, openrouter: fromPython.version },
  operations: operations.sort(
    (a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
  ),
}
mkdirSync(dirname(fileURLToPath(tableFile)), { recursive: true })
writeFileSync(tableFile, JSON.stringify(table))
writeFileSync(stampFile, digest)
console.log(`    ${operations.length} operations`)
