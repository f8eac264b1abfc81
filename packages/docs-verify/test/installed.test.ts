import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMock, type RunningMock } from '@conformance/openrouter-mock'
import { userShellEnvironment } from '@conformance/common/testing'
import { checkSite } from '../src/check-site.ts'
import { expandPages } from '../src/parse/pages.ts'
import { createWorkspace } from '../src/run/index.ts'
import type { GroupResult } from '../src/types.ts'

// The checker as a docs team gets it, packed once (by the action's install step, as `npm pack`
// packs it) for both parts of this file, which run in order.
//
// The GitHub Action as a runner runs it: each step its `runs:` lists, with the inputs a docs
// repository's workflow gives and GitHub's own variables, in a synthetic docs repository with
// one good page and one that fails. What it leaves is what a workflow reads: annotations, a step
// summary, the reports' paths as outputs, a failed step.
const actionPath = fileURLToPath(new URL('..', import.meta.url))
type Step = { id?: string; run: string; env?: Record<string, string> }
const action = parse(readFileSync(join(actionPath, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default: string }>
  runs: { using: string; steps: Step[] }
}
const root = mkdtempSync(join(tmpdir(), 'docs-action-'))
const repository = join(root, 'docs')
const runner = {
  RUNNER_TEMP: join(root, 'runner-temp'),
  GITHUB_OUTPUT: join(root, 'output'),
  GITHUB_STEP_SUMMARY: join(root, 'summary.md'),
  GITHUB_ACTION_PATH: actionPath,
  XDG_CACHE_HOME: join(root, 'cache'),
  // No test reaches the internet: the model list is off.
  OPENROUTER_DOCS_VERIFY_MODELS: 'off',
}
const inputs: Record<string, string> = { paths: 'guides' }

// `${{ inputs.x }}` and `${{ github.action_path }}`, as the runner fills them in.
const expand = (text: string) =>
  text.replace(/\$\{\{\s*(inputs\.([\w-]+)|github\.action_path)\s*\}\}/g, (_, expression, name) =>
    expression === 'github.action_path'
      ? actionPath
      : (inputs[name] ?? action.inputs[name]!.default),
  )

const results: { id?: string; exitCode?: number; stdout: string; stderr: string }[] = []
beforeAll(async () => {
  mkdirSync(join(repository, 'guides'), { recursive: true })
  mkdirSync(runner.RUNNER_TEMP, { recursive: true })
  writeFileSync(
    join(repository, 'guides', 'good.mdx'),
    '```bash\ncurl -s https://openrouter.ai/api/v1/key -H "Authorization: Bearer $OPENROUTER_API_KEY"\n```\n',
  )
  writeFileSync(
    join(repository, 'guides', 'broken.mdx'),
    "```typescript\nimport { OpenRouter } from '@openrouter/sdk'\nconst client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY })\nconsole.log(await client.chat.send({ model: 'openai/gpt-4o', messages: [] }))\n```\n",
  )
  for (const step of action.runs.steps) {
    const env = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([name, value]) => [name, expand(value)]),
    )
    const result = await execa('bash', ['-c', expand(step.run)], {
      cwd: repository,
      env: { ...userShellEnvironment(), ...runner, ...env },
      extendEnv: false,
      reject: false,
    })
    results.push({
      id: step.id,
      exitCode: result.exitCode,
      stdout: result.stdout,
      stderr: result.stderr,
    })
    if (result.exitCode !== 0) break
  }
}, 900_000)

describe('the GitHub Action', () => {
  it('is a composite action of two steps: the install succeeds, the check fails on the broken page', () => {
    expect(action.runs.using).toBe('composite')
    expect(
      results.map(({ exitCode }) => exitCode),
      results.at(-1)?.stderr,
    ).toEqual([0, 1])
  })

  it('makes its Python venv on the first run, in a cache folder, and says so', () => {
    expect(results[1]!.stderr).toMatch(
      /^==> making the Python venv for Python blocks in .*\/cache\/openrouter-docs-verify\/python-[0-9a-f]{12} \(first run only\)$/m,
    )
  })

  it('annotates the failing page line, writes the step summary, and names every report as an output', () => {
    const check = results[1]!
    expect(check.stdout).toMatch(
      /^::error file=guides\/broken\.mdx,line=1,title=docs%3Averify › typescript::failed-before-sending: /m,
    )
    expect(readFileSync(runner.GITHUB_STEP_SUMMARY, 'utf8')).toMatch(
      /^## Docs code groups: ❌ blocks: 1 passed, 1 failed/,
    )
    const outputs = Object.fromEntries(
      readFileSync(runner.GITHUB_OUTPUT, 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split('=') as [string, string]),
    )
    expect(Object.keys(outputs).sort()).toEqual(['html', 'json', 'junit', 'markdown'])
    const report = JSON.parse(readFileSync(outputs.json!, 'utf8')) as {
      blocks: { verdict: string }[]
    }
    expect(report.blocks.map((block) => block.verdict).sort()).toEqual([
      'failed-before-sending',
      'pass',
    ])
    expect(readFileSync(outputs.html!, 'utf8')).toContain('guides/broken.mdx')
  })
})

