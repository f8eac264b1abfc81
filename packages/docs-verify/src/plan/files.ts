import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

// Writes one file of a block into its own folder of the workspace.
export const writeBlockFile = (root: string, id: string, name: string, code: string) => {
  const dir = join(root, id)
  mkdirSync(dir, { recursive: true })
  const file = join(dir, name)
  writeFileSync(file, code.endsWith('\n') ? code : `${code}\n`)
  return file
}
