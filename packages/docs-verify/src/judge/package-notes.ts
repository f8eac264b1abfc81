import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { publishedFile } from '../assets.ts'
import { importablePackages, packageDir, packageVersion } from '../toolbox.ts'

// What a failure that names a package's export, option or method says about the package: its
// version here, and whether that is the newest published (published.json, written by
// scripts/published.ts), so a docs team knows the page is behind the package and not
// the checker behind the registry.
const published = JSON.parse(readFileSync(publishedFile, 'utf8')) as {
  checked: string
  newest: Record<string, string>
}

export const pinnedVersion = packageVersion

export const newestPublished = (name: string) => published.newest[name]

const packageOf = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!

const declarations = new Map<string, string>()

// A package's type declarations, read once, to find which package declares a type.
const declarationsOf = (name: string) => {
  if (!declarations.has(name)) {
    const dir = packageDir(name)
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
      (file) => /\.d\.(m|c)?ts$/.test(file) && !file.includes('node_modules'),
    )
    declarations.set(name, files.map((file) => readFileSync(join(dir, file), 'utf8')).join('\n'))
  }
  return declarations.get(name)!
}

const declares = (name: string, type: string) =>
  new RegExp(`\\b(?:type|interface|class)\\s+${type}\\b`).test(declarationsOf(name))

const version = (name: string) => {
  const pinned = pinnedVersion(name)
  const newest = newestPublished(name)
  return newest === pinned
    ? `${name} ${pinned}, the newest published (as of ${published.checked}),`
    : `${name} ${pinned} (the checker's pin; ${newest ?? 'a newer version'} is newer)`
}

// "@openrouter/agent 0.8.0, the newest published (as of …), has no `lifecycle` option", for a
// failure the type checker or Node explains that way; undefined for any other.
export const packageNote = (message: string, imported: string[]): string | undefined => {
  const provided = [...new Set(imported.map(packageOf))].filter((name) =>
    importablePackages.includes(name),
  )
  const exported =
    /(?:Module )?'"([^"]+)"' has no exported member(?: named)? '([^']+)'/.exec(message) ??
    /requested module '([^']+)' does not provide an export named '([^']+)'/.exec(message)
  if (exported) {
    const name = packageOf(exported[1]!)
    return importablePackages.includes(name)
      ? `${version(name)} exports no \`${exported[2]}\` from ${exported[1]}`
      : undefined
  }
  const member =
    /'([^']+)' does not exist in type '([A-Za-z_$][\w$]*)/.exec(message) ??
    /Property '([^']+)' does not exist on type '([A-Za-z_$][\w$]*)/.exec(message)
  if (!member) return undefined
  const [, property, type] = member
  const owner = provided.length === 1 ? provided[0] : provided.find((name) => declares(name, type!))
  if (!owner) return undefined
  const what = /does not exist in type/.test(message) ? 'option' : 'property or method'
  return `${version(owner)} has no \`${property}\` ${what} on ${type}`
}
