import type { Directive } from '../types.ts'

// What an author tells the checker where a block stands, as rustdoc's `ignore` and Sybil's
// `skip` do: a comment just before the block (`{/* docs-verify: … */}` in MDX, `<!-- … -->` in
// Markdown, neither of which the site renders):
//   skip "why"          not run; reported as skipped by the page, with why
//   expect-fail "why"   run; a failure is expected and does not fail the run, a pass is named
//   timeout 60s         how long the block may run (seconds or minutes, at most 10 minutes)
//   setup               followed by a fenced block inside the comment: a block the reader never
//                       sees, which later blocks run after
export type DirectiveReading = { directive: Directive; setup?: SetupFence } | { problem: string }

// A setup directive's block: its fence, and the page line the fence opens on.
export type SetupFence = { language: string; meta: string; code: string; line: number }

const comment = /^\s*(?:\/\*|<!--)\s*docs-verify\s*:([\s\S]*?)(?:\*\/|-->)\s*$/

const longestTimeoutSeconds = 600

const quoted = /^(?:"([^"]*)"|'([^']*)'|“([^”]*)”)$/

const reason = (name: string, rest: string): DirectiveReading => {
  const match = quoted.exec(rest)
  const why = (match?.[1] ?? match?.[2] ?? match?.[3])?.trim()
  return why
    ? { directive: { name, reason: why } as Directive }
    : { problem: `${name} needs a reason in quotes: ${name} "why"` }
}

const timeout = (rest: string): DirectiveReading => {
  const match = /^(\d+(?:\.\d+)?)\s*(s|sec|seconds?|m|min|minutes?)?$/.exec(rest)
  if (!match) return { problem: `timeout takes a duration, as timeout 60s or timeout 2m` }
  const seconds = Number(match[1]) * (match[2]?.startsWith('m') ? 60 : 1)
  if (!(seconds > 0) || seconds > longestTimeoutSeconds)
    return { problem: `timeout ${rest} is not between 0 and ${longestTimeoutSeconds / 60} minutes` }
  return { directive: { name: 'timeout', seconds } }
}

// The fence a setup directive holds: ```lang … ``` (or ~~~), its code dedented as the site would.
const setupFence = (body: string, firstLine: number): DirectiveReading => {
  const lines = body.split('\n')
  const open = lines.findIndex((line) => /^\s*(`{3,}|~{3,})/.test(line))
  const marker = open >= 0 ? /^\s*(`{3,}|~{3,})/.exec(lines[open]!)![1]! : ''
  const close = lines.findIndex((line, i) => i > open && line.trim() === marker)
  if (open < 0 || close < 0)
    return { problem: 'setup holds its block as a fence inside the comment: ```lang … ```' }
  const [language = '', ...meta] = lines[open]!.trim().slice(marker.length).trim().split(/\s+/)
  return {
    directive: { name: 'setup' },
    setup: {
      language: language.toLowerCase(),
      meta: meta.join(' '),
      code: lines.slice(open + 1, close).join('\n'),
      line: firstLine + open,
    },
  }
}

export const isDirective = (text: string) => comment.test(text)

// A comment's directive, or undefined when the comment is not one (any other comment is the
// author's own). `line` is the page line the comment starts on.
export const readDirective = (text: string, line: number): DirectiveReading | undefined => {
  const match = comment.exec(text)
  if (!match) return undefined
  const body = match[1]!
  const [first = '', ...more] = body.split('\n')
  const [name = '', ...words] = first.trim().split(/\s+/)
  const rest = words.join(' ')
  switch (name) {
    case 'skip':
    case 'expect-fail':
      return reason(name, rest)
    case 'timeout':
      return timeout(rest)
    case 'setup':
      return setupFence(more.join('\n'), line + 1)
    default:
      return {
        problem: `"${name || body.trim()}" is not a directive the checker knows (skip "why", expect-fail "why", timeout 60s, setup)`,
      }
  }
}
