import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { examplesDir, harnessDir, toolboxDir } from '../paths.ts'
import type { Runner } from './runners.ts'

const toolbox = JSON.parse(readFileSync(join(toolboxDir, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
}

// The packages a TypeScript tab may import: the clients our examples pin, from their workspaces
// (so a tab runs the very version the matrix proves), and the rest of what the docs teach, from
// the docs toolbox.
export const importablePackages: Record<string, string> = {
  '@openrouter/sdk': join(examplesDir, 'openrouter-sdk-ts'),
  openai: join(examplesDir, 'openai-sdk-ts'),
  ai: join(examplesDir, 'vercel-ai-sdk-ts'),
  '@openrouter/ai-sdk-provider': join(examplesDir, 'vercel-ai-sdk-ts'),
  ...Object.fromEntries(Object.keys(toolbox.dependencies).map((name) => [name, toolboxDir])),
}

// Everything a tab's workspace links: those packages and the types its type check needs.
const packageHomes: Record<string, string> = { ...importablePackages, '@types/node': harnessDir }

// pnpm links each workspace's dependencies into its own node_modules.
const packageDir = (name: string, home: string) => realpathSync(join(home, 'node_modules', name))

// A scratch folder outside the repository whose node_modules links to the pinned packages, so a
// tab's `import OpenAI from 'openai'` resolves exactly as it would in our example workspaces.
export const createWorkspace = () => {
  const root = mkdtempSync(join(tmpdir(), 'docs-verify-'))
  writeFileSync(join(root, 'package.json'), '{ "type": "module", "private": true }\n')
  for (const [name, home] of Object.entries(packageHomes)) {
    const link = join(root, 'node_modules', name)
    mkdirSync(dirname(link), { recursive: true })
    symlinkSync(packageDir(name, home), link, 'dir')
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) }
}

// Fence languages that are TypeScript, not JavaScript: they run from a .ts file.
export const isTypeScript = (language: string) => ['typescript', 'ts', 'tsx'].includes(language)

const fileNames: Record<Runner, (language: string) => string> = {
  typescript: (language) => (isTypeScript(language) ? 'tab.ts' : 'tab.mjs'),
  python: () => 'tab.py',
  shell: () => 'tab.sh',
}

export const writeTab = (
  root: string,
  id: string,
  runner: Runner,
  language: string,
  code: string,
) => {
  const dir = join(root, id)
  mkdirSync(dir, { recursive: true })
  const file = join(dir, fileNames[runner](language))
  writeFileSync(file, code.endsWith('\n') ? code : `${code}\n`)
  return file
}
