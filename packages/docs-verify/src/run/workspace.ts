import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { importablePackages, packageDir } from '../toolbox.ts'

// A scratch folder outside the docs repository whose node_modules links to the packages the
// checker provides (and the types its type check needs), so a block's `import OpenAI from
// 'openai'` resolves to the pinned version, as it would in a reader's project.
export const createWorkspace = () => {
  const root = mkdtempSync(join(tmpdir(), 'docs-verify-'))
  writeFileSync(join(root, 'package.json'), '{ "type": "module", "private": true }\n')
  for (const name of [...importablePackages, '@types/node']) {
    const link = join(root, 'node_modules', name)
    mkdirSync(dirname(link), { recursive: true })
    symlinkSync(packageDir(name), link, 'dir')
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) }
}
