import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoDir } from '../paths.ts'
import type { Scenario } from '../scenarios.ts'
import type { Style } from '../styles.ts'
import type { CellResult } from '../verdict.ts'
import { escapeXml as escape } from '@conformance/common'
import { legend, totals } from './summary.ts'

// The onboarding page: for each scenario, what every style must send and print, then each
// style's program side by side with what it did and its verdict. One self-contained file (no
// script, no external resource), so it can be attached to a CI run or opened from disk.

const style = `
  body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem; color: #1f2328; }
  h1 { margin-bottom: 0; }
  .summary { color: #59636e; }
  nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; padding: 0; }
  section.scenario { margin: 2.5rem 0; border-top: 1px solid #d1d9e0; }
  .contract { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
  .cells { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(24rem, 1fr); gap: 1rem; overflow-x: auto; }
  article.cell { border: 1px solid #d1d9e0; border-radius: 6px; padding: 0 1rem 1rem; min-width: 0; }
  article.cell[data-status="fail"] { border-color: #cf222e; }
  article.cell[data-status="not-applicable"] { opacity: 0.7; }
  .verdict[data-status="pass"] { color: #1a7f37; }
  .verdict[data-status="fail"] { color: #cf222e; }
  .warning { color: #9a6700; }
  pre { background: #f6f8fa; padding: 0.75rem; overflow-x: auto; font-size: 13px; }
  code { font-family: ui-monospace, monospace; }
`

const verdictText = (cell: CellResult) =>
  cell.status === 'pass'
    ? `✓ pass (${cell.requestCount} request${cell.requestCount === 1 ? '' : 's'})`
    : cell.status === 'fail'
      ? '✗ fail'
      : 'n/a not applicable'

const pre = (text: string) => `<pre><code>${escape(text)}</code></pre>`

// Each program file's text, read once per page (one program serves several scenarios); undefined
// for a program that is not there.
const programSources = () => {
  const read = new Map<string, string | undefined>()
  return (program: string) => {
    if (!read.has(program)) {
      try {
        read.set(program, readFileSync(join(repoDir, program), 'utf8'))
      } catch {
        read.set(program, undefined)
      }
    }
    return read.get(program)
  }
}

const cellArticle = (
  cell: CellResult,
  title: string,
  programSource: (program: string) => string | undefined,
) => {
  const parts = [
    `<article class="cell" data-style="${escape(cell.style)}" data-status="${cell.status}">`,
    `<h3>${escape(title)}</h3>`,
    `<p class="verdict" data-status="${cell.status}">${escape(verdictText(cell))}</p>`,
  ]
  if (cell.status === 'not-applicable') {
    parts.push(`<p class="reason">${escape(cell.notApplicable ?? '')}</p>`)
  } else {
    const source = programSource(cell.fixSite.program)
    parts.push(`<p><code>${escape(cell.fixSite.program)}</code></p>`)
    if (source !== undefined) parts.push(`<div class="program">${pre(source)}</div>`)
    parts.push(
      '<h4>printed</h4>',
      `<div class="stdout">${pre(cell.output.stdout)}</div>`,
      ...(cell.output.stderr ? [`<div class="stderr">${pre(cell.output.stderr)}</div>`] : []),
    )
    for (const warning of cell.warnings) parts.push(`<p class="warning">! ${escape(warning)}</p>`)
    for (const problem of cell.problems) {
      parts.push(`<p class="problem">${escape(`${problem.check}: ${problem.summary}`)}</p>`)
      if (problem.diff) parts.push(pre(problem.diff))
    }
  }
  parts.push('</article>')
  return parts.join('\n')
}

const scenarioSection = (
  scenario: Scenario,
  cells: CellResult[],
  titles: Map<string, string>,
  programSource: (program: string) => string | undefined,
) =>
  [
    `<section class="scenario" id="${escape(scenario.name)}">`,
    `<h2>${escape(scenario.name)}</h2>`,
    `<p>${escape(scenario.description)}</p>`,
    '<div class="contract">',
    `<div><h4>every style sends</h4>${pre(scenario.request === null ? 'nothing' : JSON.stringify(scenario.request, null, 2))}${(
      scenario.followUps ?? []
    )
      .map(
        (request, i) => `<h4>then, follow-up ${i + 1}</h4>${pre(JSON.stringify(request, null, 2))}`,
      )
      .join('')}</div>`,
    `<div><h4>and prints</h4>${pre(scenario.output.stdout)}${scenario.output.stderr ? pre(scenario.output.stderr) : ''}<p>exit code ${scenario.output.exitCode}</p></div>`,
    '</div>',
    '<div class="cells">',
    ...cells.map((cell) => cellArticle(cell, titles.get(cell.style) ?? cell.style, programSource)),
    '</div>',
    '</section>',
  ].join('\n')

export const htmlReport = (
  cells: readonly CellResult[],
  context: { scenarios: readonly Scenario[]; styles: readonly Style[]; durationMs: number },
) => {
  const titles = new Map(context.styles.map((style) => [style.name, style.title]))
  const programSource = programSources()
  const sections = context.scenarios
    .map((scenario) => ({
      scenario,
      cells: cells.filter((cell) => cell.scenario === scenario.name),
    }))
    .filter(({ cells }) => cells.length > 0)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>OpenRouter, every way: the conformance matrix</title>
<style>${style}</style>
</head>
<body>
<h1>OpenRouter, every way</h1>
<p class="summary">${escape(totals(cells))} in ${(context.durationMs / 1000).toFixed(1)} s. ${escape(legend)}.</p>
<nav><ul>${sections.map(({ scenario }) => `<li><a href="#${escape(scenario.name)}">${escape(scenario.name)}</a></li>`).join('')}</ul></nav>
${sections.map(({ scenario, cells }) => scenarioSection(scenario, cells, titles, programSource)).join('\n')}
</body>
</html>
`
}
