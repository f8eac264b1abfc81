import { describe, expect, it } from 'vitest'
import { illustrationOf } from './illustrations.ts'

const ts = { fenceLine: 10, javaScript: { typescript: true } }

describe('illustrationOf', () => {
  it('a URL elided with "..." is for the reader to fill in, in any language', () => {
    expect(illustrationOf("await fetch('https://openrouter.ai/...')", ts)).toBe(
      'an illustration: its URL is elided (https://openrouter.ai/...), for the reader to fill in',
    )
    expect(illustrationOf('curl https://openrouter.ai/api/v1/...', { fenceLine: 1 })).toMatch(
      /URL is elided/,
    )
  })

  it('a block that is one object literal is a request body, also with comments and types', () => {
    expect(illustrationOf("{\n  model: 'x', // the model\n  n: 1 as number,\n}", ts)).toBe(
      'an illustration: a request body written as a literal, not a program',
    )
    expect(illustrationOf('[{ "role": "user" }]', ts)).toMatch(/request body/)
  })

  it('code left out with "..." is named by its page line; a spread or a rest is code', () => {
    expect(illustrationOf('const r = await fetch(url, { ... });\nconsole.log(r)', ts)).toBe(
      'an illustration: code is elided with "..." (line 11)',
    )
    expect(illustrationOf('const a = [...b, ...c]\nconst { x, ...rest } = a', ts)).toBeUndefined()
  })

  it('a URL in a comment, or elision away from the syntax error, does not make an illustration', () => {
    expect(
      illustrationOf("// see https://openrouter.ai/docs/...\nconsole.log('hi')", ts),
    ).toBeUndefined()
    expect(illustrationOf('// ... the rest of your code\nconst = 1', ts)).toBeUndefined()
    expect(illustrationOf("await fetch('https://openrouter.ai/api/v1/x', { ... })", ts)).toBe(
      'an illustration: code is elided with "..." (line 11)',
    )
    expect(illustrationOf('const body = {\n  ...\n}', ts)).toBe(
      'an illustration: code is elided with "..." (line 12)',
    )
  })

  it('a program, or a syntax error with no elision, is left to be run and judged', () => {
    expect(illustrationOf("console.log('hi')", ts)).toBeUndefined()
    expect(illustrationOf('return 1', ts)).toBeUndefined()
    expect(illustrationOf('{ const x = 1 }', ts)).toBeUndefined()
    expect(illustrationOf('print("...")', { fenceLine: 1 })).toBeUndefined()
  })
})
