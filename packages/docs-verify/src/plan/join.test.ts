import { describe, expect, it } from 'vitest'
import { joinPage, type JoinBlock } from './join.ts'
import { javaScriptNames } from './names.ts'

const block = (group: number, title: string, code: string, line = group * 10): JoinBlock => ({
  group,
  title,
  family: 'javascript',
  line,
  statements: javaScriptNames(code, 'typescript')!.statements,
})

describe('joinPage', () => {
  it('runs a block after the statements that define what it uses, and what those need in turn', () => {
    const [, , third] = joinPage([
      block(
        1,
        'TS',
        "import { A } from 'a'\nconst client = new A()\nconst first = await client.ask('1')",
      ),
      block(2, 'TS', "const result = await client.ask('2')\nconsole.log(result)"),
      block(3, 'TS', 'console.log(result.text)'),
    ])
    expect(third!.prefix).toBe(
      "import { A } from 'a'\nconst client = new A()\nconst result = await client.ask('2')\n",
    )
    expect(third!.prefixLines).toBe(3)
    expect(third!.joinedWith).toEqual([10, 20])
    expect(third!.unresolved).toEqual([])
  })

  it("a block's own declarations win: it never joins an earlier declaration of a name it declares", () => {
    const [, second] = joinPage([
      block(
        1,
        'TS',
        "import { A } from 'a'\nconst client = new A()\nconst result = client.ask('1')",
      ),
      block(2, 'TS', "const result = client.ask('2')"),
    ])
    expect(second!.prefix).toBe("import { A } from 'a'\nconst client = new A()\n")
  })

  it('of two earlier definitions, the nearest; the same title first; never a sibling tab', () => {
    const joined = joinPage([
      block(1, 'SDK', 'const body = 1'),
      block(1, 'fetch', 'const body = 2'),
      block(2, 'fetch', 'const body = 3'),
      block(3, 'SDK', 'console.log(body)'),
      block(3, 'fetch', 'console.log(body)'),
    ])
    expect(joined[3]!.prefix).toBe('const body = 1\n')
    expect(joined[4]!.prefix).toBe('const body = 3\n')
    expect(
      joinPage([block(1, 'A', 'const x = 1'), block(1, 'B', 'console.log(x)')])[1]!.unresolved,
    ).toEqual(['x'])
  })

  it('types are joined like values, and a name nothing defines is named (values only)', () => {
    const [, second] = joinPage([
      block(1, 'TS', 'type Weather = { city: string }'),
      block(2, 'TS', 'const w: Weather = { city: cityName }\nconst t: Unknown = w'),
    ])
    expect(second!.prefix).toBe('type Weather = { city: string }\n')
    expect(second!.unresolved).toEqual(['cityName'])
  })

  it('an import two joined statements need is made once; a binding the block imports itself is dropped', () => {
    const [, , third] = joinPage([
      block(1, 'TS', "import { A, B } from 'a'\nconst a = new A()"),
      block(2, 'TS', "import { A } from 'a'\nconst b = new A()"),
      block(3, 'TS', "import { B } from 'a'\nconsole.log(a, b, new B())"),
    ])
    expect(third!.prefix).toBe("import { A } from 'a';\nconst a = new A()\nconst b = new A()\n")
  })

  it('Python rebinds freely: statements are joined in page order, nearest last', () => {
    const python = (group: number, statements: JoinBlock['statements']): JoinBlock => ({
      group,
      title: 'Python',
      family: 'python',
      line: group,
      statements,
    })
    const statement = (text: string, defines: string[], uses: string[]) => ({
      text,
      line: 1,
      defines,
      assigns: [],
      uses,
      values: uses,
    })
    const [, , third] = joinPage([
      python(1, [
        statement('client = C()', ['client'], ['C']),
        statement('r = client.a()', ['r'], ['client']),
      ]),
      python(2, [statement('r = client.b()', ['r'], ['client'])]),
      python(3, [statement('print(r)', [], ['r'])]),
    ])
    expect(third!.prefix).toBe('client = C()\nr = client.b()\n')
    expect(third!.unresolved).toEqual(['C'])
  })
})
