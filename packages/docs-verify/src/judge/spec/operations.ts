// The operations of the documents, and which of them a request's method and path reach: as a
// server routes it, after the base path of the document's server, a literal segment beating a
// template one (`/keys/count` over `/keys/{hash}`).
import { isJson, pointerTo, type Json, type SpecDocument } from './document.ts'
import type { SpecOperation } from '../../types.ts'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

export type OperationEntry = {
  operation: SpecOperation
  document: SpecDocument
  value: Json
  // The parameters its path item gives every operation of the path.
  pathParameters: unknown[]
}

export type PathEntry = {
  base: string
  path: string
  // Per segment: its pattern, and the names of the parameters it captures.
  segments: { pattern: RegExp; names: string[]; literal: boolean }[]
  methods: Map<string, OperationEntry>
}

export type PathMatch = { entry: PathEntry; parameters: Record<string, string> }

// The path part of the first server's URL (`https://host/api/v1` → `/api/v1`), its
// `{variables}` at their defaults.
function basePath(document: Json): string {
  const server = Array.isArray(document.servers) ? document.servers[0] : undefined
  if (!isJson(server) || typeof server.url !== 'string') return ''
  const variables = isJson(server.variables) ? server.variables : {}
  const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const variable = variables[name]
    return isJson(variable) && variable.default !== undefined ? String(variable.default) : ''
  })
  try {
    return new URL(url, 'http://base.invalid').pathname.replace(/\/+$/, '')
  } catch {
    return ''
  }
}

function segmentsOf(path: string): PathEntry['segments'] {
  return splitPath(path).map((segment) => {
    const names: string[] = []
    const source = segment
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const name = /^\{([^}]+)\}$/.exec(part)?.[1]
        if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        names.push(name)
        return '([^/]+)'
      })
      .join('')
    return { pattern: new RegExp(`^${source}$`), names, literal: names.length === 0 }
  })
}

const splitPath = (path: string) => path.split('/').filter((segment) => segment !== '')

export function indexOperations(documents: SpecDocument[]) {
  const paths = new Map<string, PathEntry>()
  const problems: string[] = []
  for (const document of documents) {
    const base = basePath(document.value)
    const items = isJson(document.value.paths) ? document.value.paths : {}
    for (const [path, item] of Object.entries(items)) {
      if (!isJson(item)) continue
      const key = `${base} ${path}`
      const entry = paths.get(key) ?? { base, path, segments: segmentsOf(path), methods: new Map() }
      paths.set(key, entry)
      for (const method of METHODS) {
        const value = item[method]
        if (!isJson(value)) continue
        const earlier = entry.methods.get(method)
        if (earlier) {
          problems.push(
            `${method.toUpperCase()} ${path} is in ${earlier.document.file} and ${document.file}: the first is used`,
          )
          continue
        }
        const pointer = pointerTo('paths', path, method)
        const operation: SpecOperation = {
          method,
          path,
          ...(typeof value.operationId === 'string' ? { operationId: value.operationId } : {}),
          pointer,
          where: { file: document.file, line: document.lineOf(pointer) },
        }
        const pathParameters = Array.isArray(item.parameters) ? item.parameters : []
        entry.methods.set(method, { operation, document, value, pathParameters })
      }
    }
  }
  return { paths: [...paths.values()], problems }
}

// The path (not yet the method) a client's URL reaches, and the values of its parameters.
export function matchPath(paths: PathEntry[], urlPath: string): PathMatch | undefined {
  const sent = /^[a-z]+:\/\//i.test(urlPath) ? new URL(urlPath).pathname : urlPath
  const path = sent.replace(/[?#].*$/, '')
  let best: (PathMatch & { rank: number[] }) | undefined
  for (const entry of paths) {
    // Without the base path where it starts with it; as it is where it does not.
    const within = path === entry.base || path.startsWith(entry.base + '/')
    const segments = splitPath(within ? path.slice(entry.base.length) : path)
    if (segments.length !== entry.segments.length) continue
    const parameters: Record<string, string> = {}
    const matched = entry.segments.every(({ pattern, names }, index) => {
      const found = pattern.exec(decode(segments[index] ?? ''))
      names.forEach((name, at) => (parameters[name] = found?.[at + 1] ?? ''))
      return found !== null
    })
    const rank = entry.segments.map((segment) => (segment.literal ? 1 : 0))
    if (matched && (!best || outranks(rank, best.rank))) best = { entry, parameters, rank }
  }
  return best && { entry: best.entry, parameters: best.parameters }
}

// Literal segments win from the left: `/a/b/{c}` over `/a/{b}/c`.
const outranks = (rank: number[], other: number[]) => {
  const at = rank.findIndex((value, index) => value !== other[index])
  return at !== -1 && (rank[at] ?? 0) > (other[at] ?? 0)
}

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
