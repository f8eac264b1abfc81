import { describe, expect, it } from 'vitest'
import { annotatedTypes, blockKind, isValueDisplay } from './block-kinds.ts'
import { javaScriptNames } from './names.ts'

const kind = (code: string) => blockKind(code, javaScriptNames(code, 'typescript')).kind

describe('blockKind', () => {
  it.each([
    ["import { Foo } from 'sdk/models'\nlet value: Foo = { a: 1 }", 'type-example'],
    ['const value: models.Foo = { a: "<value>", at: new Date("2026-01-01") }', 'type-example'],
    ["import { E } from 'sdk/errors'\n// No examples", 'declarations'],
    ['interface A { b: B }\nfunction f(a: A): Promise<void>;', 'declarations'],
    ['"application/pdf"', 'values'],
    ['"deny" | "allow" | Unrecognized<string>', 'values'],
    [
      'send(request: Request): Promise<R>;\nsend(request: Request, options: O): Promise<R>;',
      'signatures',
    ],
    ['const value: R = await client.send()', 'program'],
    ["import { A } from 'a'\nconst a = new A()", 'program'],
    ['console.log(1)', 'program'],
  ])('%s', (code, expected) => {
    expect(kind(code)).toBe(expected)
  })

  it("reads a values block's members and their lines", () => {
    expect(blockKind('"a" | "b"\n  | Other<string>', undefined)).toEqual({
      kind: 'values',
      members: [
        { text: '"a"', literal: true, line: 1 },
        { text: '"b"', literal: true, line: 1 },
        { text: 'Other<string>', literal: false, line: 2 },
      ],
    })
  })
})

it('annotatedTypes: the types values are declared under', () => {
  expect(
    annotatedTypes('let value: Foo = {}\nconst x: models.Bar = {}\nconst y: string[] = []'),
  ).toEqual(['Foo', 'models.Bar'])
})

it('isValueDisplay: literals one after another, and not one alone', () => {
  expect(isValueDisplay('{ type: "a", delta: "x" }\n{ type: "b" }')).toBe(true)
  expect(isValueDisplay('{ type: "a" }')).toBe(false)
  expect(isValueDisplay('foo()\n{ type: "b" }')).toBe(false)
})
