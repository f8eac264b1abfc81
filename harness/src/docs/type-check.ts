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

// Type-checks every TypeScript tab of a run in one compiler pass, against the pinned SDKs' types,
// and returns each file's errors as `line:column TSnnnn message`.
export const typeCheck = async (root: string, files: string[]): Promise<Map<string, string[]>> => {
  const errors = new Map(files.map((file) => [file, [] as string[]]))
  if (files.length === 0) return errors
  writeFileSync(
    join(root, 'tsconfig.json'),
    JSON.stringify({ compilerOptions, files: files.map((file) => relative(root, file)) }, null, 2),
  )
  const result = await execa('tsc', ['-p', root, '--pretty', 'false'], {
    preferLocal: true,
    localDir: harnessDir,
    reject: false,
    cwd: root,
  })
  for (const line of result.stdout.split('\n')) {
    const match = line.match(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/)
    if (!match) continue
    const file = join(root, match[1]!)
    errors.get(file)?.push(`${match[2]}:${match[3]} ${match[4]} ${match[5]}`)
  }
  if (result.exitCode !== 0 && [...errors.values()].every((list) => list.length === 0)) {
    throw new Error(`tsc failed without file errors:\n${result.stdout}\n${result.stderr}`)
  }
  return errors
}
