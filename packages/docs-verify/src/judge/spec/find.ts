// The OpenAPI documents a Mintlify site names. docs.json (or the older mint.json) may name them
// at the top level, under `api`, or at any depth of its navigation (tabs, anchors, groups,
// versions, languages…), each as a path, a list of paths, or `{ source, directory }`.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export type SpecFiles = { files: string[]; problems: string[] }

const isUrl = (source: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(source)

export function specFiles(docsRoot: string): SpecFiles {
  const found: SpecFiles = { files: [], problems: [] }
  const configFile = ['docs.json', 'mint.json']
    .map((name) => join(docsRoot, name))
    .find((file) => existsSync(file))
  if (!configFile) return { files: [], problems: [`${docsRoot} has no docs.json or mint.json`] }
  let config: unknown
  try {
    config = JSON.parse(readFileSync(configFile, 'utf8'))
  } catch (error) {
    return { files: [], problems: [`${configFile} is not JSON: ${(error as Error).message}`] }
  }

  const add = (source: string) => {
    if (isUrl(source)) {
      found.problems.push(`${source}: a URL, not read (only the site's own files are)`)
      return
    }
    // A leading `/` means the docs root, as Mintlify reads it; so does a path without one.
    const file = resolve(docsRoot, source.replace(/^\/+/, ''))
    if (!existsSync(file)) found.problems.push(`${source}, named in ${configFile}, does not exist`)
    else if (!found.files.includes(file)) found.files.push(file)
  }
  const entry = (value: unknown): void => {
    if (typeof value === 'string') add(value)
    else if (Array.isArray(value)) value.forEach(entry)
    else if (isRecord(value) && typeof value.source === 'string') add(value.source)
    else found.problems.push(`an openapi entry of ${configFile} is ${JSON.stringify(value)}`)
  }
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk)
    else if (isRecord(value))
      for (const [key, child] of Object.entries(value))
        key === 'openapi' ? entry(child) : walk(child)
  }
  walk(config)
  return found
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
