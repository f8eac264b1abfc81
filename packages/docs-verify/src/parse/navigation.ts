import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import type { PageSite } from '../types.ts'

// A site's navigation, as Mintlify's configuration lists it (docs.json, or the older mint.json):
// each page it publishes, by its path from the docs root without the extension, with the labels
// of the tabs, anchors and groups it sits in, outermost first.
export type Navigation = Map<string, string[]>

// The keys that name a level of Mintlify's navigation. Every level holds its children in a list
// (`tabs`, `groups`, `pages`, …); a page is a string in such a list, or a group's `root`.
const labelKeys = ['tab', 'anchor', 'dropdown', 'product', 'version', 'language', 'group', 'item']

const pageKey = (entry: string) => entry.replace(/^\/+/, '').replace(/\.mdx?$/, '')

const collect = (node: unknown, labels: string[], into: Navigation) => {
  if (Array.isArray(node)) {
    for (const child of node)
      if (typeof child === 'string') {
        if (!into.has(pageKey(child))) into.set(pageKey(child), labels)
      } else collect(child, labels, into)
    return
  }
  if (typeof node !== 'object' || node === null) return
  const record = node as Record<string, unknown>
  const label = labelKeys.map((key) => record[key]).find((value) => typeof value === 'string')
  const inner = typeof label === 'string' ? [...labels, label] : labels
  if (typeof record.root === 'string' && !into.has(pageKey(record.root)))
    into.set(pageKey(record.root), inner)
  for (const [key, value] of Object.entries(record))
    if (typeof value === 'object' && value !== null && key !== 'openapi')
      collect(value, inner, into)
}

// The navigation of the site at `docsRoot`, or undefined when it has none to read (no
// configuration file, or one that is not JSON: the pages are still checked, just not placed).
export const readNavigation = (docsRoot: string): Navigation | undefined => {
  for (const name of ['docs.json', 'mint.json']) {
    const file = join(docsRoot, name)
    if (!existsSync(file)) continue
    let config: unknown
    try {
      config = JSON.parse(readFileSync(file, 'utf8'))
    } catch {
      return undefined
    }
    const navigation: Navigation = new Map()
    collect((config as { navigation?: unknown })?.navigation, [], navigation)
    return navigation
  }
  return undefined
}

const folderParts = (path: string) => {
  const folder = dirname(path)
  return folder === '.' ? [] : folder.split('/')
}

// Where a page stands in its site: in a section of the navigation, or (only a link reaches it, or
// the site has no navigation) in its folder.
export const placePage = (
  file: string,
  docsRoot: string | undefined,
  navigation: Navigation | undefined,
  base: string,
): PageSite => {
  const path = relative(docsRoot ?? base, file)
    .split(sep)
    .join('/')
  if (!docsRoot || !navigation) return { path, section: folderParts(path) }
  // A folder's `index` page is listed by the folder's name too.
  const key = pageKey(path)
  const listed = navigation.get(key) ?? navigation.get(key.replace(/(^|\/)index$/, ''))
  return listed
    ? { path, section: listed, inNavigation: true }
    : { path, section: folderParts(path), inNavigation: false }
}

// One navigation per docs root, read once however many pages a run has.
export const siteNavigation = () => {
  const read = new Map<string, Navigation | undefined>()
  return (docsRoot: string | undefined) => {
    if (!docsRoot) return undefined
    if (!read.has(docsRoot)) read.set(docsRoot, readNavigation(docsRoot))
    return read.get(docsRoot)
  }
}
