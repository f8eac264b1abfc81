import { describe, expect, it } from 'vitest'
import type { BlockResult, GroupResult } from '../types.ts'
import { markdownReport } from './markdown.ts'
import { terminalReport } from './terminal.ts'

const tab = (title: string, verdict: BlockResult['verdict'], reason: string): BlockResult => ({
  page: '/site/docs/page.mdx',
  group: 1,
  title,
  language: 'typescript',
  line: 12,
  verdict,
  reason,
  request: null,
  warnings: [],
  ...(verdict === 'pass'
    ? {}
    : {
        fix: 'pass the request under `chatRequest`',
        evidence: {
          requests: [],
          stdoutTail: '',
          stderrTail: 'Error: boom',
          typeErrors: [
            'line 15:3 TS2769 No overload matches this call (line 3 of the block)',
            "line 18:7 TS2339 Property 'choices' does not exist (line 6 of the block)",
          ],
        },
      }),
})

const group: GroupResult = {
  page: '/site/docs/page.mdx',
  index: 1,
  line: 10,
  blocks: [
    tab('TypeScript SDK', 'type-error', 'renders <Template data={{ KEY }}> | then fails'),
    tab('cURL', 'pass', 'sent POST /api/v1/chat/completions → 200'),
  ],
  comparison: { headers: ['x-openrouter-title: missing from cURL'], bodies: [] },
}
const headersOnly: GroupResult = { ...group, index: 2, line: 30, blocks: [group.blocks[1]!] }

describe('docs:verify reports', () => {
  it('pages are named from where the user ran the command', () => {
    expect(terminalReport([group], { strict: false, base: '/site' })).toContain(
      'docs/page.mdx:10 (group 1)',
    )
  })

  it('Markdown: MDX in a reason is escaped, every type error and the fix kept, headers labelled warnings', () => {
    const markdown = markdownReport([group], { strict: false, base: '/site' })
    expect(markdown).not.toContain('<Template')
    expect(markdown).toContain('renders &lt;Template data={{ KEY }}&gt; \\| then fails')
    expect(markdown).toContain('- type-check: line 15:3 TS2769')
    expect(markdown).toContain("- type-check: line 18:7 TS2339 Property 'choices' does not exist")
    expect(markdown).toContain('- **fix**: pass the request under `chatRequest`')
    expect(markdown).toContain('**Headers differ (warnings; --strict fails them)**')
  })

  it('--strict: the summary counts the groups that header differences fail, as the marks do', () => {
    const options = { strict: true, base: '/site' }
    const terminal = terminalReport([group, headersOnly], options)
    expect(terminal).toContain('docs/page.mdx:30 (group 2) ✗')
    expect(terminal).toContain(
      'blocks: 2 passed, 1 failed, 0 skipped; groups: 2 of 2 failed, 1 on header differences alone (--strict)',
    )
    expect(markdownReport([group, headersOnly], options)).toContain(
      '**Headers differ (failures under --strict)**',
    )
  })
})
