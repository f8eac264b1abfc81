import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parsePage } from './mdx.ts'
import { renderTemplate, templateValues } from './template.ts'

const docsRoot = fileURLToPath(new URL('../../test/fixtures/site', import.meta.url))
const page = (data: string) =>
  parsePage(
    [
      "import { API_KEY_REF, Model } from '/snippets/exports/constants.mdx'",
      '',
      `<Template data=${data}>`,
      '<CodeGroup>',
      '',
      '```bash title="x"',
      'curl',
      '```',
      '',
      '</CodeGroup>',
      '</Template>',
      '',
    ].join('\n'),
    'page.mdx',
  )

const values = (data: string, root: string | null = docsRoot) => {
  const parsed = page(data)
  return templateValues(parsed.groups[0]!.template!, parsed.imports, root ?? undefined)
}

describe('templateValues', () => {
  it('evaluates shorthand names, member access and literals against the imported constants', () => {
    expect(values("{{ API_KEY_REF, MODEL: Model.GPT_4_Omni, N: 2, S: 'x' }}")).toEqual({
      API_KEY_REF: '<OPENROUTER_API_KEY>',
      MODEL: 'openai/gpt-4o',
      N: 2,
      S: 'x',
    })
  })

  it('names what it cannot resolve', () => {
    expect(() => values('{{ MODEL: Nope.X }}')).toThrow('Nope is not defined or imported')
    expect(() => values('{{ API_KEY_REF }}', null)).toThrow('--docs-root')
    expect(() => values('{{ MODEL: f() }}')).toThrow('unsupported expression (CallExpression)')
  })
})

describe('renderTemplate', () => {
  it('replaces {{KEY}} as the site does and leaves unknown keys and ${…} alone', () => {
    expect(renderTemplate('{{MODEL}} {{OTHER}} ${API_KEY_REF}', { MODEL: 'm' })).toBe(
      'm {{OTHER}} ${API_KEY_REF}',
    )
  })
})
