import type { Block, BlockResult, Verdict } from '../types.ts'

// Verdicts that are not a docs bug: a pass, a block the checker cannot judge (skipped, with why),
// one that only declares what later blocks use, a fragment (unless --strict counts it), and the
// checker's own fault (a 5xx from the mock), which is never the page's.
const notFailing = new Set<Verdict>([
  'pass',
  'skipped',
  'definition-only',
  'fragment',
  'checker-fault',
])

export const failingVerdict = (verdict: Verdict) => !notFailing.has(verdict)

// A result as the page's directives have it: an `expect-fail` block that fails is expected to (it
// is reported, and does not fail the run); one that passes is named, as a baseline names a
// failure fixed since; a directive the checker could not read is said on its block.
export const withDirectives = (judged: BlockResult, block: Block): BlockResult => {
  const notes = [...block.badDirectives]
  // A hidden setup is there for the blocks after it: that it sends nothing is its purpose.
  const result: BlockResult =
    judged.verdict === 'sent-nothing' && block.directives.some(({ name }) => name === 'setup')
      ? {
          ...judged,
          verdict: 'definition-only',
          reason: `the page's hidden setup, which the blocks after it run after: ${judged.reason}`,
        }
      : judged
  const told = (more: Partial<BlockResult> = {}): BlockResult =>
    notes.length > 0 ? { ...result, ...more, directiveNotes: notes } : { ...result, ...more }
  const expectFail = block.directives.find((directive) => directive.name === 'expect-fail')
  if (!expectFail) return told()
  const { reason } = expectFail
  if (failingVerdict(result.verdict)) return told({ expectFail: { reason } })
  if (result.verdict === 'pass') {
    notes.push(
      `the page expects this block to fail (${reason}), and it passes: remove its expect-fail directive`,
    )
    return told({ expectFail: { reason, passes: true } })
  }
  notes.push(
    `expect-fail has nothing to expect: the block is ${result.verdict}, not run as a program`,
  )
  return told()
}
