// Every operation `@openrouter/sdk` can call, read from the installed package: method, path and
// the JSON Schema of each success answer, converted from the zod schema the SDK validates with.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as models from '@openrouter/sdk/models'
import * as operations from '@openrouter/sdk/models/operations'
import * as z from 'zod/v4'
import type { SdkOperation } from './operation.ts'

const sdkRoot = dirname(createRequire(import.meta.url).resolve('@openrouter/sdk/package.json'))
const schemas: Record<string, Record<string, unknown>> = { models, operations }

// `M.json(200, operations.GetKeyResponse$inboundSchema)`: the matcher the SDK parses a 2xx with.
const success =
  /M\.(json|sse|stream|bytes|text|nil)\(\[?(\d{3})[\d, ]*\]?,\s*(?:(models|operations)\.([\w$]+)|z\.\w+)/g

const jsonSchemaOf = (namespace: string | undefined, name: string | undefined) => {
  const schema = namespace && name ? schemas[namespace]?.[name] : undefined
  if (!schema) return null
  // The inbound schemas read the wire format, so their input side is what the server sends.
  return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' })
}

export const typescriptOperations = () => {
  const funcs = join(sdkRoot, 'esm', 'funcs')
  const found: SdkOperation[] = []
  for (const file of readdirSync(funcs).filter((name) => name.endsWith('.js'))) {
    const source = readFileSync(join(funcs, file), 'utf8')
    const path = source.match(/pathToFunc\("([^"]+)"/)?.[1]
    const method = source.match(/method: "([A-Z]+)"/)?.[1]
    if (!path || !method) continue // helpers such as call-model that wrap other operations
    // An operation served elsewhere than /api/v1 names its own server list.
    const serverList = source.match(/pathToFunc\((\w+ServerList)\[0\]/)?.[1]
    const server = serverList ? (operations as Record<string, unknown>)[serverList] : undefined
    found.push({
      sdkMethod: file.replace(/\.js$/, ''),
      method,
      path,
      ...(Array.isArray(server) ? { server: String(server[0]) } : {}),
      responses: [...source.matchAll(success)].map((match) => {
        const [, kind, status, namespace, name] = match
        const schema = kind === 'json' || kind === 'sse' ? jsonSchemaOf(namespace, name) : null
        // `{ key: "Result" }`: the SDK files the body under `Result`, next to the headers.
        const keyed = source.slice(match.index, match.index + 200).match(/^[^)]*\{\s*key: "(\w+)"/)
        return {
          status: Number(status),
          mediaType: mediaTypes[kind!]!,
          schema: keyed && schema ? (schema.properties?.[keyed[1]!] as object) : schema,
        }
      }),
    })
  }
  const { version } = JSON.parse(readFileSync(join(sdkRoot, 'package.json'), 'utf8'))
  return { version: version as string, operations: found }
}

const mediaTypes: Record<string, string> = {
  json: 'application/json',
  sse: 'text/event-stream',
  stream: 'application/octet-stream',
  bytes: 'application/octet-stream',
  text: 'text/plain',
  nil: '*',
}
