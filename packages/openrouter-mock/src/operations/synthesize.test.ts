import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { mergeInstances, synthesize } from './synthesize.ts'
import { operationTable } from './table.ts'

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false })

describe('synthesize', () => {
  // Compiles every operation's schemas: seconds of CPU alone, far more on two busy cores.
  it(
    'answers every JSON operation with a value each SDK schema accepts',
    { timeout: 120_000 },
    () => {
      const failures = operationTable()
        .operations.filter((operation) => operation.response.schemas.length > 0)
        .flatMap((operation) => {
          const value = synthesize(operation.response.schemas, operation.path)
          return operation.response.schemas.flatMap((schema, index) => {
            const validate = ajv.compile(schema)
            return validate(value)
              ? []
              : [
                  `${operation.method} ${operation.path} (${operation.sdkMethods[index] ?? index}): ${ajv.errorsText(validate.errors).slice(0, 300)}`,
                ]
          })
        })
      expect(failures).toEqual([])
    },
  )

  it('keeps what each side needs when merging', () => {
    expect(
      mergeInstances({ a: null, b: [1, { c: 1 }] }, { a: 'x', b: [2, { d: 2 }], e: true }),
    ).toEqual({
      a: 'x',
      b: [1, { c: 1, d: 2 }],
      e: true,
    })
  })
})
