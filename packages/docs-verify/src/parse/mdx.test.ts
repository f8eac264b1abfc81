import { describe, expect, it } from 'vitest'
import { dedent, parseMeta, parsePage } from './mdx.ts'

describe('parseMeta', () => {
  it.each([
    ['title="TypeScript SDK" lines', { title: 'TypeScript SDK', flags: ['lines'] }],
    [
      'title="TypeScript (OpenAI SDK)" expandable lines',
      { title: 'TypeScript (OpenAI SDK)', flags: ['expandable', 'lines'] },
    ],
    ['Python expandable lines', { title: 'Python', flags: ['expandable', 'lines'] }],
    ['TypeScript (fetch) wrap', { title: 'TypeScript (fetch)', flags: ['wrap'] }],
    ['highlight={1,3} title="cURL"', { title: 'cURL', flags: ['highlight=1,3'] }],
    ['', { title: 'bash', flags: [] }],
  ])('%s', (meta, expected) => {
    expect(parseMeta('bash', meta)).toEqual(expected)
  })
})

describe('dedent', () => {
  it('removes only the indentation every line shares', () => {
    expect(dedent('  a\n    b\n\n  c')).toBe('a\n  b\n\nc')
    expect(dedent('a\n  b')).toBe('a\n  b')
  })
})

describe('parsePage', () => {
  it('in MDX, <CodeGroup> children are its tabs, JSX between them is not; any other fence is a block of its own', () => {
    const page = parsePage(
      [
        '# Title',
        '',
        '```json',
        '{}',
        '```',
        '',
        '<CodeGroup>',
        '',
        '```bash A',
        'curl x',
        '```',
        '<Note>',
        'hi',
        '</Note>',
        '```bash title="B"',
        'curl y',
        '```',
        '',
        '</CodeGroup>',
        '',
      ].join('\n'),
      'page.mdx',
    )
    expect(
      page.groups.map((group) => group.fences.map((fence) => [fence.title, fence.code])),
    ).toEqual([
      [['json', '{}']],
      [
        ['A', 'curl x'],
        ['B', 'curl y'],
      ],
    ])
    expect(page.groups.map((group) => group.standalone ?? false)).toEqual([true, false])
  })

  it('an SDK reference UsageSnippet comment gives the fence after it its operation', () => {
    const page = parsePage(
      [
        '{/* UsageSnippet language="typescript" operationID="createKeys" method="post" path="/keys" */}',
        '```typescript lines',
        'await openRouter.apiKeys.create({})',
        '```',
        '',
        '```typescript',
        'console.log(1)',
        '```',
        '',
      ].join('\n'),
      'page.mdx',
    )
    expect(page.groups.map((group) => group.fences[0]!.operation)).toEqual([
      { id: 'createKeys', method: 'POST', path: '/keys' },
      undefined,
    ])
  })

  it('in Markdown, a blank line between fences starts a new group', () => {
    const fence = (title: string) => ['```bash title="' + title + '"', 'curl', '```']
    const page = parsePage(
      [...fence('A'), ...fence('B'), '', ...fence('C')].join('\n'),
      'llms-full.md',
    )
    expect(page.groups.map((group) => group.fences.map((fence) => fence.title))).toEqual([
      ['A', 'B'],
      ['C'],
    ])
  })

  it('a fence that opens with a display option (```lines) has no language', () => {
    const page = parsePage(['```lines', 'some output', '```', ''].join('\n'), 'page.mdx')
    expect(page.groups[0]!.fences[0]).toMatchObject({ language: '', flags: ['lines'] })
  })
})
