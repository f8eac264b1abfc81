import { join } from 'node:path'
import { parse, type Program } from 'acorn'
import { transformSync } from 'amaro'
import { execa } from 'execa'
import { pythonDir } from '../assets.ts'
import { pythonInterpreter } from '../python.ts'
import type { BlockNames, StatementKind } from '../types.ts'
import { readStatements, scriptKind } from './statements.ts'

// amaro is the type stripper Node itself runs .ts files with: what remains is JavaScript, with
// every position where it was (types become blanks).
export const stripTypes = (code: string, typescript: boolean) =>
  typescript ? transformSync(code, { mode: 'strip-only' }).code : code

// A block as the module Node runs it as. Throws amaro's or acorn's syntax error where it does not
// parse.
export const parseModule = (code: string, typescript: boolean): Program =>
  parse(stripTypes(code, typescript), { ecmaVersion: 'latest', sourceType: 'module' })

const declaring = new Set<StatementKind>(['import', 'type', 'typed-value', 'declaration'])

const lineOf = (code: string, offset: number) => code.slice(0, offset).split('\n').length

const summarize = (statements: BlockNames['statements'], jsx: boolean, code: string) => {
  const defines = [...new Set(statements.flatMap((statement) => statement.defines))].sort()
  const uses = [...new Set(statements.flatMap((statement) => statement.values))]
    .filter((name) => !defines.includes(name))
    .sort()
  return {
    statements,
    defines,
    uses,
    onlyDeclares:
      code.trim().length > 0 && statements.every((statement) => declaring.has(statement.kind)),
    jsx,
  }
}

export type JavaScriptLanguage = 'typescript' | 'javascript' | 'tsx' | 'jsx'

export const javaScriptNames = (
  code: string,
  language: JavaScriptLanguage,
): BlockNames | undefined => {
  const syntax = readStatements(code, scriptKind(language))
  if (syntax.parseErrors.length > 0) return undefined
  const statements = syntax.statements.map((statement) => ({
    kind: statement.kind,
    text: code.slice(statement.start, statement.end),
    line: lineOf(code, statement.start),
    defines: statement.defines,
    assigns: statement.assigns,
    uses: [...new Set([...statement.uses.values, ...statement.uses.types])].sort(),
    values: statement.uses.values,
  }))
  return summarize(statements, syntax.jsx, code)
}

const pythonScript = join(pythonDir, 'names.py')

type PythonStatement = {
  kind: 'import' | 'declaration' | 'other'
  startLine: number
  endLine: number
  defines: string[]
  uses: string[]
}

// Every Python block of a run in one interpreter, which reads them with Python's own `ast`.
export const pythonNames = async (codes: string[]): Promise<(BlockNames | undefined)[]> => {
  if (codes.length === 0) return []
  const { stdout } = await execa(pythonInterpreter(), [pythonScript], {
    input: JSON.stringify(codes),
  })
  return (JSON.parse(stdout) as (PythonStatement[] | null)[]).map((parsed, i) => {
    if (!parsed) return undefined
    const lines = codes[i]!.split('\n')
    const statements = parsed.map((statement) => ({
      kind: statement.kind,
      text: lines.slice(statement.startLine - 1, statement.endLine).join('\n'),
      line: statement.startLine,
      defines: statement.defines,
      // Python binds by assigning: an assignment is a definition.
      assigns: [],
      uses: statement.uses,
      values: statement.uses,
    }))
    return summarize(statements, false, codes[i]!)
  })
}
