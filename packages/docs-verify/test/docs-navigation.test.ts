import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { afterAll, beforeAll, expect, it } from 'vitest'

// A site whose navigation lists one page, and a page only a link reaches, which fails: reported
// apart, and left out with --navigation-only.
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
const root = mkdtempSync(join(tmpdir(), 'docs-navigation-'))
const site = join(root, 'site')
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), text)
}
const verify = (...args: string[]) =>
  execa(process.execPath, [cli, ...args], { cwd: root, reject: false })

let whole: Awaited<ReturnType<typeof verify>>
beforeAll(async () => {
  write(
    'site/docs.json',
    JSON.stringify({
      navigation: {
        tabs: [{ tab: 'Docs', groups: [{ group: 'Start', pages: ['guides/listed'] }] }],
      },
    }),
  )
  write('site/guides/listed.mdx', '```bash\ncurl -sf https://openrouter.ai/api/v1/models\n```\n')
  write(
    'site/guides/linked.mdx',
    '```bash\ncurl -sf https://openrouter.ai/api/v1/chat/completions -H "Authorization: Bearer $OPENROUTER_API_KEY" -d \'{"messages": []}\'\n```\n',
  )
  write('elsewhere/page.mdx', '```bash\ncurl -sf https://openrouter.ai/api/v1/models\n```\n')
  whole = await verify('site', '--json', 'report.json')
}, 120_000)
afterAll(() => rmSync(root, { recursive: true, force: true }))

it('reports the pages in the navigation and those only a link reaches apart', () => {
  expect(whole.exitCode).toBe(1)
  expect(whole.stdout).toContain(
    "Pages: 1 page (0 failing) in the site's navigation, 1 page (1 failing) reachable only by link",
  )
  const report = JSON.parse(readFileSync(join(root, 'report.json'), 'utf8'))
  expect(report.summary.navigation).toEqual({
    listed: { pages: 1, failing: 0 },
    linked: { pages: 1, failing: 1 },
  })
  expect(report.groups.map((group: { site: unknown }) => group.site)).toEqual([
    { path: 'guides/linked.mdx', section: ['guides'], inNavigation: false },
    { path: 'guides/listed.mdx', section: ['Docs', 'Start'], inNavigation: true },
  ])
})

it('--navigation-only checks the pages the navigation lists, and says how many it left out', async () => {
  const listed = await verify('site', '--navigation-only')
  expect(listed.exitCode, listed.stdout).toBe(0)
  expect(listed.stdout).toContain(
    "the site's navigation lists 1 of the 2 pages; the others, only a link reaches, are not checked",
  )
  expect(listed.stdout).toContain('site/guides/listed.mdx:1')
  expect(listed.stdout).not.toContain('linked.mdx')
})

it('--navigation-only on pages of no site with a navigation is a usage error', async () => {
  const none = await verify('elsewhere', '--navigation-only')
  expect(none.exitCode).toBe(2)
  expect(none.stderr).toContain('--navigation-only: no docs.json or mint.json')
})
