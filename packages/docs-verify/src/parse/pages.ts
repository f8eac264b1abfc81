import { existsSync, globSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const isPage = (file: string) => /\.mdx?$/.test(file)

const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

// A link to nothing, or to itself: a page that cannot be read, not one that does not exist.
const isLink = (path: string) => {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}

// Folders a site keeps that are not pages: dependencies, hidden folders, and Mintlify's
// `snippets/`, whose files are checked where a page imports them.
const skippedFolder = /(^|\/)(node_modules|\.[^/]+|snippets)(\/|$)/

// Every page under a folder, relative to it: a linked folder is followed once (a link that leads
// back into the tree does not list its pages again and again), and a linked page is listed, to be
// read (or found unreadable) like any other.
const pagesUnder = (root: string): string[] => {
  const seen = new Set<string>()
  const walk = (dir: string, prefix: string): string[] => {
    let real: string
    try {
      real = realpathSync(dir)
    } catch {
      return []
    }
    if (seen.has(real)) return []
    seen.add(real)
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name
      if (skippedFolder.test(relative)) return []
      const path = join(dir, entry.name)
      let folder = entry.isDirectory()
      if (entry.isSymbolicLink()) {
        try {
          folder = statSync(path).isDirectory()
        } catch {
          folder = false
        }
      }
      if (folder) return walk(path, relative)
      return isPage(entry.name) ? [relative] : []
    })
  }
  return walk(root, '').sort()
}

// The pages named on the command line: files as given, every page under a folder, and globs
// (`docs/**/*.mdx`), each once, in a stable order.
export const expandPages = (args: string[], base: string) => {
  const pages: string[] = []
  const unmatched: string[] = []
  for (const arg of args) {
    const path = resolve(base, arg)
    if (isFolder(path)) {
      const found = pagesUnder(path).map((file) => join(path, file))
      ;(found.length > 0 ? pages : unmatched).push(...(found.length > 0 ? found : [arg]))
    } else if (existsSync(path) || isLink(path)) {
      pages.push(path)
    } else if (/[*?[{]/.test(arg)) {
      const found = globSync(arg, { cwd: base }).filter(isPage).sort()
      if (found.length === 0) unmatched.push(arg)
      pages.push(...found.map((file) => resolve(base, file)))
    } else {
      unmatched.push(arg)
    }
  }
  return { pages: [...new Set(pages)], unmatched }
}

// The docs site's root, where `/snippets/…` imports resolve: the nearest folder above the page
// with a `docs.json` or `mint.json` (Mintlify's configuration), else one with a `snippets/` folder.
export const findDocsRoot = (page: string): string | undefined => {
  const ancestors: string[] = []
  for (let dir = dirname(page); ; dir = dirname(dir)) {
    ancestors.push(dir)
    if (dirname(dir) === dir) break
  }
  return (
    ancestors.find((dir) =>
      ['docs.json', 'mint.json'].some((name) => existsSync(join(dir, name))),
    ) ?? ancestors.find((dir) => existsSync(join(dir, 'snippets')))
  )
}
