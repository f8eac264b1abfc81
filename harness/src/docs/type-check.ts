import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { execa } from 'execa'
import { harnessDir } from '../paths.ts'

// The compiler options a reader's strict project would use; tabs are modules of their own.
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

// One compiler error, at a line of the tab's code. `message` is tsc's headline joined with the
// deepest line of its explanation, which is where it names the property or type at fault.
export type TypeCheckError = { line: number; column: number; code: string; message: string }

// tsc reports no type errors at all while any file of its program has a syntax error, so one
// broken block would hide every other block's type errors: files with syntax errors (TS1xxx)
// keep those and are checked again without them.
const syntaxError = (error: TypeCheckError) => /^TS1\d{3}$/.test(error.code)

// Type-checks every TypeScript tab of a run in one compiler pass (two when a tab does not parse),
// against the pinned SDKs' types.
export const typeCheck = async (
  root: string,
  files: string[],
): Promise<Map<string, TypeCheckError[]>> => {
  const errors = await compile(root, files)
  const unparsed = files.filter((file) => errors.get(file)!.some(syntaxError))
  if (unparsed.length === 0) return errors
  const rest = await compile(
    root,
    files.filter((file) => !unparsed.includes(file)),
  )
  return new Map(files.map((file) => [file, rest.get(file) ?? errors.get(file)!]))
}

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
    localDir: harnessDir,
    reject: false,
    cwd: root,
  })
  let last: TypeCheckError | undefined
  let headline = ''
  for (const line of result.stdout.split('\n')) {
    const match = line.match(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/)
    if (match) {
      headline = match[5]!
      last = {
        line: Number(match[2]),
        column: Number(match[3]),
        code: match[4]!,
        message: headline,
      }
      errors.get(join(root, match[1]!))?.push(last)
    } else if (last && /^\s+\S/.test(line)) {
      last.message = `${headline.replace(/\.$/, '')}: ${line.trim()}`
    }
  }
  if (result.exitCode !== 0 && [...errors.values()].every((list) => list.length === 0)) {
    throw new Error(`tsc failed without file errors:\n${result.stdout}\n${result.stderr}`)
  }
  return errors
}
