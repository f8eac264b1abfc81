import { describe, expect, it } from 'vitest'
import { dropNames, readStatements, scriptKind, withoutTypeOnlyImports } from './statements.ts'

const read = (code: string) => readStatements(code, scriptKind('typescript'))

describe('readStatements', () => {
  it('names what each top-level statement defines and uses, values and types apart', () => {
    const { statements } = read(
      [
        "import { OpenRouter, type Foo } from '@openrouter/sdk'",
        'const client = new OpenRouter({ apiKey: process.env.KEY })',
        'let value: models.Bar = { a: 1, when: new Date("2026-01-01"), other }',
        'type T<X> = { a: X; b: Foo; c: typeof client }',
        'function send(request: Request): Promise<R>;',
        'result = await client.callModel({ model, input })',
        'for (const item of items) console.log(item, outer)',
      ].join('\n'),
    )
    expect(
      statements.map(({ kind, defines, assigns, uses }) => ({ kind, defines, assigns, uses })),
    ).toEqual([
      {
        kind: 'import',
        defines: ['OpenRouter', 'Foo'],
        assigns: [],
        uses: { values: [], types: [] },
      },
      {
        kind: 'declaration',
        defines: ['client'],
        assigns: [],
        uses: { values: ['OpenRouter'], types: [] },
      },
      {
        kind: 'typed-value',
        defines: ['value'],
        assigns: [],
        uses: { values: ['other'], types: ['models'] },
      },
      { kind: 'type', defines: ['T'], assigns: [], uses: { values: [], types: ['Foo', 'client'] } },
      {
        kind: 'type',
        defines: ['send'],
        assigns: [],
        uses: { values: [], types: ['Promise', 'R', 'Request'] },
      },
      {
        kind: 'other',
        defines: [],
        assigns: ['result'],
        uses: { values: ['client', 'input', 'model', 'result'], types: [] },
      },
      { kind: 'other', defines: [], assigns: [], uses: { values: ['items', 'outer'], types: [] } },
    ])
  })

  it('a typed declaration that computes something is a declaration, not a type example', () => {
    expect(read('const r: R = await client.send()').statements[0]!.kind).toBe('declaration')
    expect(read('const r: R = { at: new Date() }').statements[0]!.kind).toBe('typed-value')
    // Speakeasy's file examples read the file with Node's own function.
    const upload =
      "import { openAsBlob } from 'node:fs'\nconst r: R = { file: await openAsBlob('a.file') }"
    expect(read(upload).statements[1]!.kind).toBe('typed-value')
    expect(read('const r: R = { file: await upload() }').statements[0]!.kind).toBe('declaration')
  })

  it('sees JSX', () => {
    expect(readStatements('const a = <b>hi</b>', scriptKind('tsx')).jsx).toBe(true)
  })
})

describe('withoutTypeOnlyImports', () => {
  it('drops what tsc elides: bindings used only as types, and an import left with none; lines stay', () => {
    const code = [
      "import { OpenRouter, ChatRequest } from '@openrouter/sdk'",
      "import type { X } from 'x'",
      "import * as models from '@openrouter/sdk/models'",
      "import { setTimeout } from 'node:timers/promises'",
      "import 'side-effect'",
      'const request: ChatRequest = {} as models.Foo',
      'await setTimeout(1)',
      'new OpenRouter()',
    ].join('\n')
    expect(withoutTypeOnlyImports(code).split('\n')).toEqual([
      "import { OpenRouter } from '@openrouter/sdk';",
      "import type { X } from 'x'",
      '',
      "import { setTimeout } from 'node:timers/promises'",
      "import 'side-effect'",
      'const request: ChatRequest = {} as models.Foo',
      'await setTimeout(1)',
      'new OpenRouter()',
    ])
  })
})

describe('dropNames', () => {
  it('takes a binding out of an import or a declaration, and gives up on a pattern', () => {
    expect(dropNames("import A, { b, c as d } from 'x'", ['b'])).toBe(
      "import A, { c as d } from 'x';",
    )
    expect(dropNames('const a = 1, b = 2', ['a'])).toBe('const b = 2;')
    expect(dropNames('const { a, b } = x', ['a'])).toBeUndefined()
    expect(dropNames("import { a } from 'x'", ['a'])).toBeUndefined()
  })
})
