import { describe, expect, it } from 'vitest'
import { joinPlan, type PageBlock } from './fragments.ts'

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
