import { expect, it } from 'vitest'
import { readDirective } from './directives.ts'

it('reads each directive from an MDX or an HTML comment', () => {
  expect(readDirective('/* docs-verify: skip "needs a browser" */', 3)).toEqual({
    directive: { name: 'skip', reason: 'needs a browser' },
  })
  expect(readDirective("<!-- docs-verify: expect-fail 'retired' -->", 3)).toEqual({
    directive: { name: 'expect-fail', reason: 'retired' },
  })
  expect(readDirective('/* docs-verify: timeout 90s */', 1)).toEqual({
    directive: { name: 'timeout', seconds: 90 },
  })
  expect(readDirective('/* docs-verify: timeout 2m */', 1)).toEqual({
    directive: { name: 'timeout', seconds: 120 },
  })
})

it('a setup directive holds its block, placed on the page line its fence opens on', () => {
  const comment = '/* docs-verify: setup\n\n```python title="hidden"\nx = 1\n```\n*/'
  expect(readDirective(comment, 10)).toEqual({
    directive: { name: 'setup' },
    setup: { language: 'python', meta: 'title="hidden"', code: 'x = 1', line: 12 },
  })
})

it('any other comment is the author’s own; a directive it cannot read says why', () => {
  expect(readDirective('/* a note to the next editor */', 1)).toBeUndefined()
  expect(readDirective('/* UsageSnippet operationID="x" */', 1)).toBeUndefined()
  const problem = (text: string) => {
    const reading = readDirective(text, 1)
    return reading && 'problem' in reading ? reading.problem : reading
  }
  expect(problem('/* docs-verify: skip */')).toBe('skip needs a reason in quotes: skip "why"')
  expect(problem('/* docs-verify: expect-fail because */')).toMatch(/needs a reason in quotes/)
  expect(problem('/* docs-verify: timeout soon */')).toMatch(/takes a duration/)
  expect(problem('/* docs-verify: timeout 11m */')).toMatch(/not between 0 and 10 minutes/)
  expect(problem('/* docs-verify: setup */')).toMatch(/fence inside the comment/)
  expect(problem('/* docs-verify: skpi "x" */')).toMatch(/"skpi" is not a directive/)
})
