// Blocks the checker cannot judge against OpenRouter's API, and why: read before they run, each
// rule general to what the block does, never to a page. What is not judged is reported with its
// reason and never counted as a failure.

import type { Family } from '../types.ts'

// The block's code with its comments blanked: a comment that mentions localhost is not a call.
export const withoutComments = (code: string, family: Family) =>
  family === 'javascript'
    ? code
        .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
        .replace(/(^|\s)\/\/.*$/gm, '$1')
    : code.replace(/(^|\s)#.*$/gm, '$1')

// The names a page's scripts have in a browser and not in Node.
const browserGlobals = new Set([
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'location',
  'alert',
  'XMLHttpRequest',
  'customElements',
  'requestAnimationFrame',
])

type Rule = {
  reason: (match: string) => string
  applies: (code: string, family: Family) => string | undefined
}

const first = (pattern: RegExp) => (code: string) => code.match(pattern)?.[0]

const rules: Rule[] = [
  {
    // `curl -fsSL https://… | bash`, `sh -c "$(curl …)"`, PowerShell's `irm … | iex`
    applies: (code, family) =>
      family === 'shell'
        ? first(
            /\b(?:curl|wget)\b[^\n|]*\|\s*(?:sudo\s+)?(?:ba|z|)sh\b|\bsh\s+-c\s+["']?\$\((?:curl|wget)\b|\birm\b[^\n|]*\|\s*iex\b/,
          )(code)
        : undefined,
    reason: (match) =>
      `an installer (${match.trim()} …), which installs software rather than calling the API`,
  },
  {
    applies: (code) =>
      first(/\b(?:https?|wss?):\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::\d+)?/)(code),
    reason: (match) => `calls ${match}, a server the reader runs on their own machine`,
  },
  {
    applies: (code, family) =>
      family === 'javascript'
        ? first(
            /\b(?:createServer|Bun\.serve|Deno\.serve)\s*\(|\.listen\s*\(\s*(?:\d|PORT|port|process\.env)/,
          )(code)
        : family === 'python'
          ? first(/\buvicorn\.run\s*\(|\bapp\.run\s*\(|\.serve_forever\s*\(|\bmcp\.run\s*\(/)(code)
          : undefined,
    reason: (match) =>
      `starts a server (${match.replace(/\s*\($/, '').trim()}), which waits for requests rather than making them`,
  },
]

// Why a block cannot be judged here, before it runs, or undefined.
export const notJudged = (
  code: string,
  family: Family,
  { uses = [], jsx = false }: { uses?: string[]; jsx?: boolean } = {},
): string | undefined => {
  if (jsx) return 'a React component (JSX), which a bundler builds into a page: not run here'
  const browser = uses.filter((name) => browserGlobals.has(name))
  if (browser.length > 0)
    return `browser code (uses ${browser.join(', ')}), which runs in a page, not in Node`
  const plain = withoutComments(code, family)
  for (const rule of rules) {
    const match = rule.applies(plain, family)
    if (match) return rule.reason(match)
  }
  return undefined
}

// A block that reached for a host other than OpenRouter's (the proxy refuses them all) calls an
// API the checker does not have: not judged, unless OpenRouter itself refused what it sent.
export const otherHosts = (refused: { host: string }[]) => [
  ...new Set(refused.map((entry) => entry.host)),
]
