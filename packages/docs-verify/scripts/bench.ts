#!/usr/bin/env node
// The docs checker on a whole site against its floor: the blocks it ran, run bare (the files it wrote,
// in parallel at the same concurrency, against a mock already running, with no parsing, type
// check, proxy per block or verdict). Blocks per second for both, and the ratio. Not a test: it
// prints. Then the same site with every block in its sandbox (where the machine can make one):
// the sandbox's cost per run block. Usage: node scripts/bench.ts [folder] (default: the site
// pages in ../shared/). The uncontained runs are timed twice: by the clock, and in CPU time (the
// checker's and every process it started and waited for), which a busy machine does not inflate.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import pLimit from 'p-limit'
import { startMock } from '@conformance/openrouter-mock'
import { runProgram } from '@conformance/common'
import { checkSite } from '../src/check-site.ts'
import { prepareJudges } from '../src/judge/prepare.ts'
import { runnerCommand } from '../src/run/run-block.ts'
import { expandPages, findDocsRoot } from '../src/parse/pages.ts'
import { createWorkspace, prepareSandbox, sandboxSupport } from '../src/run/index.ts'
import { pythonInterpreter } from '../src/python.ts'
import { toolboxDirs } from '../src/toolbox.ts'

const { positionals } = parseArgs({ allowPositionals: true })
const site =
  positionals[0] ??
  fileURLToPath(new URL('../../../../shared/docs-under-test/site/', import.meta.url))
if (!existsSync(site)) {
  console.log(`docs site: not measured, no pages at ${site} (give a folder of pages)`)
  process.exit(0)
}

// CPU seconds so far of this process and of the children it has waited for (Linux's
// /proc/self/stat counts those in clock ticks, 100 a second); elsewhere, this process's alone.
const cpuSeconds = () => {
  const own = process.cpuUsage()
  const fields = existsSync('/proc/self/stat')
    ? readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')
    : []
  const children = fields.length > 14 ? (Number(fields[13]) + Number(fields[14])) / 100 : 0
  return (own.user + own.system) / 1e6 + children
}
const timed = async <T>(run: () => Promise<T>) => {
  const [wall, cpu] = [performance.now(), cpuSeconds()]
  const result = await run()
  return { result, ms: performance.now() - wall, cpu: cpuSeconds() - cpu }
}

const mock = await startMock()
const workspace = createWorkspace()
const timeoutMs = 20_000
try {
  const pages = expandPages([site], process.cwd()).pages
  // The judges beside the mock, as the command line reads them (the model list off: no network).
  const judging = await timed(() =>
    prepareJudges({
      pages,
      rootOf: findDocsRoot,
      specs: [],
      models: 'off',
      base: site,
      say: () => {},
    }),
  )
  const judges = judging.result
  const run = await timed(() =>
    checkSite(pages, {
      mock,
      workspace: workspace.root,
      docsRoot: findDocsRoot,
      timeoutMs,
      judges,
    }),
  )
  const groups = run.result
  const blocks = groups.reduce((count, group) => count + group.blocks.length, 0)
  const checked = run.ms

  // The program of every block the checker ran, exactly as it ran it (block-N/block.{ts,…}).
  const programs = readdirSync(workspace.root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^block-\d+$/.test(entry.name))
    .flatMap((entry) => {
      const dir = join(workspace.root, entry.name)
      const file = readdirSync(dir).find((name) => /^block\.(ts|cts|mjs|cjs|py|sh)$/.test(name))
      return file ? [{ dir, file: join(dir, file) }] : []
    })
  const runner = (file: string) =>
    file.endsWith('.py') ? 'python' : file.endsWith('.sh') ? 'shell' : 'typescript'
  const key = mock.keys.create({ name: 'bench: bare blocks' }).key
  const limit = pLimit(availableParallelism())
  const bareRun = await timed(() =>
    Promise.all(
      programs.map(({ dir, file }) => {
        const command = runnerCommand[runner(file)](file)
        const path = process.env.PATH ?? ''
        return limit(() =>
          runProgram(command, {
            cwd: dir,
            env: {
              ...mock.env,
              PATH: path,
              HOME: dir,
              OPENROUTER_API_KEY: key,
              ...command.env(path),
            },
            timeoutMs,
          }),
        )
      }),
    ),
  )
  const bare = bareRun.ms

  const perSecond = (count: number, ms: number) => (count / (ms / 1000)).toFixed(2)
  console.log(
    `docs site: ${pages.length} pages, ${blocks} blocks, ${programs.length} of them run (the rest are not programs, or not judged)`,
  )
  console.log(
    `docs:verify: ${(checked / 1000).toFixed(2)} s, ${perSecond(programs.length, checked)} run blocks/s (${perSecond(blocks, checked)} blocks/s in all)`,
  )
  console.log(
    `the same ${programs.length} blocks bare: ${(bare / 1000).toFixed(2)} s, ${perSecond(programs.length, bare)} blocks/s`,
  )
  console.log(`ratio: ${(checked / bare).toFixed(2)}×`)
  console.log(
    `CPU: docs:verify ${run.cpu.toFixed(1)} s, the same blocks bare ${bareRun.cpu.toFixed(1)} s (${(run.cpu / bareRun.cpu).toFixed(2)}×); reading the site's spec ${judging.cpu.toFixed(1)} s once`,
  )

  const support = sandboxSupport()
  if (!support.available) console.log(`sandboxed: not measured (${support.why})`)
  else {
    const contained = createWorkspace()
    try {
      const sandbox = prepareSandbox({
        workspace: contained.root,
        caFile: mock.caFile,
        python: pythonInterpreter(),
        toolbox: toolboxDirs(),
      })
      const sandboxedRun = await timed(() =>
        checkSite(pages, {
          mock,
          workspace: contained.root,
          docsRoot: findDocsRoot,
          timeoutMs,
          sandbox,
          judges,
        }),
      )
      const sandboxed = sandboxedRun.ms
      // The sandboxed blocks' CPU time does not reach this process through bubblewrap's
      // namespaces (measured 7.9 s for a run that took minutes of a core): timed by the clock.
      console.log(
        `docs:verify, every block in its sandbox: ${(sandboxed / 1000).toFixed(2)} s, ${perSecond(programs.length, sandboxed)} run blocks/s; the sandbox's cost: ${(((sandboxed - checked) / programs.length) * availableParallelism()).toFixed(0)} ms of the clock a run block on each core (${(sandboxed / checked).toFixed(2)}× the run uncontained)`,
      )
    } finally {
      contained.remove()
    }
  }
} finally {
  workspace.remove()
  await mock.close()
}
