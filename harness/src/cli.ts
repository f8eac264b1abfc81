#!/usr/bin/env node
import { writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { defaultTimeoutMs } from './cell.ts'
import { runMatrix } from './matrix.ts'
import { jsonReport } from './report/json.ts'
import { junitReport } from './report/junit.ts'
import { htmlReport } from './report/html.ts'
import { markdownReport } from './report/markdown.ts'
import { progressLine, terminalReport } from './report/terminal.ts'
import { loadScenarios } from './scenarios.ts'
import { exampleStyles, missingPrograms } from './styles.ts'

const usage = `Usage: pnpm conformance [options]

Runs every example style × scenario against the OpenRouter mock and checks that all styles send the
same request and print the same output. Exits 1 when any cell fails.

  --style NAME       only these styles (repeat, or comma-separate)
  --scenario NAME    only these scenarios (repeat, or comma-separate)
  --json FILE        write the JSON report (cells with verdicts, evidence, canonical requests)
  --junit FILE       write a JUnit XML report
  --markdown FILE    write a Markdown report (fits a CI step summary)
  --html FILE        write the onboarding page: each scenario, every style's program, output and
                     verdict side by side (one self-contained file)
  --concurrency N    cells at once (default: the number of cores, ${availableParallelism()})
  --timeout SECONDS  per cell, before it is killed (default: ${defaultTimeoutMs / 1000})
  --cwd DIR          write reports relative to DIR (\`pnpm conformance\` passes where you ran it)`

const parse = () => {
  try {
    return parseArgs({
      options: {
        style: { type: 'string', multiple: true },
        scenario: { type: 'string', multiple: true },
        json: { type: 'string' },
        junit: { type: 'string' },
        markdown: { type: 'string' },
        html: { type: 'string' },
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
        cwd: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    // A mistyped flag deserves one line, not a stack trace.
    console.error(`conformance: ${(error as Error).message} (see --help)`)
    process.exit(2)
  }
}
const { values } = parse()
if (values.help) {
  const names = (items: { name: string }[]) => items.map((item) => item.name).join(', ')
  console.log(`${usage}

Styles:    ${names(exampleStyles())}
Scenarios: ${names(loadScenarios())}`)
  process.exit(0)
}

// `--style a,b --style c` and `--style a --style b,c` mean the same.
const pick = <T extends { name: string }>(
  all: T[],
  wanted: string[] | undefined,
  what: string,
): T[] => {
  const names = wanted?.flatMap((value) => value.split(',')).map((name) => name.trim())
  if (!names) return all
  const unknown = names.filter((name) => !all.some((item) => item.name === name))
  if (unknown.length > 0) {
    console.error(
      `Unknown ${what}: ${unknown.join(', ')}. Known: ${all.map((item) => item.name).join(', ')}`,
    )
    process.exit(2)
  }
  return all.filter((item) => names.includes(item.name))
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

const positive = (value: string | undefined, name: string) => {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!(number > 0)) {
    console.error(`--${name} takes a positive number, not "${value}"`)
    process.exit(2)
  }
  return number
}

const catalogue = () => {
  try {
    return loadScenarios()
  } catch (error) {
    // The catalogue's own mistakes, every one named, without a stack trace.
    console.error((error as Error).message)
    process.exit(2)
  }
}
const styles = pick(exampleStyles(), values.style, 'style')
const allScenarios = catalogue()
const scenarios = pick(allScenarios, values.scenario, 'scenario')

// A program a style lacks is named before anything runs, rather than failing its cell four ways.
const missing = missingPrograms(styles, scenarios)
if (missing.length > 0) {
  console.error(
    `Missing example programs (every style needs one per scenario program):\n  ${missing.join('\n  ')}`,
  )
  process.exit(2)
}
const concurrency = positive(values.concurrency, 'concurrency')
const timeoutSeconds = positive(values.timeout, 'timeout')

console.log(
  `OpenRouter docs conformance: ${count(styles.length, 'style')} × ${count(scenarios.length, 'scenario')}`,
)
const { cells, durationMs } = await runMatrix({
  styles,
  scenarios,
  catalogue: allScenarios,
  concurrency,
  timeoutMs: timeoutSeconds && timeoutSeconds * 1000,
  onCell: progressLine,
})
console.log(terminalReport(cells, durationMs))

// pnpm runs this in harness/; report paths are meant from where the user ran it.
const output = (file: string) => resolve(values.cwd || process.cwd(), file)
if (values.json) await writeFile(output(values.json), jsonReport(cells, durationMs))
if (values.junit) await writeFile(output(values.junit), junitReport(cells))
if (values.markdown) await writeFile(output(values.markdown), markdownReport(cells, durationMs))
if (values.html)
  await writeFile(output(values.html), htmlReport(cells, { scenarios, styles, durationMs }))
process.exitCode = cells.some((cell) => cell.status === 'fail') ? 1 : 0
