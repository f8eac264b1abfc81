import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { specFiles } from './find.ts'

const site = (config: unknown, files: string[], name = 'docs.json') => {
  const root = mkdtempSync(join(tmpdir(), 'spec-find-'))
  writeFileSync(join(root, name), JSON.stringify(config))
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true })
    writeFileSync(join(root, file), 'openapi: 3.1.0\n')
  }
  return root
}

describe('specFiles', () => {
  it('reads a top-level path, relative to the docs root', () => {
    const root = site({ openapi: 'openapi.yaml' }, ['openapi.yaml'])
    expect(specFiles(root)).toEqual({ files: [join(root, 'openapi.yaml')], problems: [] })
  })

  it('reads { source, directory } in a navigation group, `/` meaning the docs root', () => {
    const navigation = {
      tabs: [
        {
          tab: 'API',
          groups: [{ group: 'Reference', openapi: { source: '/specs/a.yaml', directory: 'api' } }],
        },
      ],
    }
    const root = site({ navigation }, ['specs/a.yaml'])
    expect(specFiles(root).files).toEqual([join(root, 'specs/a.yaml')])
  })

  it('reads a list at any depth, each file once, in order', () => {
    const navigation = {
      versions: [
        { version: 'v1', anchors: [{ anchor: 'API', openapi: ['b.json', 'a.yaml'] }] },
        { version: 'v2', languages: [{ language: 'en', openapi: '/a.yaml' }] },
      ],
    }
    const root = site({ navigation }, ['a.yaml', 'b.json'])
    expect(specFiles(root).files).toEqual([join(root, 'b.json'), join(root, 'a.yaml')])
  })

  it('reports a missing file and a URL, and goes on', () => {
    const root = site(
      { openapi: ['gone.yaml', 'https://example.test/openapi.json', 'here.yaml'] },
      ['here.yaml'],
    )
    const found = specFiles(root)
    expect(found.files).toEqual([join(root, 'here.yaml')])
    expect(found.problems).toEqual([
      expect.stringMatching(/^gone\.yaml, named in .*docs\.json, does not exist$/),
      expect.stringMatching(/^https:\/\/example\.test\/openapi\.json: a URL/),
    ])
  })

  it('falls back to mint.json, and says when there is neither', () => {
    const root = site({ openapi: 'openapi.yaml' }, ['openapi.yaml'], 'mint.json')
    expect(specFiles(root).files).toEqual([join(root, 'openapi.yaml')])
    expect(specFiles(mkdtempSync(join(tmpdir(), 'spec-none-'))).problems).toEqual([
      expect.stringMatching(/has no docs\.json or mint\.json/),
    ])
  })
})
