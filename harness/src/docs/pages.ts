import { existsSync, globSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const isPage = (file: string) => /\.mdx?$/.test(file)

// Folders a site keeps that are not pages: dependencies, hidden folders, and Mintlify's
// `snippets/`, whose files are checked where a page imports them.
const skippedFolder = /(^|\/)(node_modules|\.[^/]+|snippets)(\/|$)/

// The pages named on the command line: files as given, every page under a folder, and globs
// (`docs/**/*.mdx`), each once, in a stable order.
export const expandPages = (args: string[], base: string) => {
  const pages: string[] = []
  const unmatched: string[] = []
  for (const arg of args) {
    const path = resolve(base, arg)
    if (existsSync(path) && statSync(path).isDirectory()) {
      const found = readdirSync(path, { recursive: true, encoding: 'utf8' })
        .filter((file) => isPage(file) && !skippedFolder.test(file))
        .sort()
        .map((file) => join(path, file))
      ;(found.length > 0 ? pages : unmatched).push(...(found.length > 0 ? found : [arg]))
    } else if (existsSync(path)) {
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
