import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expandPages, findDocsRoot } from './pages.ts'

const site = mkdtempSync(join(tmpdir(), 'site-'))
for (const file of [
  'docs.json',
  'guides/a.mdx',
  'guides/deep/b.md',
  'guides/notes.txt',
  'snippets/shared.mdx',
  'node_modules/pkg/README.md',
  '.hidden/c.mdx',
]) {
  mkdirSync(join(site, file, '..'), { recursive: true })
  writeFileSync(join(site, file), '')
}

describe('expandPages', () => {
  it('takes files, every page under a folder (not snippets, dependencies or hidden), and globs', () => {
    const { pages, unmatched } = expandPages(['.', 'guides/*.mdx', 'guides/a.mdx', 'nope'], site)
    expect(pages).toEqual([join(site, 'guides/a.mdx'), join(site, 'guides/deep/b.md')])
    expect(unmatched).toEqual(['nope'])
    expect(expandPages(['guides/**/*.md'], site).pages).toEqual([join(site, 'guides/deep/b.md')])
    expect(expandPages(['*.mdx'], site).unmatched).toEqual(['*.mdx'])
  })

  it('lists a page once however links loop back into the folder, and a page that is a broken link', () => {
    const looped = mkdtempSync(join(tmpdir(), 'looped-'))
    mkdirSync(join(looped, 'guides'))
    writeFileSync(join(looped, 'guides', 'a.mdx'), '')
    symlinkSync('..', join(looped, 'guides', 'up'))
    symlinkSync('self.mdx', join(looped, 'self.mdx'))
    expect(expandPages([looped], looped).pages).toEqual([
      join(looped, 'guides/a.mdx'),
      join(looped, 'self.mdx'),
    ])
  })
})

describe('findDocsRoot', () => {
  it('is the nearest folder above a page with the site configuration, else with snippets/', () => {
    expect(findDocsRoot(join(site, 'guides/deep/b.md'))).toBe(site)
    const bare = mkdtempSync(join(tmpdir(), 'bare-'))
    mkdirSync(join(bare, 'snippets'))
    mkdirSync(join(bare, 'pages'))
    expect(findDocsRoot(join(bare, 'pages', 'x.mdx'))).toBe(bare)
  })
})
