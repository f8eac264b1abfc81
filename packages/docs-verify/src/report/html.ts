import { relative } from 'node:path'
import { escapeXml as escape } from '@conformance/common'
import { placeholderTable } from '../plan/placeholders.ts'
import type { BlockResult, GroupResult, ReportOptions } from '../types.ts'
import {
  headerMark,
  isFailure,
  mark,
  siteSummary,
  summary,
  summaryLine,
  verdictText,
} from './summary.ts'

// The docs check as one self-contained page (no script, no external resource), to attach to a CI
// run or open from disk: the site summary, every page with its counts, and every block with its
// code, verdict and evidence. Failures come first on each page's list of blocks, in page order.

const style = `
  body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem; color: #1f2328; max-width: 80rem; }
  .summary { color: #59636e; }
  table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
  th, td { text-align: left; padding: 0.2rem 0.75rem 0.2rem 0; vertical-align: top; }
  section.page { margin: 2.5rem 0; border-top: 1px solid #d1d9e0; }
  article.block { border: 1px solid #d1d9e0; border-radius: 6px; padding: 0 1rem 0.5rem; margin: 1rem 0; }
  article.block[data-failed="true"] { border-color: #cf222e; }
  article.block[data-verdict="skipped"], article.block[data-verdict="definition-only"], article.block[data-verdict="fragment"] { opacity: 0.75; }
  .verdict[data-failed="true"] { color: #cf222e; }
  .verdict[data-verdict="pass"] { color: #1a7f37; }
  .fix { color: #0969da; }
  .warning { color: #9a6700; }
  pre { background: #f6f8fa; padding: 0.75rem; overflow-x: auto; font-size: 13px; }
  code { font-family: ui-monospace, monospace; }
  summary { cursor: pointer; }
`

const pre = (text: string) => `<pre><code>${escape(text)}</code></pre>`

const pageId = (index: number) => `page-${index + 1}`

const evidence = (block: BlockResult) => {
  const parts: string[] = []
  const requests = block.evidence?.requests ?? []
  if (requests.length > 0)
    parts.push(
      '<h4>sent</h4>',
      `<ul class="requests">${requests
        .map(
          (request) =>
            `<li><code>${escape(`${request.method} ${request.path}`)}</code> → ${request.status}</li>`,
        )
        .join('')}</ul>`,
    )
  const typeErrors = block.evidence?.typeErrors ?? []
  if (typeErrors.length > 0)
    parts.push(
      '<h4>type errors</h4>',
      `<ul class="type-errors">${typeErrors.map((error) => `<li>${escape(error)}</li>`).join('')}</ul>`,
    )
  if (block.evidence?.error)
    parts.push(
      `<h4>error${block.evidence.exitCode === undefined ? '' : ` (exit code ${block.evidence.exitCode})`}</h4>`,
      pre(block.evidence.error),
    )
  if (block.evidence?.stdoutTail) parts.push('<h4>printed</h4>', pre(block.evidence.stdoutTail))
  if (block.evidence?.stderrTail) parts.push('<h4>stderr</h4>', pre(block.evidence.stderrTail))
  return parts
}

const blockArticle = (block: BlockResult, where: string) => {
  const failed = isFailure(block)
  const parts = [
    `<article class="block" id="${escape(`${where}-${block.title}`)}" data-line="${block.line}" data-verdict="${block.verdict}" data-failed="${failed}">`,
    `<h3>${escape(`line ${block.line} › ${block.title}`)}</h3>`,
    `<p class="verdict" data-verdict="${block.verdict}" data-failed="${failed}">${escape(`${mark(block)} ${verdictText(block)}`)}: <span class="reason">${escape(block.reason)}</span></p>`,
  ]
  if (block.cause) parts.push(`<p class="cause">cause: ${escape(block.cause)}</p>`)
  if (block.fix) parts.push(`<p class="fix">fix: ${escape(block.fix)}</p>`)
  if (block.joinedWith)
    parts.push(
      `<p class="joined">ran after the block${block.joinedWith.length === 1 ? '' : 's'} at line ${block.joinedWith.join(', ')}</p>`,
    )
  for (const warning of block.warnings) parts.push(`<p class="warning">! ${escape(warning)}</p>`)
  if (block.code !== undefined)
    parts.push(
      `<details class="code"${failed ? ' open' : ''}><summary>the block, as the page has it</summary>${pre(block.code)}</details>`,
    )
  const shown = evidence(block)
  if (shown.length > 0)
    parts.push(
      `<details class="evidence"${failed ? ' open' : ''}><summary>evidence</summary>${shown.join('\n')}</details>`,
    )
  parts.push('</article>')
  return parts.join('\n')
}

