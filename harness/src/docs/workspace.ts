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
export const packageDir = (name: string, home: string) =>
  realpathSync(join(home, 'node_modules', name))

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

// Writes one file of a block into its own folder of the workspace.
export const writeBlockFile = (root: string, id: string, name: string, code: string) => {
  const dir = join(root, id)
  mkdirSync(dir, { recursive: true })
  const file = join(dir, name)
  writeFileSync(file, code.endsWith('\n') ? code : `${code}\n`)
  return file
}

// The module a namespace a block writes without importing it stands for (Speakeasy's reference
// writes `models.Foo` for `import * as models from "<sdk>/models"`): a subpath the package
// exports by that last name. The packages the page imports are asked first, then OpenRouter's
// own, then the rest; undefined where none has one.
export const namespaceModule = (name: string, imported: string[]): string | undefined => {
  const order = [
    ...imported.filter((pkg) => pkg in importablePackages),
    ...Object.keys(importablePackages).filter((pkg) => pkg.startsWith('@openrouter/')),
    ...Object.keys(importablePackages),
  ]
  for (const pkg of new Set(order)) {
    const subpath = namedSubpaths(pkg).find((path) => path.split('/').at(-1) === name)
    if (subpath) return `${pkg}/${subpath}`
  }
  return undefined
}

const subpaths = new Map<string, string[]>()

// The subpaths a package exports by name (`./models`), not by pattern (`./*`).
const namedSubpaths = (pkg: string) => {
  if (!subpaths.has(pkg)) {
    const manifest = JSON.parse(
      readFileSync(join(packageDir(pkg, importablePackages[pkg]!), 'package.json'), 'utf8'),
    ) as { exports?: unknown }
    const exported =
      manifest.exports && typeof manifest.exports === 'object' ? Object.keys(manifest.exports) : []
    subpaths.set(
      pkg,
      exported
        .filter((path) => path.startsWith('./') && !path.includes('*') && !path.endsWith('.json'))
        .map((path) => path.slice(2)),
    )
  }
  return subpaths.get(pkg)!
}
