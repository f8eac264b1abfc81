import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { afterAll, beforeAll, expect, it } from 'vitest'

// A pull request on a synthetic docs repository: one page edited (not yet committed), a page
// added, a constant two imports deep changed (committed on the branch), and a page nobody
// touched. `--changed-since main` checks the first three, says why each, and not the fourth.
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
const repository = mkdtempSync(join(tmpdir(), 'docs-changed-'))
const identity = {
  GIT_AUTHOR_NAME: 'Docs',
  GIT_AUTHOR_EMAIL: 'docs@example.com',
  GIT_COMMITTER_NAME: 'Docs',
  GIT_COMMITTER_EMAIL: 'docs@example.com',
}
const git = (...args: string[]) => execa('git', args, { cwd: repository, env: identity })
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(repository, path)), { recursive: true })
  writeFileSync(join(repository, path), text)
}
const curlPage = (title: string, imports = '') =>
  `---\ntitle: ${title}\n---\n${imports}\n\`\`\`bash\ncurl -sf https://openrouter.ai/api/v1/models\n\`\`\`\n`

let run: { exitCode?: number; stdout: string; stderr: string }
let report: { groups: { page: string; site?: { path: string; selected?: string } }[] }
beforeAll(async () => {
  await git('init', '-q', '-b', 'main')
  write(
    'docs.json',
    JSON.stringify({
      navigation: { groups: [{ group: 'Guides', pages: ['guides/a', 'guides/b'] }] },
    }),
  )
  write('snippets/constants.mdx', "export const MODEL = 'openai/gpt-4o'\n")
  write('snippets/model-note.mdx', "import { MODEL } from './constants.mdx'\n\nUses {MODEL}.\n")
  write('guides/a.mdx', curlPage('A', "import ModelNote from '/snippets/model-note.mdx'\n"))
  write('guides/b.mdx', curlPage('B'))
  write('guides/c.mdx', curlPage('C'))
  await git('add', '.')
  await git('commit', '-q', '-m', 'the site')
  await git('checkout', '-q', '-b', 'pull-request')
  write('snippets/constants.mdx', "export const MODEL = 'openai/gpt-4o-mini'\n")
  await git('commit', '-q', '-am', 'a new model')
  write('guides/b.mdx', curlPage('B, edited'))
  write('guides/d.mdx', curlPage('D, new'))
  run = await execa(
    process.execPath,
    [cli, '.', '--changed-since', 'main', '--json', 'report.json'],
    {
      cwd: repository,
      reject: false,
    },
  )
  report = JSON.parse(readFileSync(join(repository, 'report.json'), 'utf8'))
}, 120_000)
afterAll(() => rmSync(repository, { recursive: true, force: true }))

it('checks the changed pages and those importing a changed snippet, and says why each', () => {
  expect(run.exitCode, run.stderr).toBe(0)
  expect(run.stdout).toContain(
    [
      '--changed-since main: 3 of 4 pages:',
      '  guides/a.mdx: it imports snippets/constants.mdx, which changed (through snippets/model-note.mdx)',
      '  guides/b.mdx: it changed',
      '  guides/d.mdx: it changed',
    ].join('\n'),
  )
  expect(report.groups.map((group) => [group.site?.path, group.site?.selected])).toEqual([
    [
      'guides/a.mdx',
      'it imports snippets/constants.mdx, which changed (through snippets/model-note.mdx)',
    ],
    ['guides/b.mdx', 'it changed'],
    ['guides/d.mdx', 'it changed'],
  ])
})

it('a ref git does not know is a usage error that says what git said', async () => {
  const bad = await execa(process.execPath, [cli, '.', '--changed-since', 'no-such-branch'], {
    cwd: repository,
    reject: false,
  })
  expect(bad.exitCode).toBe(2)
  expect(bad.stderr).toMatch(/^--changed-since no-such-branch: git diff .*no-such-branch/)
  expect(bad.stderr).toContain('fetch-depth: 0')
})

it('when nothing a page reads changed, nothing is checked, and the run passes', async () => {
  await git('add', '.')
  await git('commit', '-q', '-m', 'the edits')
  write('style.css', 'body { margin: 0 }\n')
  const none = await execa(process.execPath, [cli, '.', '--changed-since', 'HEAD'], {
    cwd: repository,
    reject: false,
  })
  expect(none.exitCode, none.stderr).toBe(0)
  expect(none.stdout).toContain(
    '--changed-since HEAD: 0 of 4 pages (no page, and no snippet a page imports, changed)',
  )
})
