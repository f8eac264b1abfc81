import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { parsePage } from 'openrouter-docs-verify'
import { repoDir } from '../src/paths.ts'
import { scratchClone, userShellEnvironment } from '@conformance/common/testing'
import { sharedFile } from '@conformance/common/testing'

// The README's "try a snippet by hand", followed literally on a fresh clone from a new user's
// shell: each tab of a published page saved as written, under the name the README's command runs,
// and the command run as written (with `--placeholder-key` where the README says a tab needs it).
const readme = readFileSync(join(repoDir, 'README.md'), 'utf8')
const section = readme.slice(readme.indexOf('To try a snippet by hand'))
const commands = [
  ...section.matchAll(/^(npx -y pnpm@10\.34\.8 mock -- (.+?)) +# an? (\S+) tab$/gm),
].map(([, command, run, kind]) => ({
  command: command!,
  file: run!.split(' ').at(-1)!,
  kind: kind!,
}))
const page = sharedFile('docs-under-test/authentication-2026-08.mdx')
const tabs = parsePage(readFileSync(page, 'utf8'), page).groups.flatMap((group) => group.fences)

// Which tabs each of the README's commands is for: its kind is the tab's language. The TypeScript
// tabs are those whose packages the README's folder provides (the SDK tab's is another folder).
const tabsFor = (kind: string) =>
  tabs.filter((tab) =>
    kind === 'cURL'
      ? ['bash', 'sh', 'shell'].includes(tab.language)
      : kind === 'Python'
        ? tab.language === 'python'
        : tab.language === 'typescript' && !tab.code.includes('@openrouter/sdk'),
  )

let clone: string
beforeAll(() => {
  clone = scratchClone()
})
// A clone with its own node_modules and venvs takes a while to remove on a busy machine.
afterAll(() => rmSync(clone, { recursive: true, force: true }), 180_000)

it('the README names a command for cURL, Python and TypeScript tabs', () => {
  expect(commands.map(({ kind }) => kind)).toEqual(['cURL', 'Python', 'TypeScript'])
})

for (const kind of ['cURL', 'Python', 'TypeScript']) {
  it(
    `${kind} tabs of a published page run against the mock as the README says`,
    { timeout: 300_000 },
    async () => {
      const { command, file } = commands.find((candidate) => candidate.kind === kind)!
      const chosen = tabsFor(kind)
      expect(chosen.length).toBeGreaterThan(0)
      for (const tab of chosen) {
        writeFileSync(join(clone, file), tab.code)
        const asWritten = tab.code.includes('<OPENROUTER_API_KEY>')
          ? command.replace(' -- ', ' --placeholder-key -- ')
          : command
        const run = await execa(asWritten, {
          shell: true,
          cwd: clone,
          env: userShellEnvironment(),
          extendEnv: false,
          reject: false,
          all: true,
        })
        expect(run.exitCode, `${tab.title}:\n${run.all}`).toBe(0)
        // Some tabs print nothing; none may print an API error (fetch would not throw on one).
        expect(run.all, tab.title).not.toMatch(/"error":|Traceback|Error:/)
      }
    },
  )
}
