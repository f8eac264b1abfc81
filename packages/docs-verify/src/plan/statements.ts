import { isBuiltin } from 'node:module'
import ts from '@typescript/typescript6'
import type { StatementKind } from '../types.ts'

// What a block's top-level statements mean to the blocks around it, read with TypeScript's own
// parser (the one readers' tsc uses), for JavaScript and TypeScript alike: the names each
// statement binds, the names it uses and binds nowhere itself (values and types apart), and what
// kind of statement it is. A page is joined statement by statement from this (join.ts).

export type TopStatement = {
  kind: StatementKind
  // The statement's text in the block, without the comments before it.
  start: number
  end: number
  // The names it binds at the top level, values and types alike.
  defines: string[]
  // Top-level names it assigns without declaring them (`result = await …`).
  assigns: string[]
  // The names it references and does not bind itself: in code, and in type positions.
  uses: { values: string[]; types: string[] }
}

export type BlockSyntax = {
  statements: TopStatement[]
  // TypeScript's parse errors, as `line:column message` (1-based lines).
  parseErrors: string[]
  // The block writes JSX, which no runtime runs without a bundler.
  jsx: boolean
}

// The JavaScript globals a block may use without defining them.
const globals = new Set(Object.getOwnPropertyNames(globalThis))

export const scriptKind = (language: 'typescript' | 'javascript' | 'tsx' | 'jsx') =>
  ({
    typescript: ts.ScriptKind.TS,
    javascript: ts.ScriptKind.JS,
    tsx: ts.ScriptKind.TSX,
    jsx: ts.ScriptKind.JSX,
  })[language]

export const parseSource = (code: string, kind: ts.ScriptKind) =>
  ts.createSourceFile('block.ts', code, ts.ScriptTarget.Latest, true, kind)

// Parse errors are on the source file the parser returns; the public API reaches them only
// through a whole program.
export const parseErrorsOf = (file: ts.SourceFile): string[] =>
  ((file as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? []).map((diagnostic) => {
    const { line, character } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0)
    return `${line + 1}:${character + 1} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`
  })

const isAssignment = (kind: ts.SyntaxKind) =>
  kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind)

export const bindingNames = (name: ts.BindingName): string[] =>
  ts.isIdentifier(name)
    ? [name.text]
    : name.elements.flatMap((element) =>
        ts.isOmittedExpression(element) ? [] : bindingNames(element.name),
      )

// An expression that computes nothing: literals, object and array literals of them, functions
// (defining one runs nothing), references, and calls of JavaScript's and Node's own functions
// (`new Date("…")`, `await openAsBlob("example.file")`). A typed declaration of such a value is an
// example of the type. `builtins` are the names the block imports from Node's own modules.
export const isInert = (node: ts.Expression, builtins: Set<string> = new Set()): boolean => {
  const inert = (child: ts.Expression) => isInert(child, builtins)
  if (
    ts.isLiteralExpression(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isIdentifier(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isClassExpression(node) ||
    [
      ts.SyntaxKind.TrueKeyword,
      ts.SyntaxKind.FalseKeyword,
      ts.SyntaxKind.NullKeyword,
      ts.SyntaxKind.UndefinedKeyword,
    ].includes(node.kind)
  )
    return true
  if (ts.isTemplateExpression(node)) return node.templateSpans.every((s) => inert(s.expression))
  if (ts.isArrayLiteralExpression(node)) return node.elements.every(inert)
  if (ts.isSpreadElement(node)) return inert(node.expression)
  if (ts.isObjectLiteralExpression(node))
    return node.properties.every((property) =>
      ts.isPropertyAssignment(property)
        ? inert(property.initializer)
        : ts.isSpreadAssignment(property)
          ? inert(property.expression)
          : true,
    )
  if (ts.isPrefixUnaryExpression(node)) return inert(node.operand)
  if (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isTypeAssertionExpression(node) ||
    ts.isNonNullExpression(node)
  )
    return inert(node.expression)
  if (ts.isPropertyAccessExpression(node) || ts.isAwaitExpression(node))
    return inert(node.expression)
  if (ts.isBinaryExpression(node))
    return !isAssignment(node.operatorToken.kind) && inert(node.left) && inert(node.right)
  if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
    let callee: ts.Expression = node.expression
    while (ts.isPropertyAccessExpression(callee)) callee = callee.expression
    return (
      ts.isIdentifier(callee) &&
      (globals.has(callee.text) || builtins.has(callee.text)) &&
      (node.arguments ?? []).every((argument) => inert(argument))
    )
  }
  return false
}

const kindOf = (statement: ts.Statement, builtins: Set<string>): StatementKind => {
  if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) return 'import'
  if (
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    hasModifier(statement, ts.SyntaxKind.DeclareKeyword) ||
    (ts.isFunctionDeclaration(statement) && !statement.body) ||
    (ts.isExportDeclaration(statement) && statement.isTypeOnly)
  )
    return 'type'
  if (ts.isVariableStatement(statement)) {
    const typed = statement.declarationList.declarations.every(
      (declaration) =>
        declaration.type &&
        (!declaration.initializer || isInert(declaration.initializer, builtins)),
    )
    return typed ? 'typed-value' : 'declaration'
  }
  if (
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isEnumDeclaration(statement) ||
    ts.isModuleDeclaration(statement) ||
    ts.isExportDeclaration(statement) ||
    ts.isExportAssignment(statement) ||
    ts.isEmptyStatement(statement)
  )
    return 'declaration'
  return 'other'
}

