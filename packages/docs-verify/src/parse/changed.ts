import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

// --changed-since REF: which pages a pull request can have broken. A page is checked when it
// changed since REF, or when it imports (at any depth) a snippet or constant that did; a changed
// page is checked whole, so every block whose joined definitions changed is checked with it.

export class ChangedSinceError extends Error {}

const git = (args: string[], cwd: string) => {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    })
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string }
    const said = (stderr || message).trim()
    // A CI checkout is shallow by default: the branch point is not there to compare with.
    const shallow = /no merge base|bad revision|unknown revision/i.test(said)
      ? ' (in CI, check out with the history the comparison needs: actions/checkout with fetch-depth: 0)'
      : ''
    throw new ChangedSinceError(`git ${args.join(' ')}: ${said}${shallow}`)
  }
}

// Every file that differs from where this branch left REF (what a pull request shows), with what
// is not committed yet and files git does not track yet, as absolute paths.
export const filesChangedSince = (ref: string, cwd: string): Set<string> => {
  const top = git(['rev-parse', '--show-toplevel'], cwd).trim()
  const listed = [
    git(['diff', '--name-only', '-z', '--no-renames', '--merge-base', ref, '--'], top),
    git(['ls-files', '--others', '--exclude-standard', '-z'], top),
  ]
  return new Set(
    listed.flatMap((names) =>
      names
        .split('\0')
        .filter(Boolean)
        .map((name) => join(top, name)),
    ),
  )
}

// The files a page or snippet imports: MDX's `import … from '/snippets/…'` (from the docs root)
// or `'./…'` (from the file), with or without the extension. Packages are not the site's.
const importPattern = /^\s*(?:import|export)\b[^'"\n]*?\bfrom\s*['"]([^'"]+)['"]/gm
const extensions = ['', '.mdx', '.md', '.jsx', '.tsx', '.js', '.ts', '.json']

const readImports = (file: string, docsRoot: string | undefined): string[] => {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return []
  }
  return [...text.matchAll(importPattern)].flatMap(([, specifier]) => {
    const from = specifier!.startsWith('/')
      ? docsRoot && join(docsRoot, specifier!)
      : specifier!.startsWith('.')
        ? resolve(dirname(file), specifier!)
        : undefined
    const found = from && extensions.map((ext) => from + ext).find((path) => existsSync(path))
    return found ? [found] : []
  })
}

// Each page to check, with why: it changed, or the changed file it imports (and through what).
export const selectChanged = (
  pages: string[],
  changed: Set<string>,
  docsRootOf: (page: string) => string | undefined,
  base: string,
): Map<string, string> => {
  const selected = new Map<string, string>()
  // Snippets are shared by many pages: each file's imports are read once.
  const read = new Map<string, string[]>()
  const importsOf = (file: string, docsRoot: string | undefined) => {
    if (!read.has(file)) read.set(file, readImports(file, docsRoot))
    return read.get(file)!
  }
  for (const page of pages) {
    if (changed.has(page)) {
      selected.set(page, 'it changed')
      continue
    }
    // Breadth first, each file once: the nearest changed import is the one named.
    const docsRoot = docsRootOf(page)
    const seen = new Set([page])
    const queue: { file: string; via: string[] }[] = [{ file: page, via: [] }]
    while (queue.length > 0) {
      const { file, via } = queue.shift()!
      const hit = importsOf(file, docsRoot).find((imported) => changed.has(imported))
      if (hit) {
        const chain = [...via, hit].map((path) => relative(docsRoot ?? base, path))
        selected.set(
          page,
          `it imports ${chain.at(-1)}, which changed${chain.length > 1 ? ` (through ${chain.slice(0, -1).join(' → ')})` : ''}`,
        )
        break
      }
      for (const imported of importsOf(file, docsRoot))
        if (!seen.has(imported)) {
          seen.add(imported)
          queue.push({ file: imported, via: [...via, imported] })
        }
    }
  }
  return selected
}
