import ts from '@typescript/typescript6'
import type { BlockKind, BlockNames, ValueMember } from '../types.ts'
import { parseErrorsOf, parseSource } from './statements.ts'

// What a TypeScript block is, read before it runs (BlockKind): a program runs; reference
// notation is judged by the type checker against the pinned SDKs and never run: a type example
// (values declared under a type, as an SDK reference's "Example Usage" writes them),
// declarations alone (types, signatures without a body, imports), the values a type takes
// written as a type or a literal on its own (a reference's "Values"), or a list of method
// signatures (an overload list).

const lineOf = (file: ts.SourceFile, node: ts.Node) =>
  file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1

// The block as the right-hand side of a type alias: one type, a literal, or a union of them.
const valuesOf = (code: string): ValueMember[] | undefined => {
  const wrapped = `type __Values =\n${code}\n;`
  const file = parseSource(wrapped, ts.ScriptKind.TS)
  const alias = file.statements[0]
  if (parseErrorsOf(file).length > 0 || file.statements.length !== 1) return undefined
  if (!alias || !ts.isTypeAliasDeclaration(alias)) return undefined
  let type = alias.type
  while (ts.isParenthesizedTypeNode(type)) type = type.type
  const members = ts.isUnionTypeNode(type) ? type.types : [type]
  return members.map((member) => ({
    text: member.getText(file),
    literal: ts.isLiteralTypeNode(member),
    // The wrapper's first line is not the block's.
    line: lineOf(file, member) - 1,
  }))
}

// A program that is one expression of literals alone (`"application/pdf"`, `"a" | "b"`).
const isLiteralExpression = (node: ts.Expression): boolean =>
  ts.isStringLiteral(node) ||
  ts.isNoSubstitutionTemplateLiteral(node) ||
  ts.isNumericLiteral(node) ||
  (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand)) ||
  [ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword, ts.SyntaxKind.NullKeyword].includes(
    node.kind,
  ) ||
  (ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.BarToken &&
    isLiteralExpression(node.left) &&
    isLiteralExpression(node.right))

const isSignatureList = (code: string) => {
  const file = parseSource(`interface __Signatures {\n${code}\n}`, ts.ScriptKind.TS)
  const body = file.statements[0]
  return (
    parseErrorsOf(file).length === 0 &&
    file.statements.length === 1 &&
    body !== undefined &&
    ts.isInterfaceDeclaration(body) &&
    body.members.length > 0 &&
    body.members.some(
      (member) => ts.isMethodSignature(member) || ts.isCallSignatureDeclaration(member),
    )
  )
}

export const blockKind = (code: string, names: BlockNames | undefined): BlockKind => {
  const file = parseSource(code, ts.ScriptKind.TS)
  const [only] = file.statements
  const program = parseErrorsOf(file).length === 0
  // One expression, a literal or a union of values (`"deny" | "allow" | Unrecognized<string>`,
  // which parses as a bitwise or): the values a type takes, not a program.
  if (
    program &&
    file.statements.length === 1 &&
    only &&
    ts.isExpressionStatement(only) &&
    (isLiteralExpression(only.expression) ||
      (ts.isBinaryExpression(only.expression) &&
        only.expression.operatorToken.kind === ts.SyntaxKind.BarToken))
  ) {
    const members = valuesOf(code)
    if (members) return { kind: 'values', members }
  }
  if (program && names) {
    const kinds = new Set(names.statements.map((statement) => statement.kind))
    if (kinds.size > 0 && [...kinds].every((kind) => kind === 'import' || kind === 'type'))
      return { kind: 'declarations' }
    if (
      kinds.has('typed-value') &&
      [...kinds].every((kind) => kind === 'import' || kind === 'type' || kind === 'typed-value')
    )
      return { kind: 'type-example' }
    return { kind: 'program' }
  }
  if (program) return { kind: 'program' }
  const members = valuesOf(code)
  if (members) return { kind: 'values', members }
  if (isSignatureList(code)) return { kind: 'signatures' }
  return { kind: 'program' }
}

// The types a type example declares its values under (`let value: Foo = …`), as written: on an
// SDK reference's type page, the type the page is about.
export const annotatedTypes = (code: string): string[] => {
  const file = parseSource(code, ts.ScriptKind.TS)
  return file.statements.flatMap((statement) =>
    ts.isVariableStatement(statement)
      ? statement.declarationList.declarations.flatMap((declaration) =>
          declaration.type && ts.isTypeReferenceNode(declaration.type)
            ? [declaration.type.getText(file)]
            : [],
        )
      : [],
  )
}

// Several literals one after another, with nothing else: the values something yields shown in
// sequence (a stream's events), not a program and not one value.
export const isValueDisplay = (code: string) => {
  const file = parseSource(`[\n${code.replace(/\}\s*\n(\s*)\{/g, '},\n$1{')}\n]`, ts.ScriptKind.TS)
  const [only] = file.statements
  return (
    parseErrorsOf(file).length === 0 &&
    file.statements.length === 1 &&
    only !== undefined &&
    ts.isExpressionStatement(only) &&
    ts.isArrayLiteralExpression(only.expression) &&
    only.expression.elements.length > 1 &&
    only.expression.elements.every(ts.isObjectLiteralExpression)
  )
}
