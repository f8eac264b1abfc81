import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { placePage, readNavigation } from './navigation.ts'

const site = (config: unknown, name = 'docs.json') => {
  const root = mkdtempSync(join(tmpdir(), 'navigation-'))
  writeFileSync(join(root, name), typeof config === 'string' ? config : JSON.stringify(config))
  mkdirSync(join(root, 'guides'))
  return root
}

it('reads every level of a Mintlify navigation: tabs, anchors, groups in groups, a group root', () => {
  const root = site({
    navigation: {
      tabs: [
        {
          tab: 'Guides',
          groups: [
            {
              group: 'Start',
              pages: [
                'index',
                'guides/first.mdx',
                { group: 'Deeper', root: 'guides/deep', pages: ['/guides/deeper'] },
              ],
            },
          ],
        },
        { tab: 'API', openapi: 'openapi.json', anchors: [{ anchor: 'Keys', pages: ['api/keys'] }] },
      ],
    },
  })
  expect(Object.fromEntries(readNavigation(root)!)).toEqual({
    index: ['Guides', 'Start'],
    'guides/first': ['Guides', 'Start'],
    'guides/deep': ['Guides', 'Start', 'Deeper'],
    'guides/deeper': ['Guides', 'Start', 'Deeper'],
    'api/keys': ['API', 'Keys'],
  })
})

it('the older mint.json lists groups at the top', () => {
  const root = site({ navigation: [{ group: 'Start', pages: ['quickstart'] }] }, 'mint.json')
  expect(readNavigation(root)?.get('quickstart')).toEqual(['Start'])
})

it('places a page in its section, or in its folder when only a link reaches it', () => {
  const root = site({
    navigation: { groups: [{ group: 'Start', pages: ['guides/first', 'guides'] }] },
  })
  const navigation = readNavigation(root)
  expect(placePage(join(root, 'guides/first.mdx'), root, navigation, '/elsewhere')).toEqual({
    path: 'guides/first.mdx',
    section: ['Start'],
    inNavigation: true,
  })
  expect(placePage(join(root, 'guides/index.mdx'), root, navigation, '/elsewhere')).toMatchObject({
    inNavigation: true,
  })
  expect(placePage(join(root, 'guides/hidden.md'), root, navigation, '/elsewhere')).toEqual({
    path: 'guides/hidden.md',
    section: ['guides'],
    inNavigation: false,
  })
})

it('without a navigation to read, a page is placed by its folder and nothing is said of links', () => {
  const broken = site('{ not json')
  expect(readNavigation(broken)).toBeUndefined()
  expect(placePage(join(broken, 'guides/a.mdx'), broken, undefined, '/')).toEqual({
    path: 'guides/a.mdx',
    section: ['guides'],
  })
  expect(placePage('/work/site/a.mdx', undefined, undefined, '/work')).toEqual({
    path: 'site/a.mdx',
    section: ['site'],
  })
})