const definedBy = (statement: ts.Statement): string[] => {
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause
    if (!clause) return []
    const bindings = clause.namedBindings
    return [
      ...(clause.name ? [clause.name.text] : []),
      ...(bindings && ts.isNamespaceImport(bindings) ? [bindings.name.text] : []),
      ...(bindings && ts.isNamedImports(bindings)
        ? bindings.elements.map((element) => element.name.text)
        : []),
    ]
  }
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.flatMap((d) => bindingNames(d.name))
  if (
    (ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isEnumDeclaration(statement) ||
      ts.isImportEqualsDeclaration(statement)) &&
    statement.name
  )
    return [statement.name.text]
  if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name))
    return [statement.name.text]
  return []
}

const assignedBy = (statement: ts.Statement): string[] => {
  if (!ts.isExpressionStatement(statement)) return []
  const expression = statement.expression
  return ts.isBinaryExpression(expression) &&
    isAssignment(expression.operatorToken.kind) &&
    ts.isIdentifier(expression.left)
    ? [expression.left.text]
    : []
}

// Where an identifier stands decides what it is: a binding, a property's name, a reference to a
// value, or a reference to a type.
type Role = 'binds' | 'binds-type' | 'binds-both' | 'name' | 'value' | 'type'

const roleOf = (node: ts.Identifier, inType: boolean): Role => {
  const parent = node.parent
  if (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isQualifiedName(parent) && parent.right === node) ||
    ((ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isGetAccessorDeclaration(parent) ||
      ts.isSetAccessorDeclaration(parent) ||
      ts.isEnumMember(parent) ||
      ts.isJsxAttribute(parent) ||
      ts.isNamedTupleMember(parent)) &&
      parent.name === node) ||
    (ts.isBindingElement(parent) && parent.propertyName === node) ||
    (ts.isImportSpecifier(parent) && parent.propertyName === node) ||
    (ts.isExportSpecifier(parent) && parent.propertyName !== undefined && parent.name === node) ||
    ts.isLabeledStatement(parent) ||
    ts.isBreakOrContinueStatement(parent) ||
    ts.isMetaProperty(parent) ||
    (ts.isImportTypeNode(parent) && parent.qualifier === node) ||
    ((ts.isJsxOpeningElement(parent) ||
      ts.isJsxSelfClosingElement(parent) ||
      ts.isJsxClosingElement(parent)) &&
      /^[a-z]/.test(node.text))
  )
    return 'name'
  if (
    ((ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isBindingElement(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isFunctionExpression(parent)) &&
      parent.name === node) ||
    ts.isNamespaceExportDeclaration(parent)
  )
    return 'binds'
  if (
    (ts.isTypeParameterDeclaration(parent) ||
      ts.isInterfaceDeclaration(parent) ||
      ts.isTypeAliasDeclaration(parent)) &&
    parent.name === node
  )
    return 'binds-type'
  if (
    (ts.isClassDeclaration(parent) ||
      ts.isClassExpression(parent) ||
      ts.isEnumDeclaration(parent) ||
      ts.isModuleDeclaration(parent) ||
      ts.isImportEqualsDeclaration(parent) ||
      ts.isImportSpecifier(parent) ||
      ts.isNamespaceImport(parent) ||
      ts.isImportClause(parent)) &&
    parent.name === node
  )
    return 'binds-both'
  return inType ? 'type' : 'value'
}

// A class's `extends` clause names a value, though it is written like a type.
const isClassExtends = (node: ts.Node) =>
  ts.isExpressionWithTypeArguments(node) &&
  ts.isHeritageClause(node.parent) &&
  node.parent.token === ts.SyntaxKind.ExtendsKeyword &&
  (ts.isClassDeclaration(node.parent.parent) || ts.isClassExpression(node.parent.parent))

const namesIn = (statement: ts.Node, { withGlobals = false } = {}) => {
  const bound = new Set<string>()
  const boundTypes = new Set<string>()
  const values = new Set<string>()
  const types = new Set<string>()
  let jsx = false
  const visit = (node: ts.Node, inType: boolean) => {
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node))
      jsx = true
    if (ts.isIdentifier(node)) {
      const role = roleOf(node, inType)
      if (role === 'binds' || role === 'binds-both') bound.add(node.text)
      if (role === 'binds-type' || role === 'binds-both') boundTypes.add(node.text)
      if (role === 'value') values.add(node.text)
      if (role === 'type') types.add(node.text)
      return
    }
    // `{ name }` uses the value `name`.
    if (ts.isShorthandPropertyAssignment(node)) values.add(node.name.text)
    const typed = isClassExtends(node) ? false : inType || ts.isTypeNode(node)
    ts.forEachChild(node, (child) => visit(child, typed))
  }
  visit(statement, false)
  return {
    values: [...values].filter((name) => !bound.has(name) && (withGlobals || !globals.has(name))),
    types: [...types].filter((name) => !boundTypes.has(name) && !bound.has(name)),
    jsx,
  }
}