// The checker as a docs team gets it: packed as `npm pack` packs it, installed with npm into an
// empty docs site outside this one, and run there with `npx openrouter-docs-verify .` under
// the Node that machine has (this one's system Node, not the Node 24 of this site). Its
// verdicts are the ones it gives inside this site.
const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url))
const site = join(root, 'site')
const pages = ['step-by-step.mdx', 'type-page.mdx', 'llms-full-groups.md', 'placeholders.mdx']

const verdicts = (groups: GroupResult[]) =>
  groups.flatMap((group) =>
    group.blocks.map((block) => `${block.page.split('/').at(-1)}:${block.line} ${block.verdict}`),
  )

describe('installed with npm in a docs repository, run with npx under its Node', () => {
  let installed: GroupResult[]
  let inside: GroupResult[]
  let mock: RunningMock
  let workspace: ReturnType<typeof createWorkspace>

  beforeAll(async () => {
    mkdirSync(site, { recursive: true })
    writeFileSync(join(site, 'package.json'), '{ "private": true }\n')
    for (const page of pages) copyFileSync(join(fixtures, page), join(site, page))
    // The tarball the action's install step packed.
    const packed = join(runner.RUNNER_TEMP, 'openrouter-docs-verify')
    const tarball = join(
      packed,
      readdirSync(packed).find((file) => file.endsWith('.tgz'))!,
    )
    // The cache the action's run made its Python venv in: a second run makes none.
    const shell = {
      ...userShellEnvironment(),
      XDG_CACHE_HOME: runner.XDG_CACHE_HOME,
      OPENROUTER_DOCS_VERIFY_MODELS: 'off',
    }
    const node = await execa('node', ['--version'], { env: shell, extendEnv: false })
    expect(Number(node.stdout.replace(/^v/, '').split('.')[0])).toBeLessThan(24)
    await execa('npm', ['install', '--no-audit', '--no-fund', tarball], {
      cwd: site,
      env: shell,
      extendEnv: false,
    })
    const run = await execa('npx', ['openrouter-docs-verify', '.', '--json', 'report.json'], {
      cwd: site,
      env: shell,
      extendEnv: false,
      reject: false,
    })
    expect(run.exitCode, run.stderr).toBe(1)
    const report = JSON.parse(readFileSync(join(site, 'report.json'), 'utf8')) as {
      blocks: GroupResult['blocks']
      groups: (Omit<GroupResult, 'blocks'> & { blocks: string[] })[]
    }
    installed = report.groups.map((group) => ({
      ...group,
      blocks: report.blocks.filter(
        (block) => block.page === group.page && block.group === group.index,
      ),
    }))
    mock = await startMock()
    workspace = createWorkspace()
    inside = await checkSite(expandPages([site], site).pages, {
      mock,
      workspace: workspace.root,
      timeoutMs: 20_000,
    })
  }, 600_000)
  afterAll(async () => {
    workspace?.remove()
    await mock?.close()
    // Two installs of the checker with node_modules: a while to remove on a busy machine.
    rmSync(root, { recursive: true, force: true })
  }, 180_000)

  it('installed in a docs repository and run with npx under its Node: the same verdicts as inside', () => {
    expect(verdicts(installed)).toEqual(verdicts(inside))
    expect(verdicts(installed)).toContain('type-page.mdx:19 type-error')
    expect(
      verdicts(installed).filter((verdict) => verdict.endsWith(' pass')).length,
    ).toBeGreaterThan(5)
  })
})
