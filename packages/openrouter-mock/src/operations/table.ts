import { readFileSync } from 'node:fs'

// The operation table: every operation either official SDK can call, merged from both SDKs'
// schemas by `scripts/operations/generate.ts` at set-up. The spec floor answers from it.
export type Operation = {
  method: string
  // The full path on openrouter.ai, `/api/v1/keys/{hash}`.
  path: string
  sdkMethods: string[]
  requestBody?: { mediaType: string; schema: object | null }
  // The first success answer, with every SDK's schema for it (each self-contained).
  response: { status: number; mediaType: string; schemas: object[] }
}

export type OperationTable = {
  generatedFrom: { '@openrouter/sdk': string; openrouter: string }
  operations: Operation[]
}

export const tableFile = new URL('../../generated/operations.json', import.meta.url)

let loaded: { table: OperationTable; routes: Route[] } | undefined

type Route = { operation: Operation; pattern: RegExp }

// Read on first use, not at start-up: most runs never leave the hand-written routes.
const load = () => {
  if (loaded) return loaded
  let table: OperationTable
  try {
    table = JSON.parse(readFileSync(tableFile, 'utf8')) as OperationTable
  } catch (error) {
    throw new Error(
      `the mock's operation table is missing (${tableFile.pathname}); make it with: npx -y pnpm@10.34.8 --filter @conformance/openrouter-mock setup`,
      { cause: error },
    )
  }
  const routes = table.operations.map((operation) => ({
    operation,
    pattern: new RegExp(
      `^${operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
    ),
  }))
  loaded = { table, routes }
  return loaded
}

export const operationTable = () => load().table

// The operation a request is for; literal segments win over parameters (`/models/count` is not
// `/models/{id}`), as in any router.
export const findOperation = (method: string, path: string): Operation | undefined => {
  const candidates = load().routes.filter(
    (route) => route.operation.method === method && route.pattern.test(path),
  )
  return candidates.sort((a, b) => literalLength(b.operation) - literalLength(a.operation))[0]
    ?.operation
}

const literalLength = (operation: Operation) => operation.path.replace(/\{[^}]+\}/g, '').length