// What readers' tsc, tsx and bundlers emit for a module: an import binding used only as a type is
// dropped, and an import left with no binding goes entirely. Node's type stripping keeps them, and
// then fails on a type the module does not export at run time. Lines are kept.
export const withoutTypeOnlyImports = (code: string): string => {
  const file = parseSource(code, ts.ScriptKind.TS)
  const imports = file.statements.filter(ts.isImportDeclaration)
  if (imports.length === 0) return code
  const used = new Set(
    file.statements
      .filter((statement) => !ts.isImportDeclaration(statement))
      .flatMap((statement) => namesIn(statement, { withGlobals: true }).values),
  )
  let result = code
  for (const statement of imports.toReversed()) {
    const clause = statement.importClause
    if (!clause || clause.isTypeOnly) continue
    const bindings = clause.namedBindings
    const names = [
      ...(clause.name ? [clause.name.text] : []),
      ...(bindings && ts.isNamespaceImport(bindings) ? [bindings.name.text] : []),
      ...(bindings && ts.isNamedImports(bindings)
        ? bindings.elements.map((element) => element.name.text)
        : []),
    ]
    const typeOnly = names.filter((name) => !used.has(name))
    if (typeOnly.length === 0) continue
    const start = statement.getStart(file)
    const text = code.slice(start, statement.end)
    const kept = dropNames(text, typeOnly) ?? '\n'.repeat(text.split('\n').length - 1)
    result = result.slice(0, start) + kept + result.slice(statement.end)
  }
  return result
}

export const readStatements = (code: string, kind: ts.ScriptKind): BlockSyntax => {
  const file = parseSource(code, kind)
  let jsx = false
  const builtins = new Set(
    file.statements
      .filter(ts.isImportDeclaration)
      .filter((statement) => isBuiltin((statement.moduleSpecifier as ts.StringLiteral).text))
      .flatMap(definedBy),
  )
  const statements = file.statements.map((statement): TopStatement => {
    const names = namesIn(statement)
    jsx ||= names.jsx
    return {
      kind: kindOf(statement, builtins),
      start: statement.getStart(file),
      end: statement.end,
      defines: definedBy(statement),
      assigns: assignedBy(statement),
      uses: { values: names.values.sort(), types: names.types.sort() },
    }
  })
  return { statements, parseErrors: parseErrorsOf(file), jsx }
}

// The statement without the given names: an import without those bindings, a declaration without
// those declarators; undefined where nothing is left or the names cannot be taken out alone.
export const dropNames = (text: string, names: string[]): string | undefined => {
  const file = parseSource(text, ts.ScriptKind.TS)
  const statement = file.statements[0]
  if (!statement || file.statements.length !== 1) return undefined
  const lines = text.split('\n').length - 1
  const padded = (kept: string) => `${kept}${'\n'.repeat(Math.max(0, lines))}`
  if (ts.isImportDeclaration(statement) && statement.importClause) {
    const clause = statement.importClause
    const bindings = clause.namedBindings
    const keep = (name: ts.Identifier | undefined) => name && !names.includes(name.text)
    const parts = [
      ...(keep(clause.name) ? [clause.name!.text] : []),
      ...(bindings && ts.isNamespaceImport(bindings) && keep(bindings.name)
        ? [`* as ${bindings.name.text}`]
        : []),
    ]
    const named =
      bindings && ts.isNamedImports(bindings)
        ? bindings.elements.filter((element) => keep(element.name))
        : []
    if (named.length > 0)
      parts.push(`{ ${named.map((element) => element.getText(file)).join(', ')} }`)
    if (parts.length === 0) return undefined
    const type = clause.isTypeOnly ? 'type ' : ''
    return padded(
      `import ${type}${parts.join(', ')} from ${statement.moduleSpecifier.getText(file)};`,
    )
  }
  if (ts.isVariableStatement(statement)) {
    const list = statement.declarationList
    const declares = (d: ts.VariableDeclaration) =>
      bindingNames(d.name).some((name) => names.includes(name))
    // A destructuring pattern binds its names together: it cannot lose one.
    if (list.declarations.some((d) => !ts.isIdentifier(d.name) && declares(d))) return undefined
    const kept = list.declarations.filter((d) => !declares(d))
    if (kept.length === 0) return undefined
    const keyword =
      list.flags & ts.NodeFlags.Const ? 'const' : list.flags & ts.NodeFlags.Let ? 'let' : 'var'
    return padded(`${keyword} ${kept.map((d) => d.getText(file)).join(', ')};`)
  }
  return undefined
}
