// A site's OpenAPI documents as one judge: read once, merged by path, each registered with Ajv
// once and its schemas compiled as values are first held to them.
import { readDocument } from './document.ts'
import { place } from './issues.ts'
import { judgesOf, newAjv, type Judges } from './judge.ts'
import { indexOperations, matchPath, type OperationEntry } from './operations.ts'
import { targetsOf } from './targets.ts'
import type { SiteSpec, SpecOperation } from '../../types.ts'
import { checkExampleOf, checkRequestOf, checkResponseOf } from './validate.ts'

export function loadSpecs(files: string[]): SiteSpec {
  const documents = files.map((file, index) => readDocument(file, `spec${index}`))
  const ajv = newAjv()
  const judges = new Map(documents.map((document) => [document, judgesOf(ajv, document)]))
  const { paths, problems } = indexOperations(documents)
  const entries = new Map<string, OperationEntry>()
  for (const path of paths)
    for (const entry of path.methods.values())
      entries.set(`${entry.operation.where.file}#${entry.operation.pointer}`, entry)

  // An operation this spec handed out, found again (the caller may hold a copy of it).
  const entryOf = (operation: SpecOperation): [OperationEntry, Judges] => {
    const entry = entries.get(`${operation.where.file}#${operation.pointer}`)
    if (!entry)
      throw new Error(
        `${operation.method.toUpperCase()} ${operation.path} is not an operation of this spec`,
      )
    return [entry, judges.get(entry.document) as Judges]
  }
  const firstJudge = () => judges.values().next().value?.written

  return {
    files: documents.map((document) => document.file),
    problems,
    operations: () => [...entries.values()].map((entry) => entry.operation),
    operationOf: (method, urlPath) =>
      matchPath(paths, urlPath)?.entry.methods.get(method.toLowerCase())?.operation,
    checkRequest(request) {
      const match = matchPath(paths, request.path)
      const sent = `${request.method.toUpperCase()} ${request.path.replace(/[?#].*$/, '')}`
      const entry = match?.entry.methods.get(request.method.toLowerCase())
      if (!match || !entry) {
        const others = match ? [...match.entry.methods.values()] : []
        const owner = others[0] ? (judges.get(others[0].document) as Judges).written : firstJudge()
        if (!owner) return { issues: [] }
        const methods = others.map((other) => other.operation.method.toUpperCase()).join(', ')
        const message = match
          ? `the spec has no ${sent} (${match.entry.path} has ${methods || 'no operations'})`
          : `the spec has no ${sent}`
        const pointer = others[0] ? others[0].operation.pointer.replace(/\/[^/]*$/, '') : '/paths'
        return { issues: [place(owner, 'failure', '', message, pointer)] }
      }
      const query = new URLSearchParams(/\?([^#]*)/.exec(request.path)?.[1] ?? '')
      const issues = checkRequestOf(entry, judges.get(entry.document) as Judges, {
        query,
        path: match.parameters,
        headers: request.headers,
        body: request.body,
      })
      return { operation: entry.operation, issues }
    },
    checkResponse: (operation, status, contentType, body) =>
      checkResponseOf(...entryOf(operation), status, contentType, body),
    checkExample: (operation, role, value, options) =>
      checkExampleOf(...entryOf(operation), role, value, options),
    exampleSchemas: (operation) => targetsOf(entryOf(operation)[0]),
    where(file, pointer) {
      const document = documents.find((candidate) => candidate.file === file)
      return { file, line: document ? document.lineOf(pointer) : 0 }
    },
  }
}
