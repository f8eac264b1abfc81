import type { GroupResult, ReportOptions } from '../types.ts'
import { githubAnnotations } from './github.ts'
import { htmlReport } from './html.ts'
import { jsonReport } from './json.ts'
import { junitReport } from './junit.ts'
import { markdownReport } from './markdown.ts'
import { terminalReport } from './terminal.ts'

// Every report, by the name its option has; a new format is one file and one line here.
export const reports: Record<string, (groups: GroupResult[], options: ReportOptions) => string> = {
  annotations: (groups, options) => githubAnnotations(groups, options).join('\n'),
  html: htmlReport,
  json: jsonReport,
  junit: junitReport,
  markdown: markdownReport,
  terminal: terminalReport,
}

export { applyBaseline, BaselineError, readBaseline, writeBaseline } from './baseline.ts'
export { progressReporter } from './progress.ts'
export { mergeReports, pagesOfShard, parseShard } from './shards.ts'
export { groupFails, strictFragments } from './summary.ts'
