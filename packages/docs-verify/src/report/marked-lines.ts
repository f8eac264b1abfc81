import type { BlockResult } from '../types.ts'

// A block's code as the page has it, line by line with its page line, each line the site's spec
// finds at fault marked with what is wrong there: how a report shows an example's JSON.
export type MarkedLine = { line: number; text: string; marks: string[] }

export const markedLines = (block: BlockResult): MarkedLine[] | undefined => {
  const issues = (block.specIssues ?? []).filter(
    (issue) => issue.line !== undefined && issue.severity === 'failure',
  )
  if (issues.length === 0 || block.code === undefined) return undefined
  // The fence is the block's line; its code starts on the next.
  return block.code.split('\n').map((text, i) => {
    const line = block.line + 1 + i
    const marks = issues
      .filter((issue) => issue.line === line)
      .map((issue) => `${issue.field ? `${issue.field}: ` : ''}${issue.message} (${issue.spec})`)
    return { line, text, marks }
  })
}

// The same as plain text: `→` before each marked line, what is wrong below it.
export const markedText = (lines: MarkedLine[]) => {
  const width = String(lines.at(-1)!.line).length
  return lines
    .flatMap(({ line, text, marks }) => [
      `${marks.length > 0 ? '→' : ' '} ${String(line).padStart(width)} │ ${text}`,
      ...marks.map((mark) => `  ${''.padStart(width)} │ ^ ${mark}`),
    ])
    .join('\n')
}
