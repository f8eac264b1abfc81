import { relative } from 'node:path'
import type { GroupResult } from './check-page.ts'
import { isFailure, type ReportOptions } from './reports.ts'

// GitHub Actions workflow commands: each failure becomes an annotation on the page's line, shown
// in the pull request's diff. Their escaping: data escapes %, CR and LF; properties also : and ,.
const data = (text: string) =>
  text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
const property = (text: string) => data(text).replaceAll(':', '%3A').replaceAll(',', '%2C')

const command = (
  level: 'error' | 'warning',
  file: string,
  line: number,
  title: string,
  message: string,
) => `::${level} file=${property(file)},line=${line},title=${property(title)}::${data(message)}`

export const githubAnnotations = (groups: GroupResult[], { strict, base }: ReportOptions) =>
  groups.flatMap((group) => {
    const file = relative(base, group.page)
    const tabs = group.tabs
      .filter(isFailure)
      .map((tab) =>
        command(
          'error',
          file,
          tab.line,
          `docs:verify › ${tab.title}`,
          `${tab.verdict}: ${tab.reason}${tab.fix ? `\nfix: ${tab.fix}` : ''}`,
        ),
      )
    const headers =
      group.comparison.headers.length > 0
        ? [
            command(
              strict ? 'error' : 'warning',
              file,
              group.line,
              'docs:verify › headers differ',
              group.comparison.headers.join('\n'),
            ),
          ]
        : []
    return [...tabs, ...headers]
  })
