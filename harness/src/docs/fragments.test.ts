import { describe, expect, it } from 'vitest'
import { joinJavaScript, joinPlan, type PageBlock } from './fragments.ts'

const block = (
  group: number,
  title: string,
  defines: string[],
  uses: string[],
  runner: PageBlock['runner'] = 'typescript',
): PageBlock => ({ group, title, runner, names: { defines, uses, onlyDeclares: false } })

describe('joinPlan', () => {
  it('runs a block after the earlier blocks that define what it uses, transitively', () => {
    const blocks = [
      block(1, 'TypeScript', ['client'], []),
      block(2, 'TypeScript', ['messages'], ['client']),
      block(3, 'TypeScript', [], ['messages', 'console']),
    ]
    expect(joinPlan(blocks)).toEqual([[], [0], [0, 1]])
  })

  it('prefers the same tab in an earlier group, never a sibling, never another language', () => {
    const blocks = [
      block(1, 'TypeScript SDK', ['body'], []),
      block(1, 'fetch', ['body'], []),
      block(1, 'Python', ['body'], [], 'python'),
      block(2, 'fetch', [], ['body']),
      block(2, 'TypeScript SDK', ['body'], ['body']),
      block(3, 'Python', [], ['body'], 'python'),
      block(3, 'cURL', [], ['body'], 'shell'),
    ]
    expect(joinPlan(blocks)).toEqual([[], [], [], [1], [0], [2], []])
  })

  it('joins nothing for a name no earlier block defines', () => {
    expect(joinPlan([block(1, 'A', [], ['payload']), block(2, 'A', [], ['payload'])])).toEqual([
      [],
      [],
    ])
  })
})

describe('joinJavaScript', () => {
  it('makes an import once, however it is written, and keeps every line where it was', () => {
    const first =
      "import OpenAI from 'openai';\nimport { z } from 'zod';\nconst client = new OpenAI();"
    const second = [
      'import OpenAI from "openai"',
      "import { z, type ZodType } from 'zod';",
      "import { readFileSync as read } from 'node:fs';",
      'const answer: number = 42;',
    ].join('\n')
    expect(joinJavaScript([first, second], true).split('\n')).toEqual([
      "import OpenAI from 'openai';",
      "import { z } from 'zod';",
      'const client = new OpenAI();',
      '',
      '',
      "import { readFileSync as read } from 'node:fs';",
      'const answer: number = 42;',
      '',
    ])
  })

  it('keeps what an import adds, and a different name for the same thing is a new binding', () => {
    const joined = joinJavaScript(
      ["import { a } from 'x'", "import { a, b } from 'x'\nimport { a as c } from 'x'"],
      false,
    )
    expect(joined).toBe(
      "import { a } from 'x'\nimport { b } from \"x\";\nimport { a as c } from 'x'\n",
    )
  })

  it('leaves a block that does not parse as it is', () => {
    expect(joinJavaScript(["import a from 'a'", "import a from 'a'\nconst = ;"], false)).toBe(
      "import a from 'a'\nimport a from 'a'\nconst = ;\n",
    )
  })
})