const pageCounts = (blocks: BlockResult[]) => ({
  passed: blocks.filter((block) => block.verdict === 'pass').length,
  failed: blocks.filter(isFailure).length,
  other: blocks.filter((block) => block.verdict !== 'pass' && !isFailure(block)).length,
})

export const htmlReport = (groups: GroupResult[], options: ReportOptions) => {
  const pages = [...Map.groupBy(groups, (group) => group.page).entries()].map(([page, groups]) => ({
    page: relative(options.base, page),
    groups,
    counts: pageCounts(groups.flatMap((group) => group.blocks)),
  }))
  const { byCause, byPage } = siteSummary(groups, options)
  const s = summary(groups, options.strict)
  const sections = pages.map(({ page, groups, counts }, i) => {
    const ordered = groups
      .flatMap((group) => group.blocks.map((block) => ({ group, block })))
      .sort((a, b) => Number(isFailure(b.block)) - Number(isFailure(a.block)))
    const headers = groups.flatMap((group) =>
      group.comparison.headers.map(
        (line) =>
          `<p class="warning">${headerMark(options.strict)} ${escape(`${page}:${group.line}`)} headers differ: ${escape(line)}</p>`,
      ),
    )
    return [
      `<section class="page" id="${pageId(i)}" data-page="${escape(page)}" data-failed="${counts.failed}">`,
      `<h2>${escape(page)}</h2>`,
      `<p class="summary">${counts.passed} passed, ${counts.failed} failed, ${counts.other} not judged or only declaring</p>`,
      ...headers,
      ...ordered.map(({ group, block }) =>
        blockArticle(block, `${page}:${block.line || group.line}`),
      ),
      '</section>',
    ].join('\n')
  })
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Docs check: ${s.failed === 0 && s.groupsFailed === 0 ? 'passed' : 'failed'}</title>
<style>${style}</style>
</head>
<body>
<h1>Docs check: ${pages.length} page${pages.length === 1 ? '' : 's'}, ${s.blocks} blocks</h1>
<p class="summary" id="summary">${escape(summaryLine(groups, options.strict))}</p>
<h2>Failures by cause</h2>
<table id="by-cause"><tbody>${byCause.map(({ cause, count }) => `<tr><td>${count}</td><td>${escape(cause)}</td></tr>`).join('') || '<tr><td>none</td></tr>'}</tbody></table>
<h2>Pages</h2>
<table id="pages"><thead><tr><th>page</th><th>passed</th><th>failed</th><th>not judged or only declaring</th></tr></thead><tbody>${pages
    .map(
      ({ page, counts }, i) =>
        `<tr data-failed="${counts.failed}"><td><a href="#${pageId(i)}">${escape(page)}</a></td><td>${counts.passed}</td><td>${counts.failed}</td><td>${counts.other}</td></tr>`,
    )
    .join('')}</tbody></table>
${byPage.length > 0 ? '' : '<p>No page has a failure.</p>'}
${sections.join('\n')}
<h2>Placeholders substituted</h2>
<table id="placeholders"><tbody>${placeholderTable.map(({ placeholder, becomes }) => `<tr><td><code>${escape(placeholder)}</code></td><td>${escape(becomes)}</td></tr>`).join('')}</tbody></table>
</body>
</html>
`
}
