import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { execa } from 'execa'
import { packageDir } from '../assets.ts'
import type { CheckedFile, TypeCheckError } from '../types.ts'

// The compiler options a reader's strict project would use; blocks are modules of their own.
const compilerOptions = {
  strict: true,
  target: 'es2024',
  module: 'nodenext',
  moduleResolution: 'nodenext',
  moduleDetection: 'force',
  allowImportingTsExtensions: true,
  noEmit: true,
  skipLibCheck: true,
  types: ['node'],
}

export type FileToCheck = {
  file: string
  // Where a namespace a block writes without importing it resolves to (see workspace.ts).
  namespaceModule: (name: string) => string | undefined
}

// tsc reports no type errors at all while any file of its program has a syntax error, so one
// broken block would hide every other block's type errors: files with syntax errors (TS1xxx)
// keep those and are checked again without them.
const syntaxError = (error: TypeCheckError) => /^TS1\d{3}$/.test(error.code)

// "Cannot find name 'X'." and "Cannot find namespace 'X'.": a name nothing defines. A "did you
// mean" (TS2552) is a misspelling the checker names, not an open name.
const missingName = /^Cannot find (name|namespace) '([^']+)'\.$/

const openDeclarations = (code: string, names: string[], namespaces: string[]) => {
  const parameters = '<_A = any, _B = any, _C = any, _D = any>'
  const lines = names.map((name) => `declare const ${name}: any; type ${name}${parameters} = any;`)
  for (const namespace of namespaces) {
    const members = [
      ...new Set(
        [...code.matchAll(new RegExp(`\\b${namespace}\\.([A-Za-z_$][\\w$]*)`, 'g'))].map(
          (m) => m[1]!,
        ),
      ),
    ]
    lines.push(
      `declare namespace ${namespace} { ${members.map((member) => `export type ${member}${parameters} = any; export const ${member}: any;`).join(' ')} }`,
    )
  }
  return lines
}

// Type-checks every TypeScript block of a run in one compiler pass, against the pinned SDKs'
// types. A second pass (only when one is needed) checks again, apart, the files with syntax
// errors; a third the files that use names nothing defines, with those names resolved (a
// namespace to its module) or left open.
export const typeCheck = async (
  root: string,
  files: FileToCheck[],
): Promise<Map<string, CheckedFile>> => {
  const paths = files.map(({ file }) => file)
  const first = await compile(root, paths)
  const unparsed = new Set(paths.filter((file) => first.get(file)!.some(syntaxError)))
  const parsed =
    unparsed.size > 0
      ? await compile(
          root,
          paths.filter((f) => !unparsed.has(f)),
        )
      : first
  const errorsOf = (file: string) => (unparsed.has(file) ? first : parsed).get(file)!

  const results = new Map<string, CheckedFile>()
  // The files checked again, with how many lines are the block's own (the rest is the appendix).
  const reopened = new Map<string, number>()
  for (const { file, namespaceModule } of files) {
    const errors = errorsOf(file)
    const missing = errors.flatMap((error) => {
      const match = missingName.exec(error.message)
      return match && !unparsed.has(file) ? [{ kind: match[1]!, name: match[2]! }] : []
    })
    results.set(file, { errors, leftOpen: [], resolved: {} })
    if (missing.length === 0) continue
    const code = readFileSync(file, 'utf8')
    const resolved: Record<string, string> = {}
    const namespaces: string[] = []
    for (const { name } of missing.filter(({ kind }) => kind === 'namespace')) {
      const module = namespaceModule(name)
      if (module) resolved[name] = module
      else if (!namespaces.includes(name)) namespaces.push(name)
    }
    const names = [
      ...new Set(missing.filter(({ kind }) => kind === 'name').map(({ name }) => name)),
    ].filter((name) => !(name in resolved))
    const appendix = [
      ...Object.entries(resolved).map(
        ([name, module]) => `import type * as ${name} from '${module}';`,
      ),
      ...openDeclarations(code, names, namespaces),
    ]
    // After the block's own lines, so every error keeps its line; imports and declarations are
    // hoisted.
    appendFileSync(file, `\n${appendix.join('\n')}\n`)
    results.set(file, { errors, leftOpen: [...names, ...namespaces].sort(), resolved })
    reopened.set(file, code.split('\n').length)
  }
  if (reopened.size > 0) {
    const again = await compile(root, [...reopened.keys()])
    for (const [file, lines] of reopened)
      results.get(file)!.errors = again.get(file)!.filter((error) => error.line <= lines)
  }
  return results
}

// A module tsc names by its file is named by its path in its package, wherever it is installed.
const packagePaths = (message: string) =>
  message.replace(/"[^"]*\/node_modules\/((?:@[^/"]+\/)?[^/"]+\/[^"]*)"/g, '"$1"')

let passes = 0

const compile = async (root: string, files: string[]): Promise<Map<string, TypeCheckError[]>> => {
  const errors = new Map(files.map((file) => [file, [] as TypeCheckError[]]))
  if (files.length === 0) return errors
  // One project file per compiler pass: pages checked at the same time share the workspace.
  const project = join(root, `tsconfig.${++passes}.json`)
  writeFileSync(
    project,
    JSON.stringify({ compilerOptions, files: files.map((file) => relative(root, file)) }, null, 2),
  )
  const result = await execa('tsc', ['-p', project, '--pretty', 'false'], {
    preferLocal: true,
    localDir: packageDir,
    reject: false,
    cwd: root,
  })
  let last: TypeCheckError | undefined
  let headline = ''
  for (const line of result.stdout.split('\n')) {
    const match = line.match(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/)
    if (match) {
      headline = packagePaths(match[5]!)
      last = {
        line: Number(match[2]),
        column: Number(match[3]),
        code: match[4]!,
        message: headline,
      }
      errors.get(join(root, match[1]!))?.push(last)
    } else if (last && /^\s+\S/.test(line)) {
      last.message = `${headline.replace(/\.$/, '')}: ${packagePaths(line.trim())}`
    }
  }
  if (result.exitCode !== 0 && [...errors.values()].every((list) => list.length === 0)) {
    throw new Error(`tsc failed without file errors:\n${result.stdout}\n${result.stderr}`)
  }
  return errors
}
