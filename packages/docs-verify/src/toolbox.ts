import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { packageDir as checkerDir } from './assets.ts'

// What a block may import: the packages the checker depends on to run docs (the OpenRouter SDK,
// the OpenAI SDK and the Vercel AI SDK at the versions the conformance matrix pins, and what else
// the docs teach). Each resolves to the copy installed with the checker.
const manifest = JSON.parse(readFileSync(join(checkerDir, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  toolbox: string[]
}

export const importablePackages: string[] = manifest.toolbox

// Where an installed package is, as Node finds it from the checker: in its own node_modules (a
// workspace) or one shared further up (an npm install).
export const packageDir = (name: string): string => {
  for (let dir = checkerDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate)
    if (dirname(dir) === dir) throw new Error(`${name} is not installed beside the checker`)
  }
}

export const packageVersion = (name: string) =>
  (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string })
    .version

// The module a namespace a block writes without importing it stands for (Speakeasy's reference
// writes `models.Foo` for `import * as models from "<sdk>/models"`): a subpath the package
// exports by that last name. The packages the page imports are asked first, then OpenRouter's
// own, then the rest; undefined where none has one.
export const namespaceModule = (name: string, imported: string[]): string | undefined => {
  const order = [
    ...imported.filter((pkg) => importablePackages.includes(pkg)),
    ...importablePackages.filter((pkg) => pkg.startsWith('@openrouter/')),
    ...importablePackages,
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
    const exported = (
      JSON.parse(readFileSync(join(packageDir(pkg), 'package.json'), 'utf8')) as {
        exports?: unknown
      }
    ).exports
    subpaths.set(
      pkg,
      (exported && typeof exported === 'object' ? Object.keys(exported) : [])
        .filter((path) => path.startsWith('./') && !path.includes('*') && !path.endsWith('.json'))
        .map((path) => path.slice(2)),
    )
  }
  return subpaths.get(pkg)!
}

// Where the packages a block may import live, and the types its type check reads: what a
// block's sandbox shows it of the checker's own dependencies.
export const toolboxDirs = () => [...importablePackages, '@types/node'].map(packageDir)
