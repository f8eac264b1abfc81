import { parse, parseExpressionAt } from 'acorn'
import { transformSync } from 'amaro'

// A URL whose path is elided (`https://openrouter.ai/...`, `/api/v1/...`): the reader fills it in.
const elidedUrl = /https?:\/\/[^\s'"`]*\.\.\.|\/api\/v1\/[^\s'"`]*\.\.\./

// `...` where code was left out (`{ ... }`, `(...)`, a line of its own), not a spread or rest.
const elision = /\.\.\.(?!\s*[\w$[({'"`])/

const toJavaScript = (code: string, typescript: boolean) =>
  typescript ? transformSync(code, { mode: 'strip-only' }).code : code

const parses = (code: string, typescript: boolean) => {
  try {
    parse(toJavaScript(code, typescript), { ecmaVersion: 'latest', sourceType: 'module' })
    return true
  } catch {
    return false
  }
}

// The whole block is one object or array literal: a request body shown in a language's syntax.
const isLiteral = (code: string, typescript: boolean) => {
  try {
    const js = toJavaScript(`(${code.trim()}\n)`, typescript)
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
// no other block runs after it.
export const illustrationOf = (
  code: string,
  { fenceLine, javaScript }: { fenceLine: number; javaScript?: { typescript: boolean } },
): string | undefined => {
  const url = code.match(elidedUrl)
  if (url) return `an illustration: its URL is elided (${url[0]}), for the reader to fill in`
  if (!javaScript) return undefined
  if (isLiteral(code, javaScript.typescript))
    return 'an illustration: a request body written as a literal, not a program'
  if (parses(code, javaScript.typescript)) return undefined
  const line = code.split('\n').findIndex((text) => elision.test(text))
  return line === -1
    ? undefined
    : `an illustration: code is elided with "..." (line ${fenceLine + 1 + line})`
}
