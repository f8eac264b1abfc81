// Ajv over one document, as written or strict: each document is registered once under its own
// name, and a schema of it compiled the first time a value is held to it.
import { createRequire } from 'node:module'
import type { ErrorObject, ValidateFunction } from 'ajv'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { pointerIndex, type Json, type SpecDocument } from './document.ts'
import { strictCopy } from './strict.ts'

export type Judge = {
  document: SpecDocument
  // The value Ajv holds to: the document, or its strict copy (same pointers, more keywords).
  root: Json
  // Ajv's errors for a value at the schema of that pointer; throws where the schema does not
  // compile.
  errors: (pointer: string, value: unknown) => ErrorObject[]
  pointerOf: (schema: unknown) => string | undefined
}

// ajv-formats is CommonJS whose default export TypeScript cannot see under NodeNext.
const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv2020) => void

export function newAjv(): Ajv2020 {
  // OpenAPI adds keywords and formats JSON Schema does not know (`discriminator`, `int64`):
  // not strict, and quiet about them. Verbose: errors carry the schema object, which
  // pointerIndex names.
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    verbose: true,
    validateSchema: false,
    logger: false,
  })
  addFormats(ajv)
  return ajv
}

function judge(ajv: Ajv2020, document: SpecDocument, name: string, root: Json): Judge {
  ajv.addSchema(root, name)
  const compiled = new Map<string, ValidateFunction | Error>()
  let pointers: WeakMap<object, string> | undefined
  return {
    document,
    root,
    errors(pointer, value) {
      let validate = compiled.get(pointer)
      if (!validate) {
        const fragment = pointer.split('/').map(encodeURIComponent).join('/')
        try {
          validate = ajv.compile({ $ref: `${name}#${fragment}` })
        } catch (error) {
          validate = error instanceof Error ? error : new Error(String(error))
        }
        compiled.set(pointer, validate)
      }
      if (validate instanceof Error) throw validate
      return validate(value) ? [] : [...(validate.errors ?? [])]
    },
    pointerOf(schema) {
      pointers ??= pointerIndex(root)
      return typeof schema === 'object' && schema !== null ? pointers.get(schema) : undefined
    },
  }
}

export type Judges = { written: Judge; strict: () => Judge }

export function judgesOf(ajv: Ajv2020, document: SpecDocument): Judges {
  let strict: Judge | undefined
  return {
    written: judge(ajv, document, document.name, document.value),
    strict: () =>
      (strict ??= judge(ajv, document, `${document.name}-strict`, strictCopy(document.value))),
  }
}
