import { describe, expect, it } from 'vitest'
import { notJudged } from './not-judged.ts'

describe('notJudged', () => {
  it.each([
    ['shell', 'curl -fsSL https://example.com/install.sh | sh', /^an installer/],
    ['shell', 'sh -c "$(curl -fsSL https://x/install)"', /^an installer/],
    ['javascript', "await fetch('http://127.0.0.1:8080/v1')", /^calls http:\/\/127\.0\.0\.1:8080/],
    ['python', 'requests.post("http://localhost:8000/chat")', /^calls http:\/\/localhost:8000/],
    ['javascript', 'app.listen(3000)', /^starts a server/],
    ['python', 'uvicorn.run(app, port=8000)', /^starts a server/],
  ] as const)('%s: %s', (family, code, reason) => {
    expect(notJudged(code, family)).toMatch(reason)
  })

  it('browser globals and JSX, from the names a block uses', () => {
    expect(notJudged('x', 'javascript', { uses: ['window'] })).toBe(
      'browser code (uses window), which runs in a page, not in Node',
    )
    expect(notJudged('x', 'javascript', { jsx: true })).toMatch(/^a React component/)
  })

  it('judges the rest, and a comment that mentions localhost is not a call', () => {
    expect(
      notJudged(
        "// start it with: curl http://localhost:3000 | sh\nawait fetch('https://openrouter.ai/api/v1/key')",
        'javascript',
      ),
    ).toBeUndefined()
    expect(notJudged('curl https://openrouter.ai/api/v1/key | jq .', 'shell')).toBeUndefined()
  })
})
