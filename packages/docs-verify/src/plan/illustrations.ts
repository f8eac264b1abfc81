import { parseExpressionAt } from 'acorn'
import { isValueDisplay } from './block-kinds.ts'
import { parseModule, stripTypes } from './names.ts'

// A URL whose path is elided (`'https://openrouter.ai/...'`, `"/api/v1/..."`), written where a
// program uses it: in quotes, or as curl's argument. A comment or prose that mentions one is not.
const elidedUrl =
  /(?:["'`]|\bcurl\b[^\n]*?\s)((?:https?:\/\/[^\s'"`]*|\/api\/v1\/[^\s'"`]*)\.\.\.)[^\s'"`]*/

// `...` where code was left out (`{ ... }`, `(...)`, a line of its own), not a spread or rest.
const elision = /\.\.\.(?!\s*[\w$[({'"`])/

// The line (1-based) of the block's first syntax error, or undefined when it parses. amaro names
// it `startLine`, acorn `loc.line`.
const syntaxErrorLine = (code: string, typescript: boolean) => {
  try {
    parseModule(code, typescript)
    return undefined
  } catch (error) {
    const { startLine, loc } = error as { startLine?: number; loc?: { line: number } }
    return startLine ?? loc?.line ?? 1
  }
}

// The whole block is one object or array literal: a request body shown in a language's syntax.
const isLiteral = (code: string, typescript: boolean) => {
  try {
    const js = stripTypes(`(${code.trim()}\n)`, typescript)
    const expression = parseExpressionAt(js, 0, { ecmaVersion: 'latest' })
    return (
      (expression.type === 'ObjectExpression' || expression.type === 'ArrayExpression') &&
      js.slice(expression.end).trim() === ')'
    )
  } catch {
    return false
  }
}

// Why a block is an illustration, not a program the reader could run as written (as rustdoc marks
// a block `ignore`), or undefined. An illustration is reported as such, never as a docs bug, and
// no other block runs after it. Elided code counts only where it is the syntax error: a block
// that fails elsewhere is judged.
export const illustrationOf = (
  code: string,
  { fenceLine, javaScript }: { fenceLine: number; javaScript?: { typescript: boolean } },
): string | undefined => {
  const url = code.match(elidedUrl)
  if (url) return `an illustration: its URL is elided (${url[1]}), for the reader to fill in`
  if (!javaScript) return undefined
  if (isLiteral(code, javaScript.typescript))
    return 'an illustration: a request body written as a literal, not a program'
  const errorLine = syntaxErrorLine(code, javaScript.typescript)
  if (errorLine === undefined) return undefined
  if (isValueDisplay(code))
    return 'an illustration: values shown one after another (what something yields), not a program'
  const lines = code.split('\n')
  // The elision is on the error's line, or ends the line before (`...` then `}`), outside comments.
  const elided = [errorLine, errorLine - 1].find((line) =>
    // A `//` comment starts a line or follows a space; `https://` does neither.
    elision.test((lines[line - 1] ?? '').replace(/(^|\s)\/\/.*$/, '')),
  )
  return elided === undefined
    ? undefined
    : `an illustration: code is elided with "..." (line ${fenceLine + elided})`
}
