import { describe, expect, it } from 'vitest'
import { suggestFix } from './fix-hints.ts'

const typeError = (message: string) => ({ line: 3, column: 5, code: 'TS2551', message })

describe('suggestFix', () => {
  it("takes the type checker's did-you-mean", () => {
    expect(
      suggestFix('', [
        typeError("Property 'sendd' does not exist on type 'Chat'. Did you mean 'send'?"),
      ]),
    ).toBe("`sendd` → `send` (the type checker's suggestion)")
  })

  it("takes the type checker's did-you-mean for a misspelt option, too", () => {
    expect(
      suggestFix('', [
        typeError(
          "No overload matches this call: Object literal may only specify known properties, but 'temprature' does not exist in type 'ChatCompletionCreateParamsBase'. Did you mean to write 'temperature'?",
        ),
      ]),
    ).toBe("`temprature` → `temperature` (the type checker's suggestion)")
  })

  it("takes Python's did-you-mean", () => {
    expect(
      suggestFix(
        "AttributeError: 'Chat' object has no attribute 'sendd'. Did you mean: 'send'?",
        [],
      ),
    ).toBe("`sendd` → `send` (Python's suggestion)")
  })

  it('names the argument an SDK wants the request under', () => {
    const stderr =
      'SDKValidationError: Input validation failed at chatRequest: Invalid input: expected object, received undefined'
    expect(suggestFix(stderr, [])).toBe(
      'pass the request under `chatRequest`: `({ chatRequest: { …the fields… } })`',
    )
  })

  it('suggests nothing where no tool names a fix', () => {
    expect(
      suggestFix('TypeError: x is not a function', [typeError("Cannot find name 'payload'.")]),
    ).toBeUndefined()
  })
})
