import { readFileSync, statSync } from 'node:fs'
import { parseDocument } from 'yaml'
import type { PageLimits, PageProblem } from '../types.ts'

export const defaultLimits: PageLimits = {
  pageBytes: 1_000_000,
  blockBytes: 100_000,
  blocks: 500,
}

export const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1000)} KB`

const position = (text: string, offset: number) => {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: before.at(-1)!.length + 1 }
}

// A file system error in words: what the page is, not the errno.
const unreadable: Record<string, string> = {
  ELOOP: 'a symbolic link that leads back to itself',
  EISDIR: 'a folder, not a page',
  EACCES: 'not readable (permission denied)',
  EPERM: 'not readable (permission denied)',
  ENOENT: 'gone, or a link to nothing',
}

// The page's text, or why it has none: it cannot be read, is too large, is binary, is not UTF-8,
// or its front matter is not YAML.
export const readPageText = (
  file: string,
  limits: PageLimits,
): { text: string } | { problem: PageProblem } => {
  const at = (message: string, line = 1, column = 1) => ({ problem: { message, line, column } })
  let bytes: Buffer
  try {
    const size = statSync(file).size
    if (size > limits.pageBytes)
      return at(`is ${kilobytes(size)}, over the ${kilobytes(limits.pageBytes)} a page may be`)
    bytes = readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    return at(`cannot be read: ${unreadable[code] ?? (error as Error).message}`)
  }
  const nul = bytes.indexOf(0)
  if (nul >= 0) {
    const { line, column } = position(bytes.subarray(0, nul).toString('latin1'), nul)
    return at('is binary, not a page (a NUL byte)', line, column)
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Where the first byte that does not decode stands, as a lenient decoder marks it.
    const lenient = new TextDecoder().decode(bytes)
    const { line, column } = position(lenient, lenient.indexOf('\uFFFD'))
    return at('is not UTF-8 (a byte that does not decode)', line, column)
  }
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text)
  if (frontMatter) {
    const [error] = parseDocument(frontMatter[1]!).errors
    if (error) {
      const { line, col } = error.linePos?.[0] ?? { line: 1, col: 1 }
      // The front matter starts on the page's second line.
      // yaml says where in its own words; the verdict says where on the page.
      const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
      return at(`has front matter that is not YAML: ${message}`, line + 1, col)
    }
  }
  return { text }
}
