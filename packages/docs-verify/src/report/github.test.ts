import { describe, expect, it } from 'vitest'
import { githubAnnotations } from './github.ts'
import type { BlockResult, GroupResult } from '../types.ts'

const tab = (title: string, verdict: BlockResult['verdict'], line: number): BlockResult => ({
  page: '/site/docs/page.mdx',
  group: 1,
  title,
  language: 'python',
  line,
  verdict,
  reason: verdict === 'pass' ? 'sent it' : "NameError: name 'payload' is not defined, 100%",
  request: null,
  warnings: [],
  ...(verdict === 'pass' ? {} : { fix: 'define payload\nfirst' }),
})
const group: GroupResult = {
  page: '/site/docs/page.mdx',
  index: 1,
  line: 10,
  blocks: [tab('Python, requests', 'crashed', 14), tab('cURL', 'pass', 30)],
  comparison: { headers: ['x-title: missing from cURL'], bodies: [] },
}

describe('githubAnnotations', () => {
  it('an error on the failing tab’s page line, escaped as GitHub reads it; headers a warning', () => {
    expect(githubAnnotations([group], { strict: false, base: '/site' })).toEqual([
      "::error file=docs/page.mdx,line=14,title=docs%3Averify › Python%2C requests::crashed: NameError: name 'payload' is not defined, 100%25%0Afix: define payload%0Afirst",
      '::warning file=docs/page.mdx,line=10,title=docs%3Averify › headers differ::x-title: missing from cURL',
    ])
  })

  it('headers are an error under --strict; accepted and passing tabs are quiet', () => {
    const accepted = {
      ...group,
      blocks: [{ ...group.blocks[0]!, accepted: true }, group.blocks[1]!],
    }
    expect(githubAnnotations([accepted], { strict: true, base: '/site' })).toEqual([
      '::error file=docs/page.mdx,line=10,title=docs%3Averify › headers differ::x-title: missing from cURL',
    ])
  })
})
